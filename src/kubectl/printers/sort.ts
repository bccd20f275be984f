// --sort-by: orders objects (or a Table's rows, by their embedded objects) by a JSONPath
// value, comparing strings in natural order (digits as numbers), numbers by value and false
// before true; rows without the value come first. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go and github.com/fvbommel/sortorder.

import { KubectlError } from '../errors';
import { compileJsonPath, relaxedJsonPath, type CompiledJsonPath } from '../jsonpath/evaluate';

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const digitA = isDigit(a[i]);
    const digitB = isDigit(b[j]);
    if (digitA !== digitB) return digitA;
    if (!digitA) {
      if (a[i] !== b[j]) return a[i] < b[j];
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === '0') i++;
    while (j < b.length && b[j] === '0') j++;
    const startA = i;
    const startB = j;
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    if (i - startA !== j - startB) return i - startA < j - startB;
    const numberA = a.slice(startA, i);
    const numberB = b.slice(startB, j);
    if (numberA !== numberB) return numberA < numberB;
    if (startA !== startB) return startA < startB;
  }
  return a.length < b.length;
}

function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b);
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  if (a === null || a === undefined) return b !== null && b !== undefined;
  throw new KubectlError(`error: unsorted type: ${typeof a}`);
}

export function sortPath(field: string): CompiledJsonPath {
  try {
    return compileJsonPath(relaxedJsonPath(field));
  } catch (error) {
    throw new KubectlError(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Sorts items (stably) by the first value the path finds in `objectOf(item)`. */
export function sortBy<T>(items: T[], field: string, objectOf: (item: T) => unknown): T[] {
  const path = sortPath(field);
  const keyed = items.map((item) => {
    const groups = path.findResults(objectOf(item));
    return { item, key: groups[0]?.[0], missing: groups.length === 0 || groups[0].length === 0 };
  });
  const merged = keyed.map((entry, index) => ({ ...entry, index }));
  merged.sort((x, y) => {
    if (x.missing || y.missing) return x.missing === y.missing ? x.index - y.index : x.missing ? -1 : 1;
    if (isLess(x.key, y.key)) return -1;
    if (isLess(y.key, x.key)) return 1;
    return x.index - y.index;
  });
  return merged.map((entry) => entry.item);
}
