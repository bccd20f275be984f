// --sort-by: orders objects (or a Table's rows, by their embedded objects) by a JSONPath
// value, comparing strings as the real kubectl v1.32 does (quantities by value, other strings
// byte by byte: checked against it, which does not order digits naturally), numbers by value
// and false before true; rows without the value come first. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go.

import { isQuantity, parseQuantity } from '../../api/quantity';
import { KubectlError } from '../errors';
import { compileJsonPath, relaxedJsonPath, type CompiledJsonPath } from '../jsonpath/evaluate';

/** Both texts parse as quantities (ParseQuantity takes no surrounding spaces). */
function bothQuantities(a: string, b: string): boolean {
  return a.trim() === a && b.trim() === b && isQuantity(a) && isQuantity(b);
}

/**
 * How the real kubectl (v1.32) orders two strings: by value when both are quantities (`2m`,
 * `9`, `10`, `1k`), otherwise byte by byte (`a-b`, `a09`, `a1`, `a10`, `a9`).
 */
export function stringLess(a: string, b: string): boolean {
  if (bothQuantities(a, b)) return parseQuantity(a) < parseQuantity(b);
  return a < b;
}

function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return stringLess(a, b);
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
