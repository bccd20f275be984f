// A pod's phase from its spec and its containers' statuses, by upstream's rules: init
// containers first (a failed one fails a Never pod), then app containers, with restart
// policy deciding between Running, Succeeded and Failed. Upstream:
// pkg/kubelet/kubelet_pods.go (getPhase).

import type { ContainerStatus, Pod } from '../../../src/api/core';

function statusOf(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/**
 * The phase for `pod` given every container status (init and app). `terminal` says the pod is
 * being finished for good (deleted, or past its deadline): stopped containers will not restart.
 */
export function podPhase(pod: Pod, statuses: readonly ContainerStatus[], terminal: boolean): string {
  const spec = pod.spec;
  let pendingInit = 0;
  let pendingSidecars = 0;
  let failedInit = 0;
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy === 'Always') continue;
    const s = statusOf(statuses, c.name);
    if (!s || s.state?.running) pendingInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInit++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInit++;
      } else pendingInit++;
    } else pendingInit++;
  }

  let unknown = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    const s = statusOf(statuses, c.name);
    if (!s) unknown++;
    else if (s.state?.running) {
      if (!s.started) pendingSidecars++;
      running++;
    } else if (s.state?.waiting && !s.lastState?.terminated) {
      pendingSidecars++;
    } else if (!s.state?.terminated && !s.state?.waiting) {
      pendingSidecars++;
      unknown++;
    }
  }
  for (const c of spec.containers) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
    } else unknown++;
  }

  if (failedInit > 0 && spec.restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 || pendingSidecars > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (spec.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (spec.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
