// The order Go marshals in: a struct's fields in declaration order, a map's keys sorted.

/** A map as Go marshals it: keys sorted (entries decoded in document order, for the errors). */
export function withSortedKeys(map: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(map).sort()) sorted[key] = map[key];
  return sorted;
}

/**
 * Sorts the first `count` present fields into Go's order (insertion sort: a handful of fields,
 * nearly sorted).
 */
export function sortByIndex(indices: number[], values: unknown[], count: number): void {
  for (let p = 1; p < count; p++) {
    const index = indices[p];
    const value = values[p];
    let q = p - 1;
    for (; q >= 0 && indices[q] > index; q--) {
      indices[q + 1] = indices[q];
      values[q + 1] = values[q];
    }
    indices[q + 1] = index;
    values[q + 1] = value;
  }
}
