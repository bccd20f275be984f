// Strategic merge patch: a JSON merge patch that merges lists by their merge key (containers by
// name, ports by containerPort…) and honours the `$patch`, `$retainKeys`, `$setElementOrder`
// and `$deleteFromPrimitiveList` directives. Upstream:
// staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.

import { isPlainObject, jsonEqual } from '../../api/objects';

export class StrategicMergeError extends Error {}

/** How a list field merges: by a key, as a set of primitives, or replaced whole (atomic). */
export type ListStrategy = { mergeKey: string } | { set: true } | undefined;

/** Patch metadata: the list strategy of the field at `path` (field names, no indices). */
export type PatchMeta = (path: readonly string[]) => ListStrategy;

export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta): unknown {
  if (!isPlainObject(patch)) throw new StrategicMergeError('strategic merge patch must be a JSON object');
  return mergeObject(isPlainObject(original) ? original : {}, patch, [], meta);
}

function mergeObject(original: Record<string, unknown>, patch: Record<string, unknown>, path: string[], meta: PatchMeta): Record<string, unknown> | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  const body = Object.fromEntries(Object.entries(patch).filter(([key]) => key !== '$patch'));
  if (directive === 'replace') return stripDirectives(body) as Record<string, unknown>;
  if (directive !== undefined && directive !== 'merge') throw new StrategicMergeError(`Unknown patch type: ${String(directive)}`);
  const result: Record<string, unknown> = { ...original };
  const orders: [string, unknown[]][] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('$setElementOrder/')) {
      if (Array.isArray(value)) orders.push([key.slice('$setElementOrder/'.length), value]);
      continue;
    }
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const current = result[field];
      if (Array.isArray(current) && Array.isArray(value)) result[field] = current.filter((item) => !value.some((v) => jsonEqual(v, item)));
      continue;
    }
    if (key === '$retainKeys') continue;
    const childPath = [...path, key];
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value)) {
      const merged = mergeObject(isPlainObject(result[key]) ? (result[key] as Record<string, unknown>) : {}, value, childPath, meta);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else if (Array.isArray(value)) {
      result[key] = mergeList(Array.isArray(result[key]) ? (result[key] as unknown[]) : [], value, childPath, meta);
    } else {
      result[key] = value;
    }
  }
  for (const [field, order] of orders) {
    const list = result[field];
    if (Array.isArray(list)) result[field] = reorder(list, order, meta([...path, field]));
  }
  const retain = body.$retainKeys;
  if (Array.isArray(retain)) {
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  return result;
}

function mergeList(original: unknown[], patch: unknown[], path: string[], meta: PatchMeta): unknown[] {
  const strategy = meta(path);
  if (patch.some((item) => isPlainObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isPlainObject(item) && item.$patch === 'replace')).map(stripDirectives);
  }
  if (strategy && 'set' in strategy) {
    const result = [...original];
    for (const item of patch) if (!result.some((existing) => jsonEqual(existing, item))) result.push(item);
    return result;
  }
  if (!strategy) return patch.map(stripDirectives);
  const key = strategy.mergeKey;
  const result = [...original];
  for (const item of patch) {
    if (!isPlainObject(item)) throw new StrategicMergeError(`merging an object in json but data type is not map, data type is ${typeof item}`);
    const index = result.findIndex((existing) => isPlainObject(existing) && jsonEqual(existing[key], item[key]));
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) {
      const merged = mergeObject(result[index] as Record<string, unknown>, item, path, meta);
      if (merged === undefined) result.splice(index, 1);
      else result[index] = merged;
    } else {
      result.push(stripDirectives(item));
    }
  }
  return result;
}

/** Orders a merged list as `$setElementOrder` says; items it does not name keep their place after. */
function reorder(list: unknown[], order: unknown[], strategy: ListStrategy): unknown[] {
  const keyOf = (item: unknown) => (strategy && 'mergeKey' in strategy && isPlainObject(item) ? item[strategy.mergeKey] : item);
  const orderKeys = order.map((entry) => (strategy && 'mergeKey' in strategy && isPlainObject(entry) ? entry[strategy.mergeKey] : entry));
  const ordered: unknown[] = [];
  for (const wanted of orderKeys) {
    const found = list.find((item) => jsonEqual(keyOf(item), wanted));
    if (found !== undefined) ordered.push(found);
  }
  for (const item of list) if (!ordered.includes(item)) ordered.push(item);
  return ordered;
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$')) continue;
    result[key] = stripDirectives(child);
  }
  return result;
}
