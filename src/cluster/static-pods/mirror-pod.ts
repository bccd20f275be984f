// The mirror pod a kubelet publishes for a static pod: the manifest with the kubelet's config
// annotations (mirror, hash, source, seen), the node as controlling owner, bound to the node,
// and the Running status of its one container on the host network. Upstream (facts only):
// pkg/kubelet/config/common.go (applyDefaults), pkg/kubelet/pod/mirror_client.go,
// pkg/kubelet/types/pod_update.go.

import type { Node, Pod, PodStatus } from '../../api/core';
import { CONFIG_MIRROR } from '../../api/mirror-pods';
export const CONFIG_HASH = 'kubernetes.io/config.hash';
const CONFIG_SOURCE = 'kubernetes.io/config.source';
const CONFIG_SEEN = 'kubernetes.io/config.seen';

/** `count` hex characters hashed from `text` (FNV-1a, one 32-bit round per 8 characters). */
export function hexHash(text: string, count: number): string {
  let out = '';
  for (let round = 0; out.length < count; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, count);
}

/** The kubelet's hash of a static pod's manifest, as its config.hash annotation carries it. */
export function configHash(manifest: Pod): string {
  return hexHash(JSON.stringify(manifest), 32);
}

/** The mirror pod of `manifest` on `node`, first seen at `seen` (RFC 3339 with nanoseconds). */
export function mirrorPod(manifest: Pod, node: Node, seen: string): Pod {
  const hash = configHash(manifest);
  const nodeName = node.metadata.name ?? '';
  return {
    ...manifest,
    metadata: {
      ...manifest.metadata,
      name: `${manifest.metadata.name}-${nodeName}`,
      annotations: { ...manifest.metadata.annotations, [CONFIG_HASH]: hash, [CONFIG_MIRROR]: hash, [CONFIG_SEEN]: seen, [CONFIG_SOURCE]: 'file' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid ?? '', controller: true }],
    },
    spec: {
      ...manifest.spec,
      nodeName,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}

/** A mirror pod's status: its container running (and ready) since `startedAt`, on the node's address. */
export function runningStatus(pod: Pod, hostIP: string, startedAt: string): PodStatus {
  const condition = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: startedAt });
  return {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP: hostIP,
    podIPs: [{ ip: hostIP }],
    startTime: startedAt,
    qosClass: 'Burstable',
    containerStatuses: pod.spec.containers.map((c) => ({
      name: c.name,
      state: { running: { startedAt } },
      ready: true,
      started: true,
      restartCount: 0,
      image: c.image ?? '',
      imageID: `sha256:${hexHash(c.image ?? '', 64)}`,
      containerID: `containerd://${hexHash(`${pod.metadata.uid ?? ''}/${c.name}`, 64)}`,
    })),
  };
}

/** Whether `pod` is the current mirror of `manifest` on `node` (same hash and owner, not being deleted). */
export function isCurrentMirror(pod: Pod, manifest: Pod, node: Node): boolean {
  return (
    !pod.metadata.deletionTimestamp &&
    pod.metadata.annotations?.[CONFIG_MIRROR] === configHash(manifest) &&
    pod.metadata.ownerReferences?.[0]?.uid === node.metadata.uid &&
    pod.status?.phase === 'Running'
  );
}
