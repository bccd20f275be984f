// Mirror pods: the API's copies of the static pods a kubelet runs from its manifest files. The
// kubelet marks each with the mirror annotation; it does not run them as API pods, and drain
// and admission leave them alone. Upstream: pkg/kubelet/types/pod_update.go (IsMirrorPod).

import type { Pod } from './core';

export const CONFIG_MIRROR = 'kubernetes.io/config.mirror';

/** Whether a pod is a mirror pod: it carries the mirror annotation, whatever its value. */
export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata.annotations?.[CONFIG_MIRROR] !== undefined;
}
