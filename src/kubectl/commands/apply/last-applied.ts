// The kubectl.kubernetes.io/last-applied-configuration annotation: the object as last applied
// (without the annotation itself), as compact JSON with sorted keys and a newline, the way
// kubectl encodes it. An object kubectl holds unstructured (read from a file) keeps an empty
// `annotations` map in it, where a typed one (a generator's) omits it.
// Upstream: staging/src/k8s.io/kubectl/pkg/util/apply.go.

import type { KubeObject } from '../../../api/meta';
import { compactJson } from '../../printers/json-printer';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A copy of `object` without the annotation (and, typed, without an emptied annotations map). */
function withoutLastApplied(object: KubeObject, unstructured: boolean): KubeObject {
  const copy = structuredClone(object);
  const annotations = copy.metadata?.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    delete annotations[LAST_APPLIED];
    if (Object.keys(annotations).length === 0 && !unstructured) delete copy.metadata.annotations;
  } else if (unstructured && !annotations) {
    copy.metadata = { ...copy.metadata, annotations: {} };
  }
  return copy;
}

/** The annotation's value for `object`. */
export function lastAppliedValue(object: KubeObject, unstructured = false): string {
  return `${compactJson(withoutLastApplied(object, unstructured))}\n`;
}

/** `object` carrying the annotation that records it. */
export function withLastApplied(object: KubeObject, unstructured = false): KubeObject {
  const copy = structuredClone(object);
  copy.metadata ??= {};
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedValue(object, unstructured) };
  return copy;
}

/**
 * An object read from a file as kubectl sends it on create or replace (CreateOrUpdateAnnotation):
 * recording itself with --save-config, and with a last-applied annotation it already carries
 * brought up to date.
 */
export function withSavedConfig(object: KubeObject, saveConfig: boolean): KubeObject {
  return saveConfig || object.metadata?.annotations?.[LAST_APPLIED] ? withLastApplied(object, true) : object;
}

/** The configuration last applied to a live object, if any. */
export function lastAppliedOf(object: KubeObject): Record<string, unknown> | undefined {
  const text = object.metadata?.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
