// Stopping one container as the kubelet's killContainer does: a Killing event (with the reason
// when a probe or hook failed), the preStop hook within the grace period, for a sidecar a wait
// until the containers after it have stopped, then SIGTERM with what is left of the grace
// period (never under two seconds) and SIGKILL when it runs out. Upstream:
// pkg/kubelet/kuberuntime/kuberuntime_container.go (killContainer, executePreStopHook).

import type { Pod } from '../../../src/api/core';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { EventRecorder } from '../../../src/client/event-recorder';
import type { ActionDeps } from './actions/action-target';
import type { ContainerRecord } from './container-record';

/** Every container gets at least this long between SIGTERM and SIGKILL. */
const MINIMUM_GRACE_SECONDS = 2;

export interface KillDeps {
  clock: ClusterClock;
  recorder: EventRecorder;
  actions: ActionDeps;
  podIP(): string | undefined;
}

export interface KillOptions {
  /** The Killing event's message; `Stopping container <name>` when omitted. */
  message?: string;
  gracePeriodSeconds: number;
  /** Resolves when this container's turn to stop has come (sidecars stop after the others). */
  turn?: Promise<unknown>;
}

export function fieldPath(record: ContainerRecord): string {
  return `spec.${record.kind === 'app' ? 'containers' : 'initContainers'}{${record.name}}`;
}

/** Waits for `work` at most `limitMs`; returns the whole seconds that passed (as Go truncates them). */
async function boundedSeconds(work: Promise<unknown>, limitMs: number, clock: ClusterClock): Promise<number> {
  const started = clock.now();
  let timer;
  await Promise.race([work, new Promise<void>((resolve) => (timer = clock.after(limitMs, resolve)))]);
  (timer as { cancel(): void } | undefined)?.cancel();
  return Math.floor((clock.now() - started) / 1000);
}

/** The grace period a pod gives its containers: the deletion's, else the pod's (30 s by default). */
export function podGracePeriod(pod: Pod): number {
  return pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
}

/** How a container that failed its liveness or startup probe is killed (to run again, unless its pod never restarts). */
export function unhealthyKill(pod: Pod, record: ContainerRecord, probe: 'Liveness' | 'Startup' | 'Readiness'): KillOptions {
  const spec = probe === 'Liveness' ? record.spec.livenessProbe : record.spec.startupProbe;
  const restarts = record.kind === 'sidecar' || (pod.spec.restartPolicy ?? 'Always') !== 'Never';
  return {
    message: `Container ${record.name} failed ${probe.toLowerCase()} probe${restarts ? ', will be restarted' : ''}`,
    gracePeriodSeconds: pod.metadata.deletionGracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30,
  };
}

/** Stops `record`'s running process; resolves once it has exited. */
export async function killContainer(pod: Pod, record: ContainerRecord, options: KillOptions, deps: KillDeps): Promise<void> {
  const handle = record.handle;
  if (!handle) return;
  record.stopping = true;
  deps.recorder.event(pod, 'Normal', 'Killing', options.message ?? `Stopping container ${record.name}`, fieldPath(record));
  let grace = options.gracePeriodSeconds;
  const preStop = record.spec.lifecycle?.preStop;
  const podIP = deps.podIP();
  if (preStop && grace > 0 && podIP) {
    const target = { pod, container: record.spec, handle, containerID: record.containerID ?? '', podIP };
    const hook = import('./lifecycle-hooks').then(async ({ runLifecycleHandler }) => {
      const failure = await runLifecycleHandler(preStop, target, deps.actions);
      if (failure) deps.recorder.event(pod, 'Warning', 'FailedPreStopHook', 'PreStopHook failed', fieldPath(record));
    });
    grace -= await boundedSeconds(Promise.race([hook, handle.exited]), grace * 1000, deps.clock);
  }
  if (options.turn && grace > 0) grace -= await boundedSeconds(options.turn, grace * 1000, deps.clock);
  grace = Math.max(grace, MINIMUM_GRACE_SECONDS);
  handle.signal('SIGTERM');
  const timer = deps.clock.after(grace * 1000, () => handle.signal('SIGKILL'));
  await handle.exited;
  timer.cancel();
}
