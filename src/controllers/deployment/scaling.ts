// Scaling a Deployment that is not rolling out (a new replica count, or a paused Deployment):
// the one active ReplicaSet takes the whole count; otherwise, in a rolling update, the change is
// shared among the active ReplicaSets in proportion to their size, leftovers to the largest.
// Upstream: pkg/controller/deployment/sync.go (scale, isScalingEvent) and
// deployment_util.go (GetProportion, FindActiveOrLatest, IsSaturated).

import type { Deployment, ReplicaSet } from '../../api/apps';
import type { DeploymentActions } from './deployment-actions';
import { isRollingUpdate, maxSurge, replicasOf } from './deployment-strategy';
import { active, byCreation, desiredReplicasAnnotation, maxReplicasAnnotation, specReplicas, sumSpecReplicas } from './replica-sets';

/** A scaling event: some active ReplicaSet was sized for a different replica count. */
export function isScalingEvent(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): boolean {
  return active([...oldRSs, newRS]).some((rs) => {
    const desired = desiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== replicasOf(d);
  });
}

function activeOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const all = active([...newestFirst, newRS]);
  if (all.length === 0) return newRS ?? newestFirst[0];
  return all.length === 1 ? all[0] : undefined;
}

function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const replicas = replicasOf(d);
  return specReplicas(rs) === replicas && desiredReplicasAnnotation(rs) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

function fraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -specReplicas(rs);
  const maxReplicas = replicasOf(d) + maxSurge(d);
  let before = maxReplicasAnnotation(rs) ?? 0;
  if (before === 0) before = d.status?.replicas ?? 0;
  return Math.round((specReplicas(rs) * maxReplicas) / before) - specReplicas(rs);
}

function proportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const share = fraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(share, allowed) : Math.max(share, allowed);
}

export async function scale(actions: DeploymentActions, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): Promise<void> {
  const only = activeOrLatest(newRS, oldRSs);
  if (only) {
    if (specReplicas(only) !== replicasOf(d)) await actions.scaleAndRecord(only, replicasOf(d), d);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const rs of active(oldRSs)) await actions.scaleAndRecord(rs, 0, d);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = active([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - sumSpecReplicas(all);
  let operation = '';
  if (toAdd > 0) {
    all.sort((a, b) => (specReplicas(a) === specReplicas(b) ? byCreation(b, a) : specReplicas(b) - specReplicas(a)));
    operation = 'up';
  } else if (toAdd < 0) {
    all.sort((a, b) => (specReplicas(a) === specReplicas(b) ? byCreation(a, b) : specReplicas(b) - specReplicas(a)));
    operation = 'down';
  }
  const sizes = new Map<ReplicaSet, number>();
  let added = 0;
  for (const rs of all) {
    const share = toAdd !== 0 ? proportion(rs, d, toAdd, added) : 0;
    sizes.set(rs, specReplicas(rs) + share);
    added += share;
  }
  for (let i = 0; i < all.length; i++) {
    const rs = all[i];
    let size = sizes.get(rs) ?? specReplicas(rs);
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    await actions.scale(rs, size, d, operation);
  }
}
