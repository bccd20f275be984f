// One pod on this node, driven toward its spec one sync at a time: the sandbox (IP, volumes),
// init containers in order (sidecars started before the next), app containers, restarts by
// restart policy with crash-loop back-off, and graceful termination when the pod is deleted.
// Every sync ends by reporting status. Upstream: pkg/kubelet/pod_workers.go,
// pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod, computePodActions).

import type { Pod } from '../../../src/api/core';
import type { ClusterClock, Timer } from '../../../src/cluster/clock';
import type { EventRecorder } from '../../../src/client/event-recorder';
import type { ImageCache } from '../image-cache';
import type { ContainerRuntime, PodSandbox, VolumeConfig } from '../../runtime/runtime-api';
import type { Backoff } from './backoff';
import type { EnvSources } from './container-env';
import { ContainerRecord } from './container-record';
import { startContainer, type StartDeps } from './container-starter';
import type { IpAllocator } from './ip-allocator';
import { buildPodStatus } from './pod-status';
import { podVolumes, VolumeMountError, type VolumeSources } from './pod-volumes';
import { terminateContainers } from './pod-termination';

export interface PodWorkerDeps {
  clock: ClusterClock;
  runtime: ContainerRuntime;
  images: ImageCache;
  recorder: EventRecorder;
  backoff: Backoff;
  ips: IpAllocator;
  env: EnvSources;
  volumes: VolumeSources;
  hostIP: string;
  /** Reports a status (the status manager writes it). */
  publish(pod: Pod, status: NonNullable<Pod['status']>): void;
  /** Deletes the pod object once it is terminated and its containers are gone. */
  remove(pod: Pod): Promise<void>;
}

/** How often a pod whose volumes cannot mount is retried. */
const MOUNT_RETRY_MS = 2000;
/** How soon a sync that failed unexpectedly is tried again. */
const SYNC_RETRY_MS = 10_000;

export class PodWorker {
  readonly records: ContainerRecord[];
  private sandbox?: PodSandbox;
  private volumes: VolumeConfig[] = [];
  private podIP?: string;
  private readonly startTime: string;
  private syncing = false;
  private dirty = false;
  private retry?: Timer;
  private finished = false;
  private terminating = false;
  private failure?: { reason: string; message: string };

