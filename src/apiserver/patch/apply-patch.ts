// PATCH requests: applies a JSON merge patch, JSON patch or strategic merge patch to the current
// object, then decodes the result with field validation as upstream does: unknown fields refused
// (`strict decoding error: unknown field "spec.foo"`) or returned as warnings, and a result Go
// cannot read turned into an Invalid error on `patch`. Upstream:
// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go.

import type { KubeObject } from '../../api/meta';
import { isPlainObject } from '../../api/objects';
import { decodeWithSchema, GoDecodeError } from '../../api/schema/decode';
import { schemaForKind } from '../../api/schema/registry';
import { readBody, type DecodedObject, type ExpectedKind, type FieldValidation } from '../body';
import { errors } from '../errors';
import type { ApiRequest } from '../request';
import { goFormat } from './go-format';
import { applyJsonPatch, JsonPatchError } from './json-patch';
import { applyMergePatch } from './merge-patch';
import { schemaPatchMeta } from './patch-meta';
import { applyStrategicMergePatch, StrategicMergeError } from './strategic-merge';

const PATCH_TYPES = new Set(['application/merge-patch+json', 'application/json-patch+json', 'application/strategic-merge-patch+json']);

export interface ParsedPatch {
  contentType: string;
  patch: unknown;
}

/** Reads a PATCH body: its patch type from Content-Type and the patch document. */
export async function parsePatch(req: ApiRequest): Promise<ParsedPatch> {
  const contentType = (req.headers?.['content-type'] ?? '').split(';')[0].trim();
  if (!PATCH_TYPES.has(contentType)) throw errors.unsupportedMediaType(contentType);
  const patch = (await readBody({ ...req, headers: { ...req.headers, 'content-type': 'application/json' } })).value;
  return { contentType, patch };
}

/** The current object with the patch applied and decoded, ready to update with. */
export function applyPatch(parsed: ParsedPatch, current: KubeObject, expected: ExpectedKind, validation: FieldValidation): DecodedObject {
  const { contentType, patch } = parsed;
  const schema = schemaForKind(expected.group, expected.version, expected.kind);
  if (!schema) throw errors.internal(`no schema for ${expected.kind}`);
  let result: unknown;
  try {
    switch (contentType) {
      case 'application/merge-patch+json':
        if (!isPlainObject(patch)) throw errors.badRequest(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
        result = applyMergePatch(current, patch);
        break;
      case 'application/json-patch+json':
        result = applyJsonPatch(current, patch);
        break;
      default:
        result = applyStrategicMergePatch(current, patch, schemaPatchMeta(schema));
    }
  } catch (error) {
    if (error instanceof JsonPatchError || error instanceof StrategicMergeError) throw errors.badRequest(error.message);
    throw error;
  }
  if (!isPlainObject(result)) throw errors.badRequest('the patched object is not an object');
  try {
    const decoded = decodeWithSchema(result, schema);
    if (decoded.strictErrors.length > 0 && validation === 'Strict') throw errors.badRequest(`strict decoding error: ${decoded.strictErrors.join(', ')}`);
    const object = decoded.object as KubeObject;
    const expectedVersion = expected.group ? `${expected.group}/${expected.version}` : expected.version;
    if (object.kind !== current.kind || object.apiVersion !== expectedVersion) throw errors.badRequest('the patch may not change the kind or apiVersion of the object');
    return { object, warnings: validation === 'Warn' ? decoded.strictErrors : [] };
  } catch (error) {
    if (!(error instanceof GoDecodeError)) throw error;
    const shown = contentType === 'application/strategic-merge-patch+json' ? goFormat(patch) : JSON.stringify(result);
    throw errors.invalid('', '', '', [{ type: 'FieldValueInvalid', field: 'patch', value: shown, detail: error.message }]);
  }
}
