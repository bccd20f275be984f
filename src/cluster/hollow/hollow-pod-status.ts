// The statuses a hollow kubelet reports for a pod, shaped as a real kubelet's: first Pending
// with every container waiting in ContainerCreating (init containers PodInitializing), then
// Running with every container started and ready (init containers Completed). The stages and
// their delays are data, as kwok's pod stages are.

import type { ContainerStatus, Pod, PodStatus } from '../../api/core';
import { podConditions } from '../../../workers/node/kubelet/pod-conditions';

export type HollowPodStage = 'creating' | 'running';

/** How long (cluster ms) after binding each stage is reported. */
export const STAGE_DELAYS_MS: Record<HollowPodStage, number> = { creating: 0, running: 500 };

function containerId(pod: Pod, name: string): string {
  let hash = 0x811c9dc5;
  const seed = `${pod.metadata.uid}/${name}`;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return `hollow://${hash.toString(16).padStart(8, '0').repeat(8)}`;
}

function waiting(image: string | undefined, name: string, reason: string): ContainerStatus {
  return { name, state: { waiting: { reason } }, lastState: {}, ready: false, restartCount: 0, image: image ?? '', imageID: '', started: false };
}

function running(pod: Pod, image: string | undefined, name: string, startedAt: string): ContainerStatus {
  return { name, state: { running: { startedAt } }, lastState: {}, ready: true, restartCount: 0, image: image ?? '', imageID: '', containerID: containerId(pod, name), started: true };
}

function completed(pod: Pod, image: string | undefined, name: string, at: string): ContainerStatus {
  const containerID = containerId(pod, name);
  return { name, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at, finishedAt: at, containerID } }, lastState: {}, ready: false, restartCount: 0, image: image ?? '', imageID: '', containerID, started: false };
}

export function hollowPodStatus(pod: Pod, stage: HollowPodStage, hostIP: string, podIP: string, now: string): PodStatus {
  const inits = pod.spec.initContainers ?? [];
  const hasInit = inits.length > 0;
  const initStatuses = inits.map((c) => {
    if (stage === 'creating') return waiting(c.image, c.name, 'PodInitializing');
    return c.restartPolicy === 'Always' ? running(pod, c.image, c.name, now) : completed(pod, c.image, c.name, now);
  });
  const appStatuses = pod.spec.containers.map((c) => (stage === 'creating' ? waiting(c.image, c.name, hasInit ? 'PodInitializing' : 'ContainerCreating') : running(pod, c.image, c.name, now)));
  const phase = stage === 'creating' ? 'Pending' : 'Running';
  const previous = pod.status?.conditions ?? [];
  const kubelet = podConditions(pod, [...initStatuses, ...appStatuses], phase, stage === 'running', previous, now);
  const others = previous.filter((c) => !kubelet.some((k) => k.type === c.type));
  const status: PodStatus = {
    phase,
    conditions: [...kubelet, ...others],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: pod.status?.startTime ?? now,
    containerStatuses: appStatuses,
    qosClass: pod.status?.qosClass,
  };
  if (stage === 'running') {
    status.podIP = podIP;
    status.podIPs = [{ ip: podIP }];
  }
  if (hasInit) status.initContainerStatuses = initStatuses;
  return status;
}