  constructor(
    private pod: Pod,
    private readonly deps: PodWorkerDeps,
  ) {
    const hasInit = (pod.spec.initContainers ?? []).length > 0;
    this.records = [
      ...(pod.spec.initContainers ?? []).map((c) => new ContainerRecord(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', 'PodInitializing')),
      ...pod.spec.containers.map((c) => new ContainerRecord(c, 'app', hasInit ? 'PodInitializing' : 'ContainerCreating')),
    ];
    this.records.filter((r) => r.kind !== 'app').forEach((r, i) => {
      if (i === 0) r.setWaiting('ContainerCreating');
    });
    this.adoptPreviousRuns(pod);
    this.startTime = deps.clock.timestamp();
  }

  get uid(): string {
    return this.pod.metadata.uid ?? '';
  }

  get current(): Pod {
    return this.pod;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  record(name: string): ContainerRecord | undefined {
    return this.records.find((r) => r.name === name);
  }

  /** A new version of the pod from the API; syncs toward it when `resync` (spec, metadata or phase changed). */
  update(pod: Pod, resync = true): void {
    this.pod = pod;
    if (resync) this.requestSync();
  }

  requestSync(): void {
    if (this.finished) return;
    if (this.syncing) {
      this.dirty = true;
      return;
    }
    this.syncing = true;
    void this.loop();
  }

  /** Kills everything at once (node shutdown); no status is reported. */
  async kill(): Promise<void> {
    this.finished = true;
    this.retry?.cancel();
    for (const record of this.records) record.handle?.signal('SIGKILL');
    await this.sandbox?.destroy();
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.dirty = false;
        try {
          await this.sync();
        } catch (error) {
          this.deps.recorder.event(this.pod, 'Warning', 'FailedSync', `error syncing pod: ${error instanceof Error ? error.message : String(error)}`);
          this.retryAfter(SYNC_RETRY_MS);
        }
      } while (this.dirty && !this.finished);
    } finally {
      this.syncing = false;
    }
  }

  private retryAfter(ms: number): void {
    this.retry?.cancel();
    this.retry = this.deps.clock.after(Math.max(0, ms), () => this.requestSync());
  }

  private async sync(): Promise<void> {
    const pod = this.pod;
    const phase = pod.status?.phase;
    if (pod.metadata.deletionTimestamp) return this.terminate(true);
    if (phase === 'Succeeded' || phase === 'Failed') return this.terminate(false);
    if (this.deadlineExceeded(pod)) {
      this.failure = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
      this.deps.recorder.event(pod, 'Normal', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline');
      return this.terminate(false);
    }
    if (!(await this.ensureSandbox(pod))) return;
    const initialized = await this.syncInitContainers(pod);
    if (initialized) await this.syncAppContainers(pod);
    this.report(false);
  }

  private deadlineExceeded(pod: Pod): boolean {
    const deadline = pod.spec.activeDeadlineSeconds;
    if (deadline === undefined) return false;
    const started = Date.parse(pod.status?.startTime ?? this.startTime);
    const remaining = started + deadline * 1000 - this.deps.clock.now();
    if (remaining > 0) this.retryAfter(remaining);
    return remaining <= 0;
  }

  private async ensureSandbox(pod: Pod): Promise<boolean> {
    if (this.sandbox) return true;
    try {
      this.volumes = await podVolumes(pod, this.deps.volumes);
    } catch (error) {
      if (!(error instanceof VolumeMountError)) throw error;
      this.deps.recorder.event(pod, 'Warning', 'FailedMount', error.message);
      this.report(false);
      this.retryAfter(MOUNT_RETRY_MS);
      return false;
    }
    const ip = this.podIP ?? this.deps.ips.allocate();
    this.podIP = ip;
    this.sandbox = await this.deps.runtime.runPodSandbox({
      uid: this.uid,
      name: pod.metadata.name ?? '',
      namespace: pod.metadata.namespace ?? 'default',
      hostname: pod.spec.hostname ?? pod.metadata.name ?? '',
      podIP: ip,
      volumes: this.volumes,
    });
    this.report(false);
    return true;
  }

  /** Runs init containers in order; true once every one has completed (sidecars started). */
  private async syncInitContainers(pod: Pod): Promise<boolean> {
    for (const record of this.records.filter((r) => r.kind !== 'app')) {
      if (record.kind === 'init' && record.state.terminated?.exitCode === 0) continue;
      if (record.kind === 'sidecar' && record.running && record.started) continue;
      if (record.running || record.starting) return false;
      if (record.state.terminated) {
        if (record.kind === 'init' && pod.spec.restartPolicy === 'Never') {
          this.report(false);
          return false;
        }
        if (!this.mayRestart(pod, record)) return false;
      }
      await this.start(pod, record);
      if (record.kind === 'sidecar' && record.running) continue;
      return false;
    }
    return true;
  }

  private async syncAppContainers(pod: Pod): Promise<void> {
    for (const record of this.records.filter((r) => r.kind === 'app')) {
      if (record.running || record.starting) continue;
      if (record.state.waiting?.reason === 'PodInitializing') record.setWaiting('ContainerCreating');
      const exit = record.state.terminated;
      if (exit) {
        const policy = pod.spec.restartPolicy ?? 'Always';
        if (policy === 'Never' || (policy === 'OnFailure' && exit.exitCode === 0)) continue;
        if (!this.mayRestart(pod, record)) continue;
      }
      await this.start(pod, record);
    }
  }

  /** Crash-loop back-off: false (and CrashLoopBackOff) while the container must still wait. */
  private mayRestart(pod: Pod, record: ContainerRecord): boolean {
    const key = `${this.uid}/${record.name}`;
    const now = this.deps.clock.now();
    const exitedAt = record.lastExitAt ?? now;
    const podName = `${pod.metadata.name}_${pod.metadata.namespace}(${this.uid})`;
    if (this.deps.backoff.inBackoffSince(key, exitedAt, now)) {
      const delay = this.deps.backoff.delay(key) ?? 0;
      record.awaitRestart('CrashLoopBackOff', `back-off ${delay / 1000}s restarting failed container=${record.name} pod=${podName}`);
      this.deps.recorder.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${record.name} in pod ${podName}`, `spec.${record.kind === 'app' ? 'containers' : 'initContainers'}{${record.name}}`);
      this.retryAfter(exitedAt + delay - now);
      return false;
    }
    this.deps.backoff.next(key, exitedAt);
    record.awaitRestart('ContainerCreating');
    return true;
  }

  private async start(pod: Pod, record: ContainerRecord): Promise<void> {
    if (!this.sandbox) return;
    record.starting = true;
    this.report(false);
    const deps: StartDeps = { clock: this.deps.clock, images: this.deps.images, recorder: this.deps.recorder, backoff: this.deps.backoff, env: this.deps.env };
    let outcome;
    try {
      outcome = await startContainer(pod, record, this.sandbox, this.volumes, deps);
    } finally {
      record.starting = false;
    }
    if (this.pod.metadata.deletionTimestamp || this.finished) {
      if (outcome.started) outcome.handle.signal('SIGKILL');
      this.requestSync();
      return;
    }
    if (!outcome.started) {
      if (outcome.retryAfterMs !== undefined) this.retryAfter(outcome.retryAfterMs);
      else this.requestSync();
      return;
    }
    if (!record.spec.readinessProbe && !record.spec.startupProbe) record.ready = true;
    const startedAt = record.state.running?.startedAt;
    void outcome.handle.exited.then((exit) => {
      record.log?.close(exit.finishedAt);
      record.endRun(exit, startedAt, this.deps.clock.timestamp(exit.finishedAt));
      this.requestSync();
    });
  }

  /**
   * Stops every container (gracefully when the pod was deleted), reports the terminal status,
   * frees the sandbox and IP, and, for a deleted pod, removes the object.
   */
  private async terminate(deleted: boolean): Promise<void> {
    this.retry?.cancel();
    if (!this.terminating) {
      this.terminating = true;
      const grace = this.pod.metadata.deletionGracePeriodSeconds ?? this.pod.spec.terminationGracePeriodSeconds ?? 30;
      await terminateContainers(this.pod, this.records, deleted ? grace : 0, this.deps.clock, this.deps.recorder);
      this.report(true);
      await this.sandbox?.destroy();
      this.sandbox = undefined;
      if (this.podIP) this.deps.ips.release(this.podIP);
    }
    if (deleted) {
      this.finished = true;
      await this.deps.remove(this.pod);
    }
  }

  private report(terminal: boolean): void {
    const status = buildPodStatus({
      pod: this.pod,
      records: this.records,
      hostIP: this.deps.hostIP,
      podIP: this.podIP,
      sandboxReady: this.sandbox !== undefined && !terminal,
      startTime: this.startTime,
      terminal: terminal || this.failure !== undefined,
      failure: this.failure,
      now: this.deps.clock.timestamp(),
    });
    this.deps.publish(this.pod, status);
  }

  /** After a node restart: containers that were running are gone; count them as restarts. */
  private adoptPreviousRuns(pod: Pod): void {
    const previous = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    if (pod.status?.podIP) this.podIP = pod.status.podIP;
    if (this.podIP) this.deps.ips.reserve(this.podIP);
    for (const status of previous) {
      const record = this.record(status.name);
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
        const finishedAt = this.deps.clock.timestamp();
        record.lastState = { terminated: { exitCode: 255, reason: 'Unknown', startedAt: running.startedAt, finishedAt, containerID: status.containerID } };
      }
    }
  }
}
