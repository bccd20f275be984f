// Merge keys of the built-in kinds' lists, for strategic merge patch: which lists merge by
// which key, which merge as sets, and (by omission) which are replaced whole. Upstream: the
// `patchStrategy`/`patchMergeKey` tags in staging/src/k8s.io/api/*/v1/types.go.

import type { ListStrategy, PatchMeta } from './strategic-merge';

const BY_NAME = new Set(['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'env', 'imagePullSecrets', 'readinessGates']);

export const builtinPatchMeta: PatchMeta = (path): ListStrategy => {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  if (BY_NAME.has(field)) return { mergeKey: field === 'readinessGates' ? 'conditionType' : 'name' };
  switch (field) {
    case 'volumeMounts':
      return { mergeKey: 'mountPath' };
    case 'volumeDevices':
      return { mergeKey: 'devicePath' };
    case 'ports':
      // Container ports merge by containerPort; Service ports by port.
      return parent === 'spec' && !path.includes('template') && !path.includes('containers') ? { mergeKey: 'port' } : { mergeKey: 'containerPort' };
    case 'conditions':
      return { mergeKey: 'type' };
    case 'ownerReferences':
      return { mergeKey: 'uid' };
    case 'finalizers':
      return parent === 'metadata' ? { set: true } : undefined;
    case 'hostAliases':
      return { mergeKey: 'ip' };
    case 'topologySpreadConstraints':
      return { mergeKey: 'topologyKey' };
    case 'addresses':
      return parent === 'status' ? { mergeKey: 'type' } : undefined;
    case 'containerStatuses':
    case 'initContainerStatuses':
      return undefined;
    case 'podIPs':
    case 'hostIPs':
      return { mergeKey: 'ip' };
    default:
      return undefined;
  }
};
