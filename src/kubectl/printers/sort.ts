// --sort-by: orders objects, a Table's rows (by their embedded objects) or whole Tables by a
// JSONPath value, as the real kubectl v1.32 does: Go's sort.Sort (not stable) with its Less,
// where an item without the value is less than any other (even another without it), a null
// value is less than any present one, strings compare as quantities when both are, else byte by
// byte, numbers of one Go type by value, and any other pairing is fatal (klog's `F` line, exit 1).
// When no item has the value at all, kubectl says so. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go.

import { isQuantity, parseQuantity } from '../../api/quantity';
import { KubectlError } from '../errors';
import { goSort } from '../go-sort';
import { compileJsonPath, relaxedJsonPath, type CompiledJsonPath } from '../jsonpath/evaluate';
import { klogHeader } from '../../util/klog';

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

/** Go's error for two values it cannot order, e.g. `unsortable type: bool`. */
class UnsortableError extends Error {}

/** The Go type a JSON value decodes to in an unstructured object. */
function goTypeName(value: unknown): string {
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** JSON numbers decode to int64 when whole, float64 otherwise; Go orders only like with like. */
function sameNumberType(a: number, b: number): boolean {
  return Number.isInteger(a) === Number.isInteger(b);
}

function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'string') {
    if (typeof b === 'string') return stringLess(a, b);
  } else if (typeof a === 'number') {
    if (typeof b === 'number' && sameNumberType(a, b)) return a < b;
  } else {
    throw new UnsortableError(`unsortable type: ${goTypeName(a)}`);
  }
  throw new UnsortableError('unsortable interface: interface');
}

/** No item had the value: a table printer prints nothing for it, other outputs fail with this. */
export class NoSortFieldError extends KubectlError {}

/**
 * Where the sort runs, which names the fatal line's source and the container Go reports:
 * a Table's rows in the table printer, or whole objects (and whole Tables) otherwise.
 */
export type SortSite = 'rows' | 'objects';

const FATAL_SITES: Record<SortSite, { source: string; container: string }> = {
  rows: { source: 'sorter.go:375', container: '[][][]reflect.Value' },
  objects: { source: 'sorter.go:329', container: '*unstructured.Unstructured' },
};

function sortPath(field: string): { text: string; path: CompiledJsonPath } {
  try {
    const text = relaxedJsonPath(field);
    return { text, path: compileJsonPath(text) };
  } catch (error) {
    throw new KubectlError(`error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface SortOptions {
  site: SortSite;
  /** Cluster time, for the fatal line's timestamp. */
  now: number;
}

/** Orders items by the first value the path finds in `objectOf(item)`, as kubectl does. */
export function sortBy<T>(items: T[], field: string, objectOf: (item: T) => unknown, options: SortOptions): T[] {
  const { text, path } = sortPath(field);
  const keyed = items.map((item) => {
    const groups = path.findResults(objectOf(item));
    return { item, key: groups[0]?.[0], missing: groups.length === 0 || groups[0].length === 0 };
  });
  if (keyed.length > 0 && keyed.every((entry) => entry.missing)) {
    throw new NoSortFieldError(`error: couldn't find any field with path "${text}" in the list of objects`);
  }
  const site = FATAL_SITES[options.site];
  goSort(keyed, (x, y) => {
    if (x.missing) return true;
    if (y.missing) return false;
    try {
      return isLess(x.key, y.key);
    } catch (error) {
      if (!(error instanceof UnsortableError)) throw error;
      throw new KubectlError(`${klogHeader('F', options.now, site.source)}Field ${text} in ${site.container} is an unsortable type: interface, err: ${error.message}`);
    }
  });
  return keyed.map((entry) => entry.item);
}
