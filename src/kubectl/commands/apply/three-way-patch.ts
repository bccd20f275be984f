// The patch `kubectl apply` sends: a three-way strategic merge patch from the last applied
// configuration (original), the file (modified) and the live object (current). Fields removed
// from the file since the last apply are deleted (null, `$patch: delete`,
// `$deleteFromPrimitiveList`); fields the file sets differently from the live object are
// changed; everything else the server or others set is left alone. Lists merge by their keys
// and keep the file's order (`$setElementOrder`). Without patch metadata (unknown kinds) lists
// are replaced whole, as in a JSON merge patch.
// Upstream: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.

import { isPlainObject, jsonEqual } from '../../../api/objects';
import type { PatchMeta } from '../../../apiserver/patch/strategic-merge';

type JsonMap = Record<string, unknown>;

function keyed(list: unknown[], key: string): Map<string, JsonMap> {
  const map = new Map<string, JsonMap>();
  for (const item of list) if (isPlainObject(item) && item[key] !== undefined) map.set(JSON.stringify(item[key]), item);
  return map;
}

/** Changes and additions that turn `current` into `modified` (nothing is deleted). */
function additions(current: JsonMap, modified: JsonMap, path: string[], meta: PatchMeta | undefined): JsonMap {
  const patch: JsonMap = {};
  for (const [key, value] of Object.entries(modified)) {
    const existing = current[key];
    if (jsonEqual(existing, value)) continue;
    const childPath = [...path, key];
    if (isPlainObject(value) && isPlainObject(existing)) {
      const inner = additions(existing, value, childPath, meta);
      if (Object.keys(inner).length > 0) patch[key] = inner;
      continue;
    }
    if (Array.isArray(value) && Array.isArray(existing) && meta) {
      const strategy = meta(childPath);
      if (strategy && 'mergeKey' in strategy) {
        const mergeKey = strategy.mergeKey;
        const live = keyed(existing, mergeKey);
        const items: unknown[] = [];
        for (const item of value) {
          if (!isPlainObject(item)) continue;
          const match = live.get(JSON.stringify(item[mergeKey]));
          if (!match) items.push(item);
          else {
            const inner = additions(match, item, childPath, meta);
            if (Object.keys(inner).length > 0) items.push({ [mergeKey]: item[mergeKey], ...inner });
          }
        }
        const sameOrder = jsonEqual(
          existing.filter((i) => isPlainObject(i) && value.some((v) => isPlainObject(v) && jsonEqual(v[mergeKey], i[mergeKey]))).map((i) => (i as JsonMap)[mergeKey]),
          value.map((v) => (isPlainObject(v) ? v[mergeKey] : v)),
        );
        if (items.length > 0 || !sameOrder) {
          patch[`$setElementOrder/${key}`] = value.map((v) => (isPlainObject(v) ? { [mergeKey]: v[mergeKey] } : v));
          if (items.length > 0) patch[key] = items;
        }
        continue;
      }
      if (strategy && 'set' in strategy) {
        const added = value.filter((v) => !existing.some((e) => jsonEqual(e, v)));
        if (added.length > 0) patch[key] = added;
        continue;
      }
    }
    patch[key] = value;
  }
  return patch;
}

/** Deletions of what `original` had and `modified` no longer has. */
function deletions(original: JsonMap, modified: JsonMap, path: string[], meta: PatchMeta | undefined): JsonMap {
  const patch: JsonMap = {};
  for (const [key, value] of Object.entries(original)) {
    const childPath = [...path, key];
    if (!(key in modified)) {
      patch[key] = null;
      continue;
    }
    const next = modified[key];
    if (isPlainObject(value) && isPlainObject(next)) {
      const inner = deletions(value, next, childPath, meta);
      if (Object.keys(inner).length > 0) patch[key] = inner;
      continue;
    }
    if (Array.isArray(value) && Array.isArray(next) && meta) {
      const strategy = meta(childPath);
      if (strategy && 'mergeKey' in strategy) {
        const mergeKey = strategy.mergeKey;
        const kept = keyed(next, mergeKey);
        const removed: unknown[] = [];
        for (const item of value) {
          if (!isPlainObject(item)) continue;
          const match = kept.get(JSON.stringify(item[mergeKey]));
          if (!match) removed.push({ [mergeKey]: item[mergeKey], $patch: 'delete' });
          else {
            const inner = deletions(item, match, childPath, meta);
            if (Object.keys(inner).length > 0) removed.push({ [mergeKey]: item[mergeKey], ...inner });
          }
        }
        if (removed.length > 0) patch[key] = removed;
      } else if (strategy && 'set' in strategy) {
        const removed = value.filter((v) => !next.some((n) => jsonEqual(n, v)));
        if (removed.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = removed;
      }
    }
  }
  return patch;
}

function mergePatches(a: JsonMap, b: JsonMap, path: string[], meta: PatchMeta | undefined): JsonMap {
  const result: JsonMap = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = result[key];
    if (isPlainObject(existing) && isPlainObject(value)) result[key] = mergePatches(existing, value, [...path, key], meta);
    else if (Array.isArray(existing) && Array.isArray(value) && meta) {
      const strategy = meta([...path, key]);
      if (strategy && 'mergeKey' in strategy) {
        const mergeKey = strategy.mergeKey;
        const merged = [...existing];
        for (const item of value) {
          const index = merged.findIndex((m) => isPlainObject(m) && isPlainObject(item) && jsonEqual(m[mergeKey], item[mergeKey]));
          if (index >= 0 && isPlainObject(item)) merged[index] = { ...(merged[index] as JsonMap), ...item };
          else merged.push(item);
        }
        result[key] = merged;
      } else result[key] = value;
    } else result[key] = value;
  }
  return result;
}

/** The patch for `kubectl apply`; `{}` when nothing would change. */
export function threeWayPatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, meta: PatchMeta | undefined): JsonMap {
  const changes = additions(current, modified, [], meta);
  const removals = original ? deletions(original, modified, [], meta) : {};
  return mergePatches(removals, changes, [], meta);
}

/** A two-way patch from `original` to `modified` (kubectl edit, set, label): changes and deletions. */
export function twoWayPatch(original: JsonMap, modified: JsonMap, meta: PatchMeta | undefined): JsonMap {
  return threeWayPatch(original, modified, original, meta);
}
