// Whether and when a stopped container runs again: the restart policy (app containers), and
// the crash-loop back-off (10 s doubling to 300 s) with its CrashLoopBackOff state and BackOff
// event while the container waits. Upstream: pkg/kubelet/kuberuntime/kuberuntime_manager.go
// (doBackOff), pkg/kubelet/container/helpers.go (ShouldContainerBeRestarted).

import type { Pod } from '../../../src/api/core';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { EventRecorder } from '../../../src/client/event-recorder';
import type { Backoff } from './backoff';
import type { ContainerRecord } from './container-record';

/** Whether an app container that exited with `exitCode` runs again under the pod's restart policy. */
export function willRestart(pod: Pod, exitCode: number): boolean {
  const policy = pod.spec.restartPolicy ?? 'Always';
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

/**
 * 0 when `record` may start again now (it stays terminated until the run starts), else the
 * milliseconds of back-off left (it waits as CrashLoopBackOff, with a BackOff event).
 */
export function restartDelay(pod: Pod, record: ContainerRecord, deps: { clock: ClusterClock; backoff: Backoff; recorder: EventRecorder }): number {
  const uid = pod.metadata.uid ?? '';
  const key = `${uid}/${record.name}`;
  const now = deps.clock.now();
  const exitedAt = record.lastExitAt ?? now;
  const podName = `${pod.metadata.name}_${pod.metadata.namespace}(${uid})`;
  if (deps.backoff.inBackoffSince(key, exitedAt, now)) {
    const delay = deps.backoff.delay(key) ?? 0;
    record.setWaiting('CrashLoopBackOff', `back-off ${delay / 1000}s restarting failed container=${record.name} pod=${podName}`);
    deps.recorder.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${record.name} in pod ${podName}`, `spec.${record.kind === 'app' ? 'containers' : 'initContainers'}{${record.name}}`);
    return Math.max(1, exitedAt + delay - now);
  }
  deps.backoff.next(key, exitedAt, now);
  // Restarting now: the state stays terminated (kubectl shows Error or Completed) until the new run starts.
  if (record.postStartFailure) record.setWaiting('PostStartHookError', record.postStartFailure);
  return 0;
}
