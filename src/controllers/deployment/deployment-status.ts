// A Deployment's status from its ReplicaSets (replicas, updated, ready, available,
// unavailable), the Available condition, and the Progressing condition of a rollout with a
// progress deadline: NewReplicaSetAvailable once complete, ReplicaSetUpdated while it moves,
// ProgressDeadlineExceeded once it has not moved for progressDeadlineSeconds. Zero counts are
// left out, as the API's omitempty fields are. Upstream: pkg/controller/deployment/sync.go
// (calculateStatus) and progress.go (syncRolloutStatus, requeueStuckDeployment).

import type { Deployment, DeploymentCondition, ReplicaSet } from '../../api/apps';
import { findCondition, removeCondition, setCondition } from '../shared/conditions';
import { hasProgressDeadline, maxUnavailable, progressDeadlineSeconds, replicasOf } from './deployment-strategy';
import { sumSpecReplicas, sumStatus } from './replica-sets';

export type DeploymentStatus = NonNullable<Deployment['status']>;

export function condition(type: string, status: string, reason: string, message: string, timestamp: string): DeploymentCondition {
  return { type, status, lastUpdateTime: timestamp, lastTransitionTime: timestamp, reason, message };
}

function count(status: DeploymentStatus, field: 'replicas' | 'updatedReplicas' | 'readyReplicas' | 'availableReplicas'): number {
  return status[field] ?? 0;
}

export function calculateStatus(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, timestamp: string): DeploymentStatus {
  const available = sumStatus(allRSs, 'availableReplicas');
  const unavailable = Math.max(0, sumSpecReplicas(allRSs) - available);
  const status: DeploymentStatus = {};
  if (d.metadata.generation) status.observedGeneration = d.metadata.generation;
  const fields: [keyof DeploymentStatus, number][] = [
    ['replicas', sumStatus(allRSs, 'replicas')],
    ['updatedReplicas', sumStatus([newRS], 'replicas')],
    ['readyReplicas', sumStatus(allRSs, 'readyReplicas')],
    ['availableReplicas', available],
    ['unavailableReplicas', unavailable],
  ];
  for (const [field, value] of fields) if (value !== 0) (status as Record<string, number>)[field] = value;
  const available_ = available >= replicasOf(d) - maxUnavailable(d);
  status.conditions = setCondition(
    d.status?.conditions,
    available_
      ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', timestamp)
      : condition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', timestamp),
  );
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  return status;
}

export function isComplete(d: Deployment, status: DeploymentStatus): boolean {
  const replicas = replicasOf(d);
  return (
    count(status, 'updatedReplicas') === replicas &&
    count(status, 'replicas') === replicas &&
    count(status, 'availableReplicas') === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

function isProgressing(d: Deployment, status: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = count(old, 'replicas') - count(old, 'updatedReplicas');
  const newOld = count(status, 'replicas') - count(status, 'updatedReplicas');
  return (
    count(status, 'updatedReplicas') > count(old, 'updatedReplicas') ||
    newOld < oldOld ||
    count(status, 'readyReplicas') > count(old, 'readyReplicas') ||
    count(status, 'availableReplicas') > count(old, 'availableReplicas')
  );
}

function hasTimedOut(d: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const progressing = findCondition(status.conditions, 'Progressing');
  if (!progressing || progressing.reason === 'NewReplicaSetAvailable') return false;
  if (progressing.reason === 'ProgressDeadlineExceeded') return true;
  const from = Date.parse(progressing.lastUpdateTime ?? '');
  return Number.isFinite(from) && from + progressDeadlineSeconds(d) * 1000 < now;
}

/** The status of a rolling or recreating Deployment, with its Progressing condition brought up to date. */
export function rolloutStatus(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, replicaFailure: DeploymentCondition | undefined, now: number, timestamp: string): DeploymentStatus {
  const status = calculateStatus(d, allRSs, newRS, timestamp);
  if (!hasProgressDeadline(d)) status.conditions = removeCondition(status.conditions, 'Progressing');
  const current = findCondition(d.status?.conditions, 'Progressing');
  const settled = count(status, 'replicas') === count(status, 'updatedReplicas') && current?.reason === 'NewReplicaSetAvailable';
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (hasProgressDeadline(d) && !settled) {
    if (isComplete(d, status)) {
      status.conditions = setCondition(status.conditions, condition('Progressing', 'True', 'NewReplicaSetAvailable', `${subject} has successfully progressed.`, timestamp));
    } else if (isProgressing(d, status)) {
      const progressing = condition('Progressing', 'True', 'ReplicaSetUpdated', `${subject} is progressing.`, timestamp);
      if (current?.status === 'True' && current.lastTransitionTime) progressing.lastTransitionTime = current.lastTransitionTime;
      status.conditions = [...removeCondition(status.conditions, 'Progressing'), progressing];
    } else if (hasTimedOut(d, status, now)) {
      status.conditions = setCondition(status.conditions, condition('Progressing', 'False', 'ProgressDeadlineExceeded', `${subject} has timed out progressing.`, timestamp));
    }
  }
  status.conditions = replicaFailure ? setCondition(status.conditions, replicaFailure) : removeCondition(status.conditions, 'ReplicaFailure');
  if (status.conditions.length === 0) delete status.conditions;
  return status;
}

/** When to look again at a rollout that has not completed, to notice its deadline passing. */
export function recheckAfter(d: Deployment, status: DeploymentStatus, now: number): number | undefined {
  const current = findCondition(d.status?.conditions, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return undefined;
  if (isComplete(d, status) || current.reason === 'ProgressDeadlineExceeded') return undefined;
  const after = Date.parse(current.lastUpdateTime ?? '') + progressDeadlineSeconds(d) * 1000 - now;
  if (!Number.isFinite(after)) return undefined;
  return after < 1000 ? 1000 : after + 1000;
}
