// One pod on this node, driven toward its spec one sync at a time: the sandbox (IP, volumes,
// kept current by a periodic resync), init containers in order (each sidecar started, and its
// startup probe passed, before the next), app containers, probes and what their results do,
// restarts by restart policy with crash-loop back-off, sidecars stopped once the app containers
// are done for good, and graceful termination when the pod is deleted. Every sync ends by
// reporting status. Upstream: pkg/kubelet/pod_workers.go,
// pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod, computePodActions).

import type { Pod } from '../../../src/api/core';
import type { ClusterClock, Timer } from '../../../src/cluster/clock';
import type { EventRecorder } from '../../../src/client/event-recorder';
import type { ImageCache } from '../images/image-cache';
import type { ContainerRuntime, PodSandbox, VolumeConfig } from '../../runtime/runtime-api';
import type { ActionDeps } from './actions/action-target';
import type { Backoff } from './backoff';
import type { EnvSources } from './container-env';
import { killContainer, podGracePeriod, unhealthyKill, type KillDeps } from './container-killer';
import { ContainerRecord } from './container-record';
import { startContainer, type StartDeps } from './container-starter';
import type { IpAllocator } from './ip-allocator';
import { buildPodStatus } from './pod-status';
import { podVolumes, VolumeMountError, type VolumeSources } from './pod-volumes';
import { adoptPreviousRuns } from './previous-runs';
import { failedSyncRetryMs, mayRestartNow, willRestart } from './restart-backoff';
import { terminateContainers } from './pod-termination';
import type { ProbeType } from './probes/probe-action';
import type { PodProbes } from './probes/pod-probes';
import type { ProbeResult } from './probes/probe-worker';
import { PeriodicResync, refreshVolumes } from './volume-refresh';

export interface PodWorkerDeps {
  clock: ClusterClock;
  runtime: ContainerRuntime;
  images: ImageCache;
  recorder: EventRecorder;
  backoff: Backoff;
  ips: IpAllocator;
  env: EnvSources;
  volumes: VolumeSources;
  /** How probes and hooks reach the pod network from the node. */
  actions: ActionDeps;
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
  /** The pod's prober workers, once their code has loaded (only pods with probes load it). */
  private probes?: PodProbes;
  private syncing = false;
  private dirty = false;
  private retry?: Timer;
  private readonly volumeResync: PeriodicResync;
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
    adoptPreviousRuns(pod, this.records, deps.clock.timestamp());
    this.podIP = pod.status?.podIP;
    if (this.podIP) deps.ips.reserve(this.podIP);
    this.startTime = deps.clock.timestamp();
    if (this.records.some((r) => r.kind !== 'init' && (r.spec.livenessProbe || r.spec.readinessProbe || r.spec.startupProbe))) void this.startProbes();
    this.volumeResync = new PeriodicResync(deps.clock, () => this.resyncVolumes());
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

  /** Whether the pod still holds node resources (for admitting others). */
  get isActive(): boolean {
    const phase = this.pod.status?.phase;
    return !this.finished && !this.terminating && phase !== 'Succeeded' && phase !== 'Failed';
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
    this.stopTimers();
    for (const record of this.records) record.handle?.signal('SIGKILL');
    await this.sandbox?.destroy();
  }

  /** Loads the prober's code (only pods with probes need it) and starts the pod's probe workers. */
  private async startProbes(): Promise<void> {
    const { PodProbes } = await import('./probes/pod-probes');
    if (this.finished || this.terminating) return;
    this.probes = new PodProbes(this.records, {
      clock: this.deps.clock,
      recorder: this.deps.recorder,
      actions: this.deps.actions,
      pod: () => this.pod,
      podIP: () => this.podIP,
      onResult: (type, record, result, containerID) => this.probeResult(type, record, result, containerID),
    });
    this.probes.start();
  }

  private stopTimers(): void {
    this.retry?.cancel();
    this.volumeResync.stop();
    this.probes?.stop();
  }

  private killDeps(): KillDeps {
    return { clock: this.deps.clock, recorder: this.deps.recorder, actions: this.deps.actions, podIP: () => this.podIP };
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
    for (const record of this.records) record.showStartFailure();
    if (this.appContainersDone(pod)) {
      await terminateContainers(pod, this.records.filter((r) => r.kind === 'sidecar'), podGracePeriod(pod), this.killDeps());
    } else {
      const initialized = await this.syncInitContainers(pod);
      if (initialized) await this.syncAppContainers(pod);
    }
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
    this.volumeResync.start();
    this.report(false);
    return true;
  }

