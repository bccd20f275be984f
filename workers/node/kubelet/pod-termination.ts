// Stopping all of a pod's containers, as the kubelet kills a pod: every running container is
// told at once (Killing events, preStop hooks), app containers stop right away, and sidecars
// stop after the app containers and the sidecars declared after them, in reverse order. Also
// used to stop the sidecars of a pod whose app containers have finished for good. Upstream:
// pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainersWithSyncResult,
// terminationOrdering).

import type { Pod } from '../../../src/api/core';
import type { ContainerRecord } from './container-record';
import { killContainer, type KillDeps } from './container-killer';

/** Stops every running container of `records` within `graceSeconds` of cluster time. */
export async function terminateContainers(pod: Pod, records: readonly ContainerRecord[], graceSeconds: number, deps: KillDeps): Promise<void> {
  const running = records.filter((r) => r.handle);
  const exited = new Map(running.map((r) => [r, (r.handle as NonNullable<ContainerRecord['handle']>).exited]));
  const sidecars = running.filter((r) => r.kind === 'sidecar');
  const turnOf = (record: ContainerRecord): Promise<unknown> | undefined => {
    if (record.kind !== 'sidecar') return undefined;
    const later = [...running.filter((r) => r.kind === 'app'), ...sidecars.slice(sidecars.indexOf(record) + 1)];
    return Promise.all(later.map((r) => exited.get(r)));
  };
  await Promise.all(running.map((record) => killContainer(pod, record, { gracePeriodSeconds: graceSeconds, turn: turnOf(record) }, deps)));
}
