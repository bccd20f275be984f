// Request bodies: decoding an object for create and update (kind and version checked against
// the URL, filled in when missing), and applying a patch of one of the three patch types to the
// current object.

import type { KubeObject } from '../api/meta';
import { clone, isPlainObject } from '../api/objects';
import { errors } from './errors';
import { applyJsonPatch, JsonPatchError } from './patch/json-patch';
import { applyMergePatch } from './patch/merge-patch';
import { builtinPatchMeta } from './patch/patch-meta';
import { applyStrategicMergePatch, StrategicMergeError } from './patch/strategic-merge';
import type { ApiRequest } from './request';

interface Expected {
  group: string;
  version: string;
  kind: string;
}

function parseBody(req: ApiRequest): unknown {
  if (typeof req.body !== 'string') return req.body;
  try {
    return JSON.parse(req.body);
  } catch (error) {
    throw errors.badRequest(`couldn't get version/kind; json parse error: ${(error as Error).message}`);
  }
}

/** The request body as an object of the expected kind (a mutable copy). */
export function decodeObject(req: ApiRequest, expected: Expected, strictKind: boolean): KubeObject {
  const body = parseBody(req);
  if (!isPlainObject(body)) throw errors.badRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`);
  const object = clone(body) as KubeObject;
  const expectedVersion = expected.group ? `${expected.group}/${expected.version}` : expected.version;
  if (object.apiVersion === undefined || object.apiVersion === '') object.apiVersion = expectedVersion;
  if (object.kind === undefined || object.kind === '') object.kind = expected.kind;
  if (typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') throw errors.badRequest('apiVersion and kind must be strings');
  if (strictKind && object.apiVersion !== expectedVersion) {
    throw errors.badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${expectedVersion})`);
  }
  if (strictKind && object.kind !== expected.kind) {
    throw errors.badRequest(`${object.kind} in version "${expected.version}" cannot be handled as a ${expected.kind}: no kind "${object.kind}" is registered for version "${object.apiVersion}"`);
  }
  if (object.metadata === undefined || object.metadata === null) object.metadata = {};
  if (!isPlainObject(object.metadata)) throw errors.badRequest(`${expected.kind} in version "${expected.version}" cannot be handled as a ${expected.kind}: metadata must be an object`);
  return object;
}

/** The current object with the request's patch applied, as a mutable object to update with. */
export function patchObject(req: ApiRequest, current: KubeObject, expected: Expected): KubeObject {
  const contentType = (req.headers?.['content-type'] ?? '').split(';')[0].trim();
  const patch = parseBody(req);
  let result: unknown;
  try {
    switch (contentType) {
      case 'application/merge-patch+json':
        if (!isPlainObject(patch)) throw errors.badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
        result = applyMergePatch(current, patch);
        break;
      case 'application/json-patch+json':
        result = applyJsonPatch(current, patch);
        break;
      case 'application/strategic-merge-patch+json':
        result = applyStrategicMergePatch(current, patch, builtinPatchMeta);
        break;
      default:
        throw errors.unsupportedMediaType(contentType);
    }
  } catch (error) {
    if (error instanceof JsonPatchError || error instanceof StrategicMergeError) throw errors.badRequest(error.message);
    throw error;
  }
  if (!isPlainObject(result)) throw errors.badRequest('the patched object is not an object');
  const object = clone(result) as KubeObject;
  const expectedVersion = expected.group ? `${expected.group}/${expected.version}` : expected.version;
  if (object.kind !== current.kind || object.apiVersion !== expectedVersion) {
    throw errors.badRequest(`the patch may not change the kind or apiVersion of the object`);
  }
  object.metadata ??= {};
  return object;
}
