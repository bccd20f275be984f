// Where an object keeps its pod spec: a pod its own, a workload in its pod template.

import type { PodSpec } from '../../../api/core';
import type { KubeObject } from '../../../api/meta';

/** The pod spec inside an object: a pod's own, or a workload's template. */
export function podSpecOf(object: KubeObject): PodSpec | undefined {
  if (object.kind === 'Pod') return object.spec as PodSpec | undefined;
  const template = (object.spec as { template?: { spec?: PodSpec } } | undefined)?.template;
  return template?.spec;
}
