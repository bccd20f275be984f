// A pod made from a workload's template, as every workload controller makes it: the template's
// labels, annotations, finalizers and spec, `generateName` of the owner's name and a dash, and
// the owner as controller. Upstream: pkg/controller/controller_utils.go (GetPodFromTemplate).

import type { Pod, PodTemplateSpec } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { clone } from '../../api/objects';
import { controllerReference } from './owner-refs';

export function podFromTemplate(template: PodTemplateSpec, owner: KubeObject, extraLabels: Record<string, string> = {}): Pod {
  const meta = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name ?? ''}-`,
      namespace: owner.metadata.namespace,
      labels: { ...meta.labels, ...extraLabels },
      ownerReferences: [controllerReference(owner)],
    },
    spec: clone(template.spec),
  };
  if (meta.annotations && Object.keys(meta.annotations).length > 0) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers && meta.finalizers.length > 0) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}