  /** The periodic resync of configMap, secret, downwardAPI and projected volumes. */
  private async resyncVolumes(): Promise<void> {
    const sandbox = this.sandbox;
    if (!sandbox || this.terminating) return;
    const { changed, failures } = await refreshVolumes(this.pod, this.volumes, this.deps.volumes);
    for (const message of failures) this.deps.recorder.event(this.pod, 'Warning', 'FailedMount', message);
    if (sandbox !== this.sandbox) return;
    for (const volume of changed) {
      sandbox.updateVolume(volume.name, volume.files);
      this.volumes = this.volumes.map((v) => (v.name === volume.name ? volume : v));
    }
  }

  /** Runs init containers in order; true once every one has completed (sidecars started). */
  private async syncInitContainers(pod: Pod): Promise<boolean> {
    for (const record of this.records.filter((r) => r.kind !== 'app')) {
      if (record.kind === 'init' && record.state.terminated?.exitCode === 0) continue;
      if (record.kind === 'sidecar' && record.running && record.started) continue;
      if (record.running || record.starting) return false;
      if (record.state.terminated || record.inCrashLoopBackOff) {
        if (record.kind === 'init' && pod.spec.restartPolicy === 'Never') {
          this.report(false);
          return false;
        }
        if (!this.mayRestart(pod, record)) return false;
      }
      await this.start(pod, record);
      if (record.kind === 'sidecar' && record.running && record.started) continue;
      return false;
    }
    return true;
  }

  private async syncAppContainers(pod: Pod): Promise<void> {
    for (const record of this.records.filter((r) => r.kind === 'app')) {
      if (record.running || record.starting) continue;
      const exit = record.state.terminated;
      if (exit && !willRestart(pod, exit.exitCode)) continue;
      if ((exit || record.inCrashLoopBackOff) && !this.mayRestart(pod, record)) continue;
      await this.start(pod, record);
    }
  }

  /** Every app container has ended and none will run again (so the sidecars must stop). */
  private appContainersDone(pod: Pod): boolean {
    const apps = this.records.filter((r) => r.kind === 'app');
    return apps.every((r) => !r.running && !r.starting && r.state.terminated && !willRestart(pod, r.state.terminated.exitCode));
  }

  /** Crash-loop back-off: false (and the failed sync's retry) while the container must still wait. */
  private mayRestart(pod: Pod, record: ContainerRecord): boolean {
    if (mayRestartNow(pod, record, this.deps)) return true;
    this.retryAfter(failedSyncRetryMs());
    return false;
  }

  private async start(pod: Pod, record: ContainerRecord): Promise<void> {
    if (!this.sandbox || !this.podIP) return;
    record.starting = true;
    this.report(false);
    const deps: StartDeps = { clock: this.deps.clock, images: this.deps.images, recorder: this.deps.recorder, backoff: this.deps.backoff, env: this.deps.env, actions: this.deps.actions };
    let outcome;
    try {
      outcome = await startContainer(pod, record, this.sandbox, this.volumes, this.podIP, deps);
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
    record.ready = record.started && !record.spec.readinessProbe;
    if (record.started) this.probes?.started(record);
    const startedAt = record.state.running?.startedAt;
    void outcome.handle.exited.then((exit) => {
      record.log?.close(exit.finishedAt);
      record.endRun(exit, startedAt, this.deps.clock.timestamp(exit.finishedAt));
      this.requestSync();
    });
    if (outcome.postStartFailure) {
      record.postStartFailure = outcome.postStartFailure;
      await killContainer(pod, record, { message: 'FailedPostStartHook', gracePeriodSeconds: podGracePeriod(pod) }, this.killDeps());
    }
  }

  /** What a probe's new result means: a started container, readiness, or a restart. */
  private probeResult(type: ProbeType, record: ContainerRecord, result: ProbeResult, containerID: string): void {
    if (record.containerID !== containerID || !record.running || this.terminating || this.finished) return;
    if (type === 'Readiness') {
      record.ready = result === 'success' && record.started;
      this.report(false);
      return;
    }
    if (type === 'Startup' && result === 'success') {
      record.started = true;
      record.ready = !record.spec.readinessProbe;
      this.probes?.started(record);
      this.report(false);
      this.requestSync();
      return;
    }
    if (result === 'failure' && !record.stopping) void killContainer(this.pod, record, unhealthyKill(this.pod, record, type), this.killDeps());
  }

  /**
   * Stops every container (gracefully when the pod was deleted), reports the terminal status,
   * frees the sandbox and IP, and, for a deleted pod, removes the object.
   */
  private async terminate(deleted: boolean): Promise<void> {
    this.retry?.cancel();
    this.volumeResync.stop();
    if (!this.terminating) {
      this.terminating = true;
      await terminateContainers(this.pod, this.records, deleted ? podGracePeriod(this.pod) : 0, this.killDeps());
      this.probes?.stop();
      this.report(true);
      await this.sandbox?.destroy();
      this.sandbox = undefined;
      if (this.podIP) this.deps.ips.release(this.podIP);
    }
    if (deleted) {
      this.finished = true;
      this.stopTimers();
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
}
