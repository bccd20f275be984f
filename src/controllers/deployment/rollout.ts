// The two rollout strategies. RollingUpdate scales the new ReplicaSet up within maxSurge, then
// old ones down within maxUnavailable (unhealthy old replicas first). Recreate scales every old
// ReplicaSet to zero, waits until none of their pods is left, then scales the new one up.
// Upstream: pkg/controller/deployment/rolling.go and recreate.go.

import type { Deployment, ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { DeploymentActions } from './deployment-actions';
import { newReplicaSetReplicas } from './deployment-actions';
import { maxUnavailable, replicasOf } from './deployment-strategy';
import { active, byCreation, specReplicas, sumSpecReplicas, sumStatus } from './replica-sets';

/** Which way a rollout step went: whether it scaled anything (then status is synced at once). */
export interface RolloutStep {
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
  /** Whether the rollout has nothing left to do but clean up. */
  mayCleanUp: boolean;
}

export async function rollingUpdate(actions: DeploymentActions, d: Deployment, rsList: readonly ReplicaSet[]): Promise<RolloutStep> {
  const { newRS, oldRSs } = await actions.newAndOld(d, rsList, true);
  if (!newRS) return { oldRSs, mayCleanUp: false };
  const allRSs = [...oldRSs, newRS];
  if (await reconcileNew(actions, d, allRSs, newRS)) return { newRS, oldRSs, mayCleanUp: false };
  if (await reconcileOld(actions, d, allRSs, active(oldRSs), newRS)) return { newRS, oldRSs, mayCleanUp: false };
  return { newRS, oldRSs, mayCleanUp: true };
}

async function reconcileNew(actions: DeploymentActions, d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet): Promise<boolean> {
  const desired = replicasOf(d);
  if (specReplicas(newRS) === desired) return false;
  if (specReplicas(newRS) > desired) return (await actions.scaleAndRecord(newRS, desired, d)).scaled;
  return (await actions.scaleAndRecord(newRS, newReplicaSetReplicas(d, allRSs, newRS), d)).scaled;
}

async function reconcileOld(actions: DeploymentActions, d: Deployment, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet): Promise<boolean> {
  if (sumSpecReplicas(oldRSs) === 0) return false;
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumSpecReplicas(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  let cleaned = 0;
  let remaining: ReplicaSet[];
  try {
    ({ cleaned, remaining } = await cleanupUnhealthy(actions, d, oldRSs, maxScaledDown));
  } catch {
    return false;
  }
  let scaledDown = 0;
  try {
    scaledDown = await scaleDownOld(actions, d, [...remaining, newRS], remaining);
  } catch {
    return cleaned > 0;
  }
  return cleaned + scaledDown > 0;
}

/** Scales old ReplicaSets down by their unavailable replicas, oldest first, up to `limit`. */
async function cleanupUnhealthy(actions: DeploymentActions, d: Deployment, oldRSs: ReplicaSet[], limit: number): Promise<{ cleaned: number; remaining: ReplicaSet[] }> {
  const ordered = [...oldRSs].sort(byCreation);
  let cleaned = 0;
  for (let i = 0; i < ordered.length && cleaned < limit; i++) {
    const rs = ordered[i];
    const replicas = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const count = Math.min(limit - cleaned, replicas - available);
    ordered[i] = (await actions.scaleAndRecord(rs, replicas - count, d)).rs;
    cleaned += count;
  }
  return { cleaned, remaining: ordered };
}

/** Scales old ReplicaSets down, oldest first, while availability stays at or above the minimum. */
async function scaleDownOld(actions: DeploymentActions, d: Deployment, allRSs: ReplicaSet[], oldRSs: ReplicaSet[]): Promise<number> {
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const available = sumStatus(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const total = available - minAvailable;
  let scaled = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (scaled >= total) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), total - scaled);
    await actions.scaleAndRecord(rs, specReplicas(rs) - count, d);
    scaled += count;
  }
  return scaled;
}

export async function recreate(actions: DeploymentActions, d: Deployment, rsList: readonly ReplicaSet[], podsByReplicaSet: Map<string, Pod[]>): Promise<RolloutStep> {
  let { newRS, oldRSs } = await actions.newAndOld(d, rsList, false);
  let scaledDown = false;
  for (const rs of active(oldRSs)) if ((await actions.scaleAndRecord(rs, 0, d)).scaled) scaledDown = true;
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podsByReplicaSet)) return { newRS, oldRSs, mayCleanUp: false };
  if (!newRS) ({ newRS, oldRSs } = await actions.newAndOld(d, rsList, true));
  if (newRS) newRS = (await actions.scaleAndRecord(newRS, replicasOf(d), d)).rs;
  return { newRS, oldRSs, mayCleanUp: true };
}

function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], podsByReplicaSet: Map<string, Pod[]>): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const [uid, pods] of podsByReplicaSet) {
    if (newRS && newRS.metadata.uid === uid) continue;
    if (pods.some((pod) => pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed')) return true;
  }
  return false;
}
