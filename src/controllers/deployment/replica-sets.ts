// What the Deployment controller reads from and writes to its ReplicaSets: revisions, the
// desired/max-replicas annotations, the annotations copied from the Deployment, which
// ReplicaSet carries the current template, and the orderings upstream uses. Upstream:
// pkg/controller/deployment/util/deployment_util.go and pkg/controller/controller_utils.go.

import type { Deployment, ReplicaSet } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import { jsonEqual } from '../../api/objects';
import { maxSurge, replicasOf } from './deployment-strategy';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
const MAX_REVISION_HISTORY_CHARS = 2000;

const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

export function specReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1;
}

export function revisionOf(rs: ReplicaSet): number {
  const text = rs.metadata.annotations?.[REVISION];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : 0;
}

export function maxRevision(rss: readonly ReplicaSet[]): number {
  return rss.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/** Older first; equal times by name (ReplicaSetsByCreationTimestamp). */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** Lower revision first, then older (ReplicaSetsByRevision). */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const diff = revisionOf(a) - revisionOf(b);
  return diff !== 0 ? diff : byCreation(a, b);
}

export function active(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicas(rs) > 0);
}

export function sumSpecReplicas(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((sum, rs) => sum + (rs ? specReplicas(rs) : 0), 0);
}

export function sumStatus(rss: readonly (ReplicaSet | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((sum, rs) => sum + (rs?.status?.[field] ?? 0), 0);
}

function withoutHash(template: PodTemplateSpec | undefined): unknown {
  if (!template) return undefined;
  const labels = { ...template.metadata?.labels };
  delete labels[POD_TEMPLATE_HASH];
  return { ...template, metadata: { ...template.metadata, labels } };
}

/** The two templates are the same but for the pod-template-hash label. */
export function equalIgnoringHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return jsonEqual(withoutHash(a), withoutHash(b));
}

/** The oldest ReplicaSet whose template is the Deployment's: its "new" ReplicaSet. */
export function findNewReplicaSet(d: Deployment, rss: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoringHash(rs.spec.template, d.spec.template));
}

export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const text = rs.metadata.annotations?.[DESIRED_REPLICAS];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

export function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  const text = rs.metadata.annotations?.[MAX_REPLICAS];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Sets desired-replicas and max-replicas; true if they changed. */
export function setReplicasAnnotations(annotations: Record<string, string>, d: Deployment): boolean {
  const desired = String(replicasOf(d));
  const max = String(replicasOf(d) + maxSurge(d));
  const changed = annotations[DESIRED_REPLICAS] !== desired || annotations[MAX_REPLICAS] !== max;
  annotations[DESIRED_REPLICAS] = desired;
  annotations[MAX_REPLICAS] = max;
  return changed;
}

/**
 * The new ReplicaSet's annotations: the Deployment's (minus the controller's own), the new
 * revision (moving an older revision into revision-history when a rollback revives it), and on
 * creation the replicas annotations. Returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, annotations: Record<string, string>, newRevision: number, exists: boolean): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(d.metadata.annotations ?? {})) {
    if (NOT_COPIED.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  const oldText = annotations[REVISION];
  const oldRevision = oldText !== undefined && /^\d+$/.test(oldText) ? Number(oldText) : 0;
  const revived = oldRevision < newRevision;
  if (revived) {
    annotations[REVISION] = String(newRevision);
    changed = true;
  }
  if (oldText !== undefined && revived) {
    const history = annotations[REVISION_HISTORY] ? annotations[REVISION_HISTORY].split(',') : [];
    history.push(oldText);
    while (history.join(',').length > MAX_REVISION_HISTORY_CHARS && history.length > 1) history.shift();
    annotations[REVISION_HISTORY] = history.join(',');
  }
  if (!exists && setReplicasAnnotations(annotations, d)) changed = true;
  return changed;
}
