// kubectl run --overrides: an inline JSON merge patch (or, by --override-type, a JSON patch or a
// strategic merge patch) applied to the generated pod, which is then read back as a Pod the way
// Go decodes it: unknown fields dropped, a value of the wrong type an error. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/util/override_options.go.

import type { Pod } from '../../../api/core';
import { decodeWithSchema, GoDecodeError } from '../../../api/schema/decode';
import { JsonSyntaxError, parseJsonText } from '../../../api/schema/json-text';
import { schemaForKind } from '../../../api/schema/registry';
import { applyJsonPatch, JsonPatchError } from '../../../apiserver/patch/json-patch';
import { applyMergePatch } from '../../../apiserver/patch/merge-patch';
import { applyStrategicMergePatch } from '../../../apiserver/patch/strategic-merge';
import { KubectlError } from '../../errors';
import { patchMetaFor } from '../../patch-meta';

/** The overrides as JSON; text that is not JSON fails with `invalid`, or Go's syntax error. */
function parseOverrides(overrides: string, invalid?: string): unknown {
  try {
    return parseJsonText(overrides).value;
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new KubectlError(`error: ${invalid ?? error.message}`);
    throw error;
  }
}

function patched(pod: Pod, overrides: string, overrideType: string): unknown {
  switch (overrideType) {
    case 'merge':
      return applyMergePatch(pod, parseOverrides(overrides, 'Invalid JSON Patch'));
    case 'json':
      try {
        return applyJsonPatch(pod, parseOverrides(overrides));
      } catch (error) {
        if (error instanceof JsonPatchError) throw new KubectlError(`error: ${error.message}`);
        throw error;
      }
    case 'strategic':
      return applyStrategicMergePatch(pod, parseOverrides(overrides, 'invalid JSON document'), patchMetaFor({ group: '', version: 'v1', kind: 'Pod' })!);
    default:
      throw new KubectlError(`error: invalid override type: ${overrideType}`);
  }
}

/** `pod` with the overrides applied, as a Pod. */
export function applyOverrides(pod: Pod, overrides: string, overrideType: string): Pod {
  const result = patched(pod, overrides, overrideType);
  try {
    return decodeWithSchema(result as Record<string, unknown>, schemaForKind('', 'v1', 'Pod')!).object as unknown as Pod;
  } catch (error) {
    if (error instanceof GoDecodeError) throw new KubectlError(`error: ${error.message}`);
    throw error;
  }
}
