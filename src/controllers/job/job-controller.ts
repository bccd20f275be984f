// The Job controller: runs pods for a Job until enough succeed (completions, parallelism at a
// time), replaces failed ones after a back-off until backoffLimit, stops at
// activeDeadlineSeconds, counts finished pods through the tracking finalizer, and reports
// start and completion times, counts and conditions with events. Upstream:
// pkg/controller/job/job_controller.go (syncJob, manageJob, trackJobStatusAndRemoveFinalizers).

import type { Job } from '../../api/apps';
import type { Pod } from '../../api/core';
import { matches } from '../../api/labels';
import { controllerOf, objectKey } from '../../api/meta';
import { clone, jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isNotFound, type ApiClient } from '../../client/client';
import { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { Controller, type ReconcileResult } from '../controller';
import { Expectations } from '../shared/expectations';
import { byNamespace, type InformerIndex } from '../shared/informer-index';
import { claim } from '../shared/owner-refs';
import { podFromTemplate } from '../shared/pod-template';
import type { SharedInformers } from '../shared/shared-informers';
import { slowStartBatch } from '../shared/slow-start';
import { errorText } from '../replicaset/replicaset-status';
import { BACKOFF_LIMIT_EXCEEDED, COMPLETED, DEADLINE_EXCEEDED, hasCondition, isFinishedJob, jobCondition, recordedOutcome, type Outcome } from './job-conditions';
import { hasTrackingFinalizer, isActivePod, isFinished, isSucceeded, isTerminatingPod, jobPodLabels, jobSelector, lastFailureAt, readyCount, TRACKING_FINALIZER } from './job-pods';

const PODS = findResource('', 'v1', 'pods')!;
const JOBS = findResource('batch', 'v1', 'jobs')!;
const MAX_CREATE_PER_SYNC = 500;
const POD_FAILURE_BACKOFF_MS = 10_000;
const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60 * 1000;

type JobStatus = NonNullable<Job['status']>;

export class JobController {
  private readonly jobs: Informer<Job>;
  private readonly pods: Informer<Pod>;
  private readonly podsByNamespace: InformerIndex<Pod>;
  private readonly expectations: Expectations;
  private readonly recorder: EventRecorder;
  readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.jobs = informers.for<Job>(JOBS);
    this.pods = informers.for<Pod>(PODS);
    this.podsByNamespace = informers.index(PODS, 'namespace', byNamespace);
    this.expectations = new Expectations(clock);
    this.recorder = new EventRecorder(client, clock, { component: 'job-controller' });
    this.controller = new Controller('job', clock, (key) => this.sync(key), 5);
    const enqueue = (job: Job) => this.controller.enqueue(objectKey(job.metadata));
    this.jobs.addHandlers({ onAdd: enqueue, onUpdate: (_old, job) => enqueue(job), onDelete: (job) => this.expectations.forget(objectKey(job.metadata)) });
    this.pods.addHandlers({
      onAdd: (pod) => this.podEvent(pod, true),
      onUpdate: (_old, pod) => this.podEvent(pod, false),
      onDelete: (pod) => this.podEvent(pod, false),
    });
  }

  start(): void {
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
  }

  private podEvent(pod: Pod, added: boolean): void {
    const ref = controllerOf(pod.metadata);
    if (!ref || ref.kind !== 'Job') return;
    const job = this.jobs.get(`${pod.metadata.namespace}/${ref.name}`);
    if (!job || job.metadata.uid !== ref.uid) return;
    const key = objectKey(job.metadata);
    if (added) this.expectations.creationObserved(key);
    this.controller.enqueue(key);
  }

  private async sync(key: string): Promise<ReconcileResult> {
    const cached = this.jobs.get(key);
    if (!cached) {
      this.expectations.forget(key);
      return;
    }
    const job = clone(cached);
    const selector = jobSelector(job);
    const pods = await claim(this.podsByNamespace.get(job.metadata.namespace ?? ''), {
      client: this.client,
      type: PODS,
      owner: job,
      selects: (pod) => matches(selector, pod.metadata.labels),
      canAdopt: async () => !job.metadata.deletionTimestamp,
    });
    if (isFinishedJob(job.status?.conditions)) {
      await this.removeFinalizers(pods.filter(hasTrackingFinalizer));
      return;
    }
    const status: JobStatus = clone(job.status ?? {});
    const timestamp = this.clock.timestamp();
    const suspended = job.spec.suspend === true;
    if (!status.startTime && !suspended) status.startTime = timestamp;
    await this.countFinished(job, status, pods);
    const active = pods.filter((p) => isActivePod(p) && !p.metadata.deletionTimestamp);
    const failed = (status.failed ?? 0) + (status.uncountedTerminatedPods?.failed?.length ?? 0);
    const succeeded = (status.succeeded ?? 0) + (status.uncountedTerminatedPods?.succeeded?.length ?? 0);
    let outcome = recordedOutcome(status.conditions);
    let requeueAfterMs: number | undefined;
    if (!outcome) {
      if (failed > (job.spec.backoffLimit ?? 6)) outcome = BACKOFF_LIMIT_EXCEEDED;
      else if (this.deadlineRemaining(job, status) === 0) outcome = DEADLINE_EXCEEDED;
      else if (completionsReached(job, succeeded, active.length)) outcome = COMPLETED;
    }
    let activeCount = active.length;
    if (outcome) {
      if (!hasCondition(status.conditions, outcome.interim)) status.conditions = [...(status.conditions ?? []), jobCondition(outcome.interim, outcome, timestamp)];
      activeCount -= await this.deletePods(job, active);
    } else if (!suspended && this.expectations.satisfied(key)) {
      const result = await this.manage(job, key, active, succeeded, failed, pods);
      activeCount += result.created - result.deleted;
      requeueAfterMs = result.requeueAfterMs;
    }
    const remaining = this.deadlineRemaining(job, status);
    if (!outcome && remaining !== undefined && remaining > 0) requeueAfterMs = Math.min(requeueAfterMs ?? remaining, remaining);
    const fresh = this.podsByNamespace.get(job.metadata.namespace ?? '').filter((p) => controllerOf(p.metadata)?.uid === job.metadata.uid);
    const terminating = fresh.filter(isTerminatingPod).length;
    setCount(status, 'active', Math.max(0, activeCount));
    status.ready = readyCount(fresh);
    status.terminating = terminating;
    if (outcome && activeCount <= 0 && terminating === 0 && noneUncounted(status)) this.finish(job, status, outcome, timestamp);
    if (!jsonEqual(job.status ?? {}, status)) await this.writeStatus(job, status);
    return requeueAfterMs === undefined ? undefined : { requeueAfterMs };
  }

  /** Moves finished pods into uncountedTerminatedPods, releases their finalizers, then counts them. */
  private async countFinished(job: Job, status: JobStatus, pods: Pod[]): Promise<void> {
    const uncounted = { succeeded: [...(status.uncountedTerminatedPods?.succeeded ?? [])], failed: [...(status.uncountedTerminatedPods?.failed ?? [])] };
    const finished = pods.filter((p) => hasTrackingFinalizer(p) && isFinished(p));
    let added = false;
    for (const pod of finished) {
      const uid = pod.metadata.uid ?? '';
      if (uncounted.succeeded.includes(uid) || uncounted.failed.includes(uid)) continue;
      (isSucceeded(pod) ? uncounted.succeeded : uncounted.failed).push(uid);
      added = true;
    }
    status.uncountedTerminatedPods = uncounted;
    if (added) await this.writeStatus(job, status);
    await this.removeFinalizers(finished);
    const stillHeld = new Set(this.podsByNamespace.get(job.metadata.namespace ?? '').filter(hasTrackingFinalizer).map((p) => p.metadata.uid));
    const countedSucceeded = uncounted.succeeded.filter((uid) => !stillHeld.has(uid));
    const countedFailed = uncounted.failed.filter((uid) => !stillHeld.has(uid));
    setCount(status, 'succeeded', (status.succeeded ?? 0) + countedSucceeded.length);
    setCount(status, 'failed', (status.failed ?? 0) + countedFailed.length);
    status.uncountedTerminatedPods = {};
    const left = { succeeded: uncounted.succeeded.filter((u) => stillHeld.has(u)), failed: uncounted.failed.filter((u) => stillHeld.has(u)) };
    if (left.succeeded.length > 0) status.uncountedTerminatedPods.succeeded = left.succeeded;
    if (left.failed.length > 0) status.uncountedTerminatedPods.failed = left.failed;
  }

  private async removeFinalizers(pods: readonly Pod[]): Promise<void> {
    for (const pod of pods) {
      const finalizers = (pod.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
      try {
        await this.client.patch(PODS, pod.metadata.namespace, pod.metadata.name ?? '', { metadata: { uid: pod.metadata.uid, finalizers: finalizers.length > 0 ? finalizers : null } });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }

  /** Milliseconds left before activeDeadlineSeconds (0 once past), or undefined without a deadline. */
  private deadlineRemaining(job: Job, status: JobStatus): number | undefined {
    const deadline = job.spec.activeDeadlineSeconds;
    if (deadline === undefined || job.spec.suspend || !status.startTime) return undefined;
    return Math.max(0, Date.parse(status.startTime) + deadline * 1000 - this.clock.now());
  }

  private async manage(job: Job, key: string, active: Pod[], succeeded: number, failed: number, pods: Pod[]): Promise<{ created: number; deleted: number; requeueAfterMs?: number }> {
    const parallelism = job.spec.parallelism ?? 1;
    const completions = job.spec.completions;
    let want: number;
    if (completions === undefined || completions === null) want = succeeded > 0 ? active.length : parallelism;
    else want = Math.max(0, Math.min(completions - succeeded, parallelism));
    if (active.length > want) {
      const newestFirst = [...active].sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''));
      return { created: 0, deleted: await this.deletePods(job, newestFirst.slice(0, active.length - want)) };
    }
    if (active.length === want) return { created: 0, deleted: 0 };
    const lastFailure = lastFailureAt(pods);
    if (failed > 0 && lastFailure !== undefined) {
      const backoff = Math.min(POD_FAILURE_BACKOFF_MS * 2 ** (failed - 1), MAX_POD_FAILURE_BACKOFF_MS);
      const wait = lastFailure + backoff - this.clock.now();
      if (wait > 0) return { created: 0, deleted: 0, requeueAfterMs: wait };
    }
    const count = Math.min(want - active.length, MAX_CREATE_PER_SYNC);
    this.expectations.expectCreations(key, count);
    const { succeeded: created, error } = await slowStartBatch(count, async () => {
      const pod = podFromTemplate(job.spec.template, job, jobPodLabels(job));
      pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), TRACKING_FINALIZER];
      try {
        const made = await this.client.create<Pod>(PODS, job.metadata.namespace, pod);
        this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${made.metadata.name}`);
      } catch (failure) {
        this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${errorText(failure)}`);
        throw failure;
      }
    });
    for (let i = created; i < count; i++) this.expectations.creationSkipped(key);
    if (error !== undefined) throw error;
    return { created, deleted: 0 };
  }

  private async deletePods(job: Job, pods: readonly Pod[]): Promise<number> {
    let deleted = 0;
    for (const pod of pods) {
      try {
        await this.client.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
        this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        deleted++;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return deleted;
  }

  private finish(job: Job, status: JobStatus, outcome: Outcome, timestamp: string): void {
    if (hasCondition(status.conditions, outcome.terminal)) return;
    status.conditions = [...(status.conditions ?? []), jobCondition(outcome.terminal, outcome, timestamp)];
    if (outcome.terminal === 'Complete') {
      status.completionTime = timestamp;
      this.recorder.event(job, 'Normal', 'Completed', 'Job completed');
    } else {
      this.recorder.event(job, 'Warning', outcome.reason, outcome.message);
    }
  }

  private async writeStatus(job: Job, status: JobStatus): Promise<void> {
    try {
      await this.client.updateStatus(JOBS, { ...job, metadata: { ...job.metadata, resourceVersion: undefined }, status });
      job.status = clone(status);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

function completionsReached(job: Job, succeeded: number, active: number): boolean {
  if (active > 0) return false;
  const completions = job.spec.completions;
  if (completions === undefined || completions === null) return succeeded > 0;
  return succeeded >= completions;
}

function setCount(status: JobStatus, field: 'active' | 'succeeded' | 'failed', value: number): void {
  if (value > 0) status[field] = value;
  else delete status[field];
}

function noneUncounted(status: JobStatus): boolean {
  return (status.uncountedTerminatedPods?.succeeded?.length ?? 0) === 0 && (status.uncountedTerminatedPods?.failed?.length ?? 0) === 0;
}

