// The pod table: NAME READY STATUS RESTARTS AGE (+ IP NODE NOMINATED NODE READINESS GATES),
// with STATUS built from phase, init containers and app containers in upstream's order.
// Upstream: pkg/printers/internalversion/printers.go (printPod).

import type { Container, ContainerStatus, Pod } from '../../api/core';
import { age } from '../../api/duration';
import { AGE_COLUMN, column, NAME_COLUMN, type Cell, type TablePrinter } from './table';

function isSidecar(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function laterOf(current: string | undefined, candidate: string | undefined): string | undefined {
  if (!candidate) return current;
  if (!current) return candidate;
  return Date.parse(candidate) > Date.parse(current) ? candidate : current;
}

export interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  lastRestart?: string;
}

/** READY, STATUS and RESTARTS of a pod, as kubectl shows them. */
export function summarizePod(pod: Pod): PodSummary {
  const status = pod.status ?? {};
  const spec = pod.spec;
  let total = spec.containers.length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;
  let reason = status.reason || status.phase || '';
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const initByName = new Map((spec.initContainers ?? []).map((c) => [c.name, c]));
  for (const c of spec.initContainers ?? []) if (isSidecar(c)) total++;

  let initializing = false;
  const initStatuses: ContainerStatus[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount;
    lastRestart = laterOf(lastRestart, c.lastState?.terminated?.finishedAt);
    const sidecar = isSidecar(initByName.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount;
      lastSidecarRestart = laterOf(lastSidecarRestart, c.lastState?.terminated?.finishedAt);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (terminated) {
      reason = terminated.reason
        ? `Init:${terminated.reason}`
        : terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode}`;
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount;
      lastRestart = laterOf(lastRestart, c.lastState?.terminated?.finishedAt);
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !terminal) reason = 'Terminating';
  return { ready, total, reason, restarts, lastRestart };
}

export const podTable: TablePrinter<Pod> = {
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    column('Status', 'string', 'The aggregate status of the containers in this pod.'),
    column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    column('IP', 'string', 'The IP address allocated to the pod.', 1),
    column('Node', 'string', 'The node the pod is bound to.', 1),
    column('Nominated Node', 'string', 'The node the scheduler nominated for this pod after preemption.', 1),
    column('Readiness Gates', 'string', 'Extra conditions the pod must meet to be ready.', 1),
  ],
  row(pod, now): Cell[] {
    const summary = summarizePod(pod);
    const restarts =
      summary.restarts !== 0 && summary.lastRestart ? `${summary.restarts} (${age(summary.lastRestart, now)} ago)` : String(summary.restarts);
    const gates = pod.spec.readinessGates ?? [];
    const readinessGates =
      gates.length === 0
        ? '<none>'
        : `${gates.filter((g) => pod.status?.conditions?.find((c) => c.type === g.conditionType)?.status === 'True').length}/${gates.length}`;
    return [
      pod.metadata.name ?? '',
      `${summary.ready}/${summary.total}`,
      summary.reason,
      restarts,
      age(pod.metadata.creationTimestamp, now),
      pod.status?.podIPs?.[0]?.ip || '<none>',
      pod.spec.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates,
    ];
  },
};
