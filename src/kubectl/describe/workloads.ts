// Describers for workloads: deployments (replicas, strategy, template, conditions, old and new
// replica sets), replica sets (replicas, pod statuses) and jobs (parallelism, completions,
// times, pod statuses). Upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go
// (DeploymentDescriber, ReplicaSetDescriber, JobDescriber).

import type { Deployment, Job, ReplicaSet } from '../../api/apps';
import type { CoreEvent, Pod } from '../../api/core';
import { humanDuration } from '../../api/duration';
import { formatSelector, fromLabelSelector } from '../../api/labels';
import { controllerOf } from '../../api/meta';
import { jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { KubectlContext } from '../context';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format';
import type { DescribeClock } from './pod';
import { describePodTemplate } from './pod-template';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';

const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;
const PODS = findResource('', 'v1', 'pods')!;

function withoutHash<T>(template: T): T {
  const copy = structuredClone(template) as { metadata?: { labels?: Record<string, string> } };
  if (copy.metadata?.labels) delete copy.metadata.labels['pod-template-hash'];
  return copy as T;
}

function replicaSetsText(sets: ReplicaSet[]): string {
  if (sets.length === 0) return '<none>';
  return sets.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ');
}

function intOrPercent(value: number | string | undefined, fallback: string): string {
  return value === undefined ? fallback : String(value);
}

export async function describeDeployment(ctx: KubectlContext, d: Deployment, events: CoreEvent[] | undefined, clock: DescribeClock): Promise<string> {
  const w = new PrefixWriter();
  const status = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp, clock.offset)}\n`);
  printLabelsMultiline(w, 'Labels', d.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatSelector(fromLabelSelector(d.spec.selector))}\n`);
  w.write(LEVEL_0, `Replicas:\t${d.spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const rolling = d.spec.strategy?.rollingUpdate;
  if (rolling) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrPercent(rolling.maxUnavailable, '<nil>')} max unavailable, ${intOrPercent(rolling.maxSurge, '<nil>')} max surge\n`);
  describePodTemplate(w, d.spec.template, clock);
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of status.conditions ?? []) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const labelSelector = formatSelector(fromLabelSelector(d.spec.selector));
  const owned = (await ctx.client.list<ReplicaSet>(REPLICA_SETS, d.metadata.namespace, { labelSelector })).items.filter((rs) => controllerOf(rs.metadata)?.uid === d.metadata.uid);
  const template = withoutHash(d.spec.template);
  const current = owned
    .filter((rs) => jsonEqual(withoutHash(rs.spec.template), template))
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''))[0];
  const old = owned.filter((rs) => rs !== current && (rs.spec.replicas ?? 0) > 0);
  w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(old)}\n`);
  w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(current ? [current] : [])}\n`);
  if (events) describeEvents(events, w, clock.now);
  return w.toString();
}

export async function describeReplicaSet(ctx: KubectlContext, rs: ReplicaSet, events: CoreEvent[] | undefined, clock: DescribeClock): Promise<string> {
  const w = new PrefixWriter();
  const selector = formatSelector(fromLabelSelector(rs.spec.selector));
  w.write(LEVEL_0, `Name:\t${rs.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selector}\n`);
  printLabelsMultiline(w, 'Labels', rs.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controllerOf(rs.metadata);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  const pods = (await ctx.client.list<Pod>(PODS, rs.metadata.namespace, { labelSelector: selector })).items.filter((p) => controllerOf(p.metadata)?.uid === rs.metadata.uid);
  const count = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  w.write(LEVEL_0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  describePodTemplate(w, rs.spec.template, clock);
  if ((rs.status?.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(LEVEL_1, '----\t------\t------\n');
    for (const c of rs.status?.conditions ?? []) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  if (events) describeEvents(events, w, clock.now);
  return w.toString();
}

export function describeJob(job: Job, events: CoreEvent[] | undefined, clock: DescribeClock): string {
  const w = new PrefixWriter();
  const spec = job.spec;
  const status = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${formatSelector(fromLabelSelector(spec.selector))}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  const owner = controllerOf(job.metadata);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(LEVEL_0, `Parallelism:\t${spec.parallelism ?? 1}\n`);
  w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime, clock.offset)}\n`);
  if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime, clock.offset)}\n`);
  if (status.startTime && status.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const ready = status.ready === undefined ? '' : ` (${status.ready} Ready)`;
  w.write(LEVEL_0, `Pods Statuses:\t${status.active ?? 0} Active${ready} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
  describePodTemplate(w, spec.template, clock);
  if (events) describeEvents(events, w, clock.now);
  return w.toString();
}
