// JSON patch (RFC 6902): add, remove, replace, move, copy and test operations on JSON pointers.
// Errors carry the messages the API server returns for a failed patch.

import { isPlainObject, jsonEqual } from '../../api/objects';

export class JsonPatchError extends Error {}

interface Operation {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`JSON pointer must start with '/': ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function container(doc: unknown, tokens: string[], op: string, path: string): { parent: unknown; key: string } {
  let current = doc;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isPlainObject(current)) current = current[token];
    else current = undefined;
    if (current === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return { parent: current, key: tokens[tokens.length - 1] };
}

function read(doc: unknown, path: string, op: string): unknown {
  let current = doc;
  for (const token of parsePointer(path)) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isPlainObject(current)) current = current[token];
    else current = undefined;
    if (current === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return current;
}

function add(doc: unknown, path: string, value: unknown, op = 'add'): unknown {
  const tokens = parsePointer(path);
  if (tokens.length === 0) return value;
  const { parent, key } = container(doc, tokens, op, path);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
    parent.splice(index, 0, value);
  } else if (isPlainObject(parent)) {
    parent[key] = value;
  } else {
    throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return doc;
}

function remove(doc: unknown, path: string, op = 'remove'): unknown {
  const tokens = parsePointer(path);
  const { parent, key } = container(doc, tokens, op, path);
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= parent.length) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
    parent.splice(index, 1);
  } else if (isPlainObject(parent) && key in parent) {
    delete parent[key];
  } else {
    throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  return doc;
}

export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = structuredClone(target);
  for (const raw of operations as Operation[]) {
    if (!isPlainObject(raw) || typeof raw.path !== 'string') throw new JsonPatchError('invalid JSON patch operation');
    switch (raw.op) {
      case 'add':
        doc = add(doc, raw.path, structuredClone(raw.value));
        break;
      case 'remove':
        doc = remove(doc, raw.path);
        break;
      case 'replace':
        read(doc, raw.path, 'replace');
        doc = remove(doc, raw.path, 'replace');
        doc = add(doc, raw.path, structuredClone(raw.value), 'replace');
        break;
      case 'move': {
        const value = read(doc, raw.from ?? '', 'move');
        doc = remove(doc, raw.from ?? '', 'move');
        doc = add(doc, raw.path, value, 'move');
        break;
      }
      case 'copy':
        doc = add(doc, raw.path, structuredClone(read(doc, raw.from ?? '', 'copy')), 'copy');
        break;
      case 'test':
        if (!jsonEqual(read(doc, raw.path, 'test'), raw.value)) throw new JsonPatchError(`testing value ${raw.path} failed: test failed`);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${raw.op}`);
    }
  }
  return doc;
}
