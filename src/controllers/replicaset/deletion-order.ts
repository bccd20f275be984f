// Which pods a scale-down deletes first, by upstream's ranking: unscheduled before scheduled,
// Pending before Unknown before Running, not ready before ready, lower pod-deletion-cost first,
// pods doubled up on a node with more of their relatives first, then the more recently ready,
// the more restarted and the newer (ready and creation times compared in logarithmic buckets).
// Upstream: pkg/controller/controller_utils.go (ActivePodsWithRanks.Less).

import type { Pod } from '../../api/core';
import { isActive, isReady, readyCondition } from '../shared/pod-state';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

function deletionCost(pod: Pod): number {
  const text = pod.metadata.annotations?.[DELETION_COST_ANNOTATION];
  if (text === undefined || !/^-?\d+$/.test(text)) return 0;
  return Number(text);
}

function time(text: string | undefined): number | undefined {
  const at = text ? Date.parse(text) : NaN;
  return Number.isFinite(at) ? at : undefined;
}

/** ⌊log2(ns since `at`)⌋, or -1 for a time not in the past. */
function logBucket(at: number, now: number): number {
  const nanos = (now - at) * 1e6;
  return nanos > 0 ? Math.floor(Math.log2(nanos)) : -1;
}

function maxRestarts(pod: Pod): number {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return statuses.reduce((max, s) => Math.max(max, s.restartCount), 0);
}

/** Negative when `a` is deleted before `b`, for two times that may be unknown (unknown first, then newer). */
function compareTimes(a: number | undefined, b: number | undefined, now: number, uidA: string, uidB: string): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const diff = logBucket(a, now) - logBucket(b, now);
  if (diff !== 0) return diff;
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
}

function compare(a: Pod, b: Pod, rankA: number, rankB: number, now: number): number {
  const nodeA = a.spec.nodeName ?? '';
  const nodeB = b.spec.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '' ? -1 : 1;
  const phaseA = PHASE_ORDINAL[a.status?.phase ?? ''] ?? -1;
  const phaseB = PHASE_ORDINAL[b.status?.phase ?? ''] ?? -1;
  if (phaseA !== phaseB) return phaseA - phaseB;
  const readyA = isReady(a);
  const readyB = isReady(b);
  if (readyA !== readyB) return readyA ? 1 : -1;
  const costA = deletionCost(a);
  const costB = deletionCost(b);
  if (costA !== costB) return costA - costB;
  if (rankA !== rankB) return rankB - rankA;
  const uidA = a.metadata.uid ?? '';
  const uidB = b.metadata.uid ?? '';
  if (readyA && readyB) {
    const byReady = compareTimes(time(readyCondition(a)?.lastTransitionTime), time(readyCondition(b)?.lastTransitionTime), now, uidA, uidB);
    if (byReady !== 0) return byReady;
  }
  const restarts = maxRestarts(b) - maxRestarts(a);
  if (restarts !== 0) return restarts;
  return compareTimes(time(a.metadata.creationTimestamp), time(b.metadata.creationTimestamp), now, uidA, uidB);
}

/**
 * The `count` pods of `pods` to delete first. `related` are the pods of the whole workload (all
 * its replica sets): a pod sharing its node with more of them ranks as doubled up.
 */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number, now: number): Pod[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const pod of related) if (isActive(pod)) onNode.set(pod.spec.nodeName ?? '', (onNode.get(pod.spec.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => compare(x.pod, y.pod, x.rank, y.rank, now));
  return ranked.slice(0, count).map((r) => r.pod);
}
