// The pod strategy: defaults, validation, Pending status on create, which spec fields an update
// may change, field selectors and graceful deletion. Upstream: pkg/registry/core/pod/strategy.go.

import type { Pod, Toleration } from '../../api/core';
import { defaultPodSpec } from '../../api/defaults/pod';
import { fieldError, type FieldError } from '../../api/field-errors';
import { jsonEqual } from '../../api/objects';
import { qosClass } from '../../api/qos';
import { findResource } from '../../api/scheme';
import { validatePodSpec } from '../../api/validation/pod';
import type { Strategy } from '../registry/strategy';
import { podTable } from '../tables/pods';
import { podWarnings } from '../warnings/pod-spec-warnings';

const MUTABLE_SPEC_MESSAGE =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The spec with the fields an update may change made equal to the old pod's. */
function immutablePart(pod: Pod, old: Pod): unknown {
  const spec = structuredClone(pod.spec);
  spec.containers = spec.containers.map((c, i) => ({ ...c, image: old.spec.containers[i]?.image }));
  if (spec.initContainers) spec.initContainers = spec.initContainers.map((c, i) => ({ ...c, image: old.spec.initContainers?.[i]?.image }));
  spec.activeDeadlineSeconds = old.spec.activeDeadlineSeconds;
  spec.terminationGracePeriodSeconds = old.spec.terminationGracePeriodSeconds;
  spec.tolerations = old.spec.tolerations;
  return spec;
}

function tolerationsOnlyAdded(pod: Pod, old: Pod): boolean {
  const now: Toleration[] = pod.spec.tolerations ?? [];
  return (old.spec.tolerations ?? []).every((t) => now.some((n) => jsonEqual(n, t)));
}

export const podStrategy: Strategy<Pod> = {
  type: findResource('', 'v1', 'pods')!,
  hasStatus: true,
  returnsDeletedObject: true,
  defaults(pod) {
    pod.spec ??= { containers: [] };
    defaultPodSpec(pod.spec);
  },
  prepareForCreate(pod) {
    pod.status = { phase: 'Pending', qosClass: qosClass(pod.spec) };
  },
  prepareForStatusUpdate(pod, old) {
    pod.metadata.ownerReferences = old.metadata.ownerReferences;
    if (!old.metadata.ownerReferences) delete pod.metadata.ownerReferences;
  },
  validate(pod) {
    return validatePodSpec(pod.spec, 'spec');
  },
  warningsOnCreate(pod) {
    return podWarnings(pod.spec, pod.metadata);
  },
  validateUpdate(pod, old): FieldError[] {
    const errs = validatePodSpec(pod.spec, 'spec');
    if (pod.spec.containers.length !== old.spec.containers.length || !jsonEqual(immutablePart(pod, old), old.spec) || !tolerationsOnlyAdded(pod, old)) {
      errs.push(fieldError.forbidden('spec', MUTABLE_SPEC_MESSAGE));
    }
    return errs;
  },
  selectableFields(pod) {
    return {
      'spec.nodeName': pod.spec?.nodeName ?? '',
      'spec.restartPolicy': pod.spec?.restartPolicy ?? '',
      'spec.schedulerName': pod.spec?.schedulerName ?? '',
      'spec.serviceAccountName': pod.spec?.serviceAccountName ?? '',
      'spec.hostNetwork': String(pod.spec?.hostNetwork ?? false),
      'status.phase': pod.status?.phase ?? '',
      'status.podIP': pod.status?.podIP ?? '',
      'status.nominatedNodeName': pod.status?.nominatedNodeName ?? '',
    };
  },
  gracePeriod(pod, requested) {
    if (!pod.spec.nodeName) return 0;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
    return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  },
  table: podTable,
};
