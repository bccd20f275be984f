// JSON patch (RFC 6902) as the library both the API server and kubectl use applies it
// (evanphx/json-patch v4): add, remove, replace, move, copy and test on JSON pointers, with its
// leniencies (replace or copy of a missing object key acts as add; a missing value tests equal
// to null; negative array indices count from the end) and its error messages, which name the
// path, the missing key or the bad index the way it does.

import { isPlainObject, jsonEqual } from '../../api/objects';

export class JsonPatchError extends Error {}

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

/** An object or array inside the document, and the key the pointer ends with. */
type Container = { parent: Record<string, unknown> | unknown[]; key: string };

/** A failure of one container operation, before the operation adds where it happened. */
class AccessError extends Error {}

function decodeKey(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The container a pointer's last token is in; undefined when the pointer leads nowhere. */
function findContainer(doc: unknown, path: string): Container | undefined {
  const parts = path.split('/');
  if (parts.length < 2) return undefined;
  let current: unknown = doc;
  for (const part of parts.slice(1, -1)) {
    const next = Array.isArray(current) ? arrayGet(current, part, true) : isPlainObject(current) ? current[decodeKey(part)] : undefined;
    if (next === undefined || next === null || (!Array.isArray(next) && !isPlainObject(next))) return undefined;
    current = next;
  }
  if (!Array.isArray(current) && !isPlainObject(current)) return undefined;
  return { parent: current, key: decodeKey(parts[parts.length - 1]) };
}

/**
 * An array index below `size` (the array's length, or one more where adding); a negative one
 * counts back from `size`.
 */
function arrayIndex(key: string, size: number): number {
  if (!/^-?\d+$/.test(key)) throw new AccessError(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  let index = Number(key);
  if (index < 0) {
    if (index < -size) throw new AccessError(`Unable to access invalid index: ${index}: ${INVALID_INDEX}`);
    index += size;
  }
  if (index >= size) throw new AccessError(`Unable to access invalid index: ${index}: ${INVALID_INDEX}`);
  return index;
}

function arrayGet(array: unknown[], key: string, quiet = false): unknown {
  try {
    return array[arrayIndex(key, array.length)];
  } catch (error) {
    if (quiet && error instanceof AccessError) return undefined;
    throw error;
  }
}

function get({ parent, key }: Container): unknown {
  return Array.isArray(parent) ? arrayGet(parent, key) : parent[key];
}

function add({ parent, key }: Container, value: unknown): void {
  if (!Array.isArray(parent)) parent[key] = value;
  else if (key === '-') parent.push(value);
  else parent.splice(arrayIndex(key, parent.length + 1), 0, value);
}

function set({ parent, key }: Container, value: unknown): void {
  if (Array.isArray(parent)) parent[arrayIndex(key, parent.length)] = value;
  else parent[key] = value;
}

function remove({ parent, key }: Container): void {
  if (Array.isArray(parent)) parent.splice(arrayIndex(key, parent.length), 1);
  else if (key in parent) delete parent[key];
  else throw new AccessError(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
}

/** Runs a container operation; an access failure becomes `context: failure` (or just `context`, `replacing`). */
function attempt<T>(context: string, action: () => T, replacing = false): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof AccessError) throw new JsonPatchError(replacing ? context : `${context}: ${error.message}`);
    throw error;
  }
}

function pointer(operation: Record<string, unknown>, field: 'path' | 'from', op: string): string {
  const value = operation[field];
  if (typeof value === 'string') return value;
  if (field === 'path') throw new JsonPatchError(`${op} operation failed to decode path: ${MISSING}`);
  throw new JsonPatchError(`${op} operation failed to decode from: operation, missing from field: ${MISSING}`);
}

function at(doc: unknown, path: string, missing: string): Container {
  const found = findContainer(doc, path);
  if (!found) throw new JsonPatchError(`${missing}: ${MISSING}`);
  return found;
}

function apply(doc: unknown, operation: Record<string, unknown>): void {
  const op = operation.op;
  switch (op) {
    case 'add': {
      const path = pointer(operation, 'path', op);
      const target = at(doc, path, `add operation does not apply: doc is missing path: "${path}"`);
      attempt(`error in add for path: '${path}'`, () => add(target, structuredClone(operation.value ?? null)));
      return;
    }
    case 'remove': {
      const path = pointer(operation, 'path', op);
      const target = at(doc, path, `remove operation does not apply: doc is missing path: "${path}"`);
      attempt(`error in remove for path: '${path}'`, () => remove(target));
      return;
    }
    case 'replace': {
      const path = pointer(operation, 'path', op);
      const target = at(doc, path, `replace operation does not apply: doc is missing path: ${path}`);
      attempt(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`, () => get(target), true);
      attempt(`error in remove for path: '${path}'`, () => set(target, structuredClone(operation.value ?? null)));
      return;
    }
    case 'move': {
      const from = pointer(operation, 'from', op);
      const source = at(doc, from, `move operation does not apply: doc is missing from path: ${from}`);
      const value = attempt(`error in move for path: '${source.key}'`, () => get(source));
      attempt(`error in move for path: '${source.key}'`, () => remove(source));
      const path = pointer(operation, 'path', op);
      const target = at(doc, path, `move operation does not apply: doc is missing destination path: ${path}`);
      attempt(`error in move for path: '${target.key}'`, () => add(target, value));
      return;
    }
    case 'copy': {
      const from = pointer(operation, 'from', op);
      const source = at(doc, from, `copy operation does not apply: doc is missing from path: ${from}`);
      const value = attempt(`error in copy for from: '${from}'`, () => get(source));
      const path = pointer(operation, 'path', op);
      const target = at(doc, path, `copy operation does not apply: doc is missing destination path: ${path}`);
      attempt('error while adding value during copy', () => add(target, structuredClone(value ?? null)));
      return;
    }
    case 'test': {
      const path = pointer(operation, 'path', op);
      const target = at(doc, path, `test operation does not apply: is missing path: ${path}`);
      const value = attempt(`error in test for path: '${path}'`, () => get(target));
      if (!jsonEqual(value ?? null, operation.value ?? null)) throw new JsonPatchError(`testing value ${path} failed: test failed`);
      return;
    }
    default:
      throw new JsonPatchError(`Unexpected kind: ${typeof op === 'string' ? op : 'unknown'}`);
  }
}

/** How Go's encoding/json names a JSON value's type in an unmarshal error. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  const doc = structuredClone(target);
  if (operations === null) return doc;
  if (!Array.isArray(operations)) throw new JsonPatchError(`json: cannot unmarshal ${jsonKind(operations)} into Go value of type jsonpatch.Patch`);
  for (const operation of operations) {
    if (operation === null) throw new JsonPatchError('Unexpected kind: unknown');
    if (!isPlainObject(operation)) throw new JsonPatchError(`json: cannot unmarshal ${jsonKind(operation)} into Go value of type jsonpatch.Operation`);
    apply(doc, operation);
  }
  return doc;
}
