// Graceful termination of a pod's containers: app containers first, then sidecars in reverse
// order; each is told to stop (SIGTERM) and killed (SIGKILL) if it has not stopped when the
// grace period runs out. Upstream: pkg/kubelet/kuberuntime/kuberuntime_container.go
// (killContainersWithSyncResult, killContainer).

import type { Pod } from '../../../src/api/core';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { EventRecorder } from '../../../src/client/event-recorder';
import type { ContainerRecord } from './container-record';

async function stopOne(pod: Pod, record: ContainerRecord, deadline: number, clock: ClusterClock, recorder: EventRecorder): Promise<void> {
  const handle = record.handle;
  if (!handle) return;
  record.stopping = true;
  const path = `spec.${record.kind === 'app' ? 'containers' : 'initContainers'}{${record.name}}`;
  recorder.event(pod, 'Normal', 'Killing', `Stopping container ${record.name}`, path);
  const remaining = deadline - clock.now();
  if (remaining <= 0) {
    handle.signal('SIGKILL');
  } else {
    handle.signal('SIGTERM');
    const timer = clock.after(remaining, () => handle.signal('SIGKILL'));
    await handle.exited;
    timer.cancel();
  }
  await handle.exited;
}

/** Stops every running container of the pod within `graceSeconds` of cluster time. */
export async function terminateContainers(pod: Pod, records: readonly ContainerRecord[], graceSeconds: number, clock: ClusterClock, recorder: EventRecorder): Promise<void> {
  const deadline = clock.now() + graceSeconds * 1000;
  await Promise.all(records.filter((r) => r.kind === 'app').map((r) => stopOne(pod, r, deadline, clock, recorder)));
  for (const record of records.filter((r) => r.kind !== 'app').reverse()) await stopOne(pod, record, deadline, clock, recorder);
}
