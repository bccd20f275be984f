// A deployment's revisions: its replica sets (owned by it, matched by its selector) with the
// revision and change-cause annotations, as `rollout history` and `rollout undo` read them.
// Upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go and rollback.go.

import type { Deployment, ReplicaSet } from '../../../api/apps';
import { findResource } from '../../../api/scheme';
import type { KubectlContext } from '../../context';

const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;
export const REVISION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export interface Revision {
  revision: number;
  replicaSet: ReplicaSet;
}

export async function revisionsOf(ctx: KubectlContext, deployment: Deployment): Promise<Revision[]> {
  const labels = deployment.spec.selector?.matchLabels ?? {};
  const labelSelector = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
  const list = await ctx.client.list<ReplicaSet>(REPLICA_SETS, deployment.metadata.namespace, { labelSelector });
  return list.items
    .filter((rs) => rs.metadata.ownerReferences?.some((ref) => ref.uid === deployment.metadata.uid))
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION] ?? '0'), replicaSet: rs }))
    .filter((r) => Number.isFinite(r.revision))
    .sort((a, b) => a.revision - b.revision);
}
