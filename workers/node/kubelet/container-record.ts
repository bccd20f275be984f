// What the kubelet knows of one container of a pod across its runs: the current state
// (waiting, running, terminated), the last termination, restart count, image, readiness, the
// running process, and the logs of this run and the one before.

import type { Container, ContainerState, ContainerStatus } from '../../../src/api/core';
import type { ContainerHandle, ExitStatus } from '../../runtime/runtime-api';
import { ContainerLog } from './container-log';

export type ContainerKind = 'init' | 'sidecar' | 'app';

export class ContainerRecord {
  restartCount = 0;
  state: ContainerState;
  lastState: ContainerState = {};
  containerID?: string;
  image: string;
  imageID = '';
  started = false;
  ready = false;
  handle?: ContainerHandle;
  /** Logs of the last two runs, by container ID (the current or last run, and the one before). */
  private readonly logs = new Map<string, ContainerLog>();
  /** Cluster time of the last exit, for back-off. */
  lastExitAt?: number;
  /** A start (pull, create, start) is under way. */
  starting = false;
  /** The runtime was asked to stop this run (graceful termination, liveness failure). */
  stopping = false;
  /** Why this run's postStart hook failed (it is being killed; it waits as PostStartHookError). */
  postStartFailure?: string;
  /** Whether this container has run before, so that the next run counts as a restart. */
  hasRun = false;
  /**
   * Why the last sync did not start this stopped container (the kubelet's reason cache, e.g.
   * CrashLoopBackOff): its waiting state from the next sync on, until a run starts.
   */
  startFailure?: { reason: string; message: string };

  constructor(
    readonly spec: Container,
    readonly kind: ContainerKind,
    waitingReason: string,
  ) {
    this.image = spec.image ?? '';
    this.state = { waiting: { reason: waitingReason } };
  }

  get name(): string {
    return this.spec.name;
  }

  get running(): boolean {
    return this.state.running !== undefined;
  }

  get exited(): ExitLike | undefined {
    return this.state.terminated;
  }

  /** Exited and waiting out its crash-loop back-off: the next start is a restart after a crash. */
  get inCrashLoopBackOff(): boolean {
    return this.state.waiting?.reason === 'CrashLoopBackOff';
  }

  /** The next sync's view of a stopped container that a sync failed to start: waiting, for the noted reason. */
  showStartFailure(): void {
    if (this.startFailure && this.state.terminated) this.setWaiting(this.startFailure.reason, this.startFailure.message);
  }

  /** Waiting to run (again): a termination it leaves becomes the last state. */
  setWaiting(reason: string, message?: string): void {
    if (this.state.terminated) this.lastState = { terminated: this.state.terminated };
    this.state = { waiting: message ? { reason, message } : { reason } };
    this.ready = false;
  }

  /** The log of the current (or last) run. */
  get log(): ContainerLog | undefined {
    return this.containerID ? this.logs.get(this.containerID) : undefined;
  }

  logOf(containerID: string | undefined): ContainerLog | undefined {
    return containerID ? this.logs.get(containerID) : undefined;
  }

  /** A run with a new container ID begins: a fresh log, the oldest of three dropped. */
  newLog(containerID: string): ContainerLog {
    const log = new ContainerLog();
    this.logs.set(containerID, log);
    while (this.logs.size > 2) this.logs.delete(this.logs.keys().next().value as string);
    return log;
  }

  /** A new run begins (a restart if it ran before). */
  beginRun(containerID: string, handle: ContainerHandle, startedAt: string): void {
    if (this.hasRun) this.restartCount++;
    this.hasRun = true;
    this.startFailure = undefined;
    if (!this.logs.has(containerID)) this.newLog(containerID);
    this.containerID = containerID;
    this.handle = handle;
    if (this.state.terminated) this.lastState = { terminated: this.state.terminated };
    this.state = { running: { startedAt } };
    this.started = !this.spec.startupProbe;
    this.ready = false;
    this.stopping = false;
  }

  /** The run ended: record its termination. */
  endRun(exit: ExitStatus, startedAt: string | undefined, finishedAt: string): void {
    this.state = {
      terminated: {
        exitCode: exit.exitCode,
        reason: exit.reason,
        ...(exit.signal ? { signal: exit.signal } : {}),
        ...(exit.message ? { message: exit.message } : {}),
        startedAt,
        finishedAt,
        containerID: this.containerID,
      },
    };
    this.handle = undefined;
    this.started = false;
    this.ready = false;
    this.stopping = false;
    this.lastExitAt = exit.finishedAt;
  }

  toStatus(): ContainerStatus {
    const status: ContainerStatus = {
      name: this.name,
      state: structuredClone(this.state),
      lastState: structuredClone(this.lastState),
      ready: this.ready,
      restartCount: this.restartCount,
      image: this.image,
      imageID: this.imageID,
      started: this.started,
    };
    if (this.containerID) status.containerID = this.containerID;
    if (this.spec.volumeMounts?.length) {
      status.volumeMounts = this.spec.volumeMounts.map((m) => ({
        name: m.name,
        mountPath: m.mountPath,
        ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
      }));
    }
    return status;
  }
}

type ExitLike = NonNullable<ContainerState['terminated']>;
