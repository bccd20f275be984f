// What a pod's status says about runs from before this kubelet (a node restart): containers
// that had run keep their restart counts and last terminations, and a container that was
// running is gone now, so that run counts as ended (Unknown, 255) and the next one as a restart.

import type { Pod } from '../../../src/api/core';
import type { ContainerRecord } from './container-record';

export function adoptPreviousRuns(pod: Pod, records: readonly ContainerRecord[], now: string): void {
  const previous = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  for (const status of previous) {
    const record = records.find((r) => r.name === status.name);
    if (!record || !(status.state?.running || status.state?.terminated || status.lastState?.terminated)) continue;
    record.hasRun = true;
    record.restartCount = status.restartCount;
    record.lastState = status.lastState ?? {};
    const terminated = status.state?.terminated;
    const running = status.state?.running;
    if (terminated) {
      record.state = { terminated };
      record.lastExitAt = Date.parse(terminated.finishedAt ?? '') || undefined;
    } else if (running) {
      record.lastState = { terminated: { exitCode: 255, reason: 'Unknown', startedAt: running.startedAt, finishedAt: now, containerID: status.containerID } };
    }
  }
}
