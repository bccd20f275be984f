// A ReplicaSet's status from the pods it owns: replicas, fullyLabeledReplicas, readyReplicas,
// availableReplicas (ready for minReadySeconds), the ReplicaFailure condition while creating or
// deleting fails, and observedGeneration. Zero counts are left out, as the API's omitempty
// fields are. Upstream: pkg/controller/replicaset/replica_set_utils.go (calculateStatus).

import type { ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import { matches, fromMap } from '../../api/labels';
import { findCondition, removeCondition, setCondition } from '../shared/conditions';
import { isAvailable, isReady } from '../shared/pod-state';

export type ReplicaSetStatus = NonNullable<ReplicaSet['status']>;

export function replicaSetStatus(rs: ReplicaSet, pods: readonly Pod[], manageError: unknown, now: number, timestamp: string): ReplicaSetStatus {
  const templateLabels = fromMap(rs.spec.template?.metadata?.labels);
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (matches(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isReady(pod)) {
      ready++;
      if (isAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fullyLabeled > 0) status.fullyLabeledReplicas = fullyLabeled;
  if (ready > 0) status.readyReplicas = ready;
  if (available > 0) status.availableReplicas = available;
  if (rs.metadata.generation !== undefined) status.observedGeneration = rs.metadata.generation;
  let conditions = rs.status?.conditions;
  const failure = findCondition(conditions, 'ReplicaFailure');
  if (manageError !== undefined && !failure) {
    const diff = pods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = setCondition(conditions, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: timestamp, reason, message: errorText(manageError) });
  } else if (manageError === undefined && failure) {
    conditions = removeCondition(conditions, 'ReplicaFailure');
  }
  if (conditions && conditions.length > 0) status.conditions = conditions;
  return status;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
