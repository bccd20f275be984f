// One probe of one container, as a kubelet prober worker runs it: a tick every periodSeconds
// from when the pod arrived (and at once when asked), nothing before initialDelaySeconds of the
// container's run, liveness and readiness only once the container has started (startup only
// before), results set only after successThreshold or failureThreshold same results in a row,
// and a liveness or startup failure held until a new run of the container. Every failed
// attempt is an Unhealthy event. Upstream: pkg/kubelet/prober/worker.go.

import type { Pod, Probe } from '../../../../src/api/core';
import type { ClusterClock, Timer } from '../../../../src/cluster/clock';
import type { EventRecorder } from '../../../../src/client/event-recorder';
import type { ActionDeps } from '../actions/action-target';
import type { ContainerRecord } from '../container-record';
import { runProbe, type ProbeType } from './probe-action';

export type ProbeResult = 'success' | 'failure';

export interface ProbeWorkerContext {
  clock: ClusterClock;
  recorder: EventRecorder;
  actions: ActionDeps;
  pod(): Pod;
  podIP(): string | undefined;
  /** A result was set (it changed) for the run with this container ID. */
  onResult(type: ProbeType, record: ContainerRecord, result: ProbeResult, containerID: string): void;
}

const INITIAL: Record<ProbeType, ProbeResult | undefined> = { Liveness: 'success', Readiness: 'failure', Startup: undefined };

export class ProbeWorker {
  /** The result for the current run (undefined: unknown). */
  result: ProbeResult | undefined;
  private containerID?: string;
  private lastResult?: ProbeResult;
  private resultRun = 0;
  private onHold = false;
  private probing = false;
  private stopped = false;
  private timer?: Timer;

  constructor(
    readonly type: ProbeType,
    private readonly spec: Probe,
    private readonly record: ContainerRecord,
    private readonly context: ProbeWorkerContext,
  ) {
    this.result = INITIAL[type];
  }

  start(): void {
    this.trigger();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }

  /** Probes now, unless an attempt is under way. */
  trigger(): void {
    if (this.stopped || this.probing) return;
    this.probing = true;
    void this.doProbe()
      .then((keepGoing) => {
        if (!keepGoing) this.stop();
      })
      .finally(() => (this.probing = false));
  }

  private schedule(): void {
    const periodMs = (this.spec.periodSeconds ?? 10) * 1000;
    this.timer = this.context.clock.after(periodMs, () => {
      if (this.stopped) return;
      this.trigger();
      this.schedule();
    });
  }

  private set(result: ProbeResult, containerID: string): void {
    if (this.result === result) return;
    this.result = result;
    this.context.onResult(this.type, this.record, result, containerID);
  }

  /** One round; false once probing should end for good. */
  private async doProbe(): Promise<boolean> {
    const pod = this.context.pod();
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return false;
    const record = this.record;
    const containerID = record.containerID;
    const podIP = this.context.podIP();
    if (!containerID || !podIP) return true;
    if (containerID !== this.containerID) {
      this.containerID = containerID;
      this.result = INITIAL[this.type];
      this.lastResult = undefined;
      this.resultRun = 0;
      this.onHold = false;
    }
    if (this.onHold) return true;
    const handle = record.handle;
    if (!record.running || !handle) {
      this.set('failure', containerID);
      return !(record.state.terminated && pod.spec.restartPolicy === 'Never');
    }
    if (pod.metadata.deletionTimestamp && this.type !== 'Readiness') {
      this.set('success', containerID);
      return false;
    }
    if (Math.floor((this.context.clock.now() - handle.startedAt) / 1000) < (this.spec.initialDelaySeconds ?? 0)) return true;
    if (record.started !== (this.type !== 'Startup')) return true;
    const outcome = await runProbe(this.spec, { pod, container: record.spec, handle, containerID, podIP }, this.context.actions);
    if (this.stopped || record.containerID !== containerID) return true;
    const path = `spec.${record.kind === 'app' ? 'containers' : 'initContainers'}{${record.name}}`;
    if ('error' in outcome) {
      this.context.recorder.event(pod, 'Warning', 'Unhealthy', `${this.type} probe errored and resulted in unknown state: ${outcome.error}`, path);
      return true;
    }
    if (outcome.result === 'failure') this.context.recorder.event(pod, 'Warning', 'Unhealthy', `${this.type} probe failed: ${outcome.output}`, path);
    if (outcome.result === 'warning') this.context.recorder.event(pod, 'Warning', 'ProbeWarning', `${this.type} probe warning: ${outcome.output}`, path);
    const result: ProbeResult = outcome.result === 'failure' ? 'failure' : 'success';
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const threshold = result === 'failure' ? (this.spec.failureThreshold ?? 3) : (this.spec.successThreshold ?? 1);
    if (this.resultRun < threshold) return true;
    this.set(result, containerID);
    if (this.type !== 'Readiness' && result === 'failure') {
      this.onHold = true;
      this.resultRun = 0;
    }
    return true;
  }
}
