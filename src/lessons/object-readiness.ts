// What "ready" means for the kinds a lesson check can ask it of, read the way kubectl shows it:
// a pod's READY column (every container ready) and its Ready condition (which the node lifecycle
// controller turns False when the pod's node is lost, while the READY column keeps what the
// kubelet last reported), a node's Ready condition, a workload's ready replicas against its
// desired replicas.

import type { Node, Pod } from '../api/core';
import type { KubeObject } from '../api/meta';
import { summarizePod } from '../apiserver/tables/pods';
import { isReady } from '../controllers/shared/pod-state';

type Readiness = (object: KubeObject) => boolean;

const READINESS: Record<string, Readiness> = {
  '/pods': (object) => {
    const pod = object as Pod;
    const summary = summarizePod(pod);
    return summary.total > 0 && summary.ready === summary.total && isReady(pod) && !object.metadata.deletionTimestamp;
  },
  '/nodes': (object) => (object as Node).status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
  'apps/deployments': workloadReady,
  'apps/replicasets': workloadReady,
};

function workloadReady(object: KubeObject): boolean {
  const spec = object.spec as { replicas?: number } | undefined;
  const status = object.status as { readyReplicas?: number; replicas?: number } | undefined;
  const desired = spec?.replicas ?? 1;
  return (status?.readyReplicas ?? 0) === desired && (status?.replicas ?? 0) === desired;
}

/** The readiness test of a resource, or undefined when "ready" means nothing for it. */
export function readinessOf(group: string, resource: string): Readiness | undefined {
  return READINESS[`${group}/${resource}`];
}

/** A pod's STATUS column. */
export function podStatus(object: KubeObject): string {
  return summarizePod(object as Pod).reason;
}
