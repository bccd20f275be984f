// Whether and when a stopped container runs again: the restart policy (app containers), and
// the crash-loop back-off (10 s doubling to 300 s). While a container waits out its back-off,
// the kubelet records a BackOff event and notes CrashLoopBackOff as the reason it did not start
// (its reason cache); the status it wrote before deciding still shows the termination
// (kubectl: Error), so the waiting state appears only from the pod's next sync. A sync that
// leaves a container backing off is a failed sync: the pod worker tries again after 10 s plus
// up to half of that at random, not when the back-off ends (Kubernetes v1.32). Upstream:
// pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff), pkg/kubelet/kubelet_pods.go
// (convertToAPIContainerStatuses), pkg/kubelet/pod_workers.go (completeWork),
// pkg/kubelet/container/helpers.go (ShouldContainerBeRestarted).

import type { Pod } from '../../../src/api/core';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { EventRecorder } from '../../../src/client/event-recorder';
import { goDuration } from '../images/image-cache';
import type { Backoff } from './backoff';
import type { ContainerRecord } from './container-record';

/** The pod worker's retry after a failed sync: wait.Jitter(backOffPeriod 10 s, 0.5). */
const SYNC_ERROR_BACKOFF_MS = 10_000;
const SYNC_ERROR_JITTER = 0.5;

/** How soon a pod worker whose sync failed (a container backing off) syncs again. */
export function failedSyncRetryMs(): number {
  return SYNC_ERROR_BACKOFF_MS * (1 + SYNC_ERROR_JITTER * Math.random());
}

/** Whether an app container that exited with `exitCode` runs again under the pod's restart policy. */
export function willRestart(pod: Pod, exitCode: number): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

/**
 * Whether `record` may start again now (it stays terminated until the run starts). If not, it
 * is backing off: the BackOff event is recorded and CrashLoopBackOff noted for the next status.
 */
export function mayRestartNow(pod: Pod, record: ContainerRecord, deps: { clock: ClusterClock; backoff: Backoff; recorder: EventRecorder }): boolean {
  const uid = pod.metadata.uid ?? '';
  const key = `${uid}/${record.name}`;
  const now = deps.clock.now();
  const exitedAt = record.lastExitAt ?? now;
  const podName = `${pod.metadata.name}_${pod.metadata.namespace}(${uid})`;
  if (deps.backoff.inBackoffSince(key, exitedAt, now)) {
    const delay = deps.backoff.delay(key) ?? 0;
    record.startFailure = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${record.name} pod=${podName}` };
    deps.recorder.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${record.name} in pod ${podName}`, `spec.${record.kind === 'app' ? 'containers' : 'initContainers'}{${record.name}}`);
    return false;
  }
  deps.backoff.next(key, exitedAt, now);
  if (record.postStartFailure) record.setWaiting('PostStartHookError', record.postStartFailure);
  return true;
}
