// The Deployment controller's writes: finding or creating the new ReplicaSet (named after the
// pod-template-hash, with revision annotations), scaling a ReplicaSet with a ScalingReplicaSet
// event, trimming old ReplicaSets past revisionHistoryLimit, and status and revision updates.
// Upstream: pkg/controller/deployment/sync.go (getNewReplicaSet, scaleReplicaSet,
// cleanupDeployment).

import type { Deployment, ReplicaSet } from '../../api/apps';
import { clone } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isAlreadyExists, isNotFound, type ApiClient } from '../../client/client';
import type { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { findCondition, setCondition } from '../shared/conditions';
import { controllerReference } from '../shared/owner-refs';
import { errorText } from '../replicaset/replicaset-status';
import { condition, type DeploymentStatus } from './deployment-status';
import { hasProgressDeadline, replicasOf, revisionHistoryLimit, scaledValue } from './deployment-strategy';
import { podTemplateHash } from './pod-template-hash';
import {
  byRevision,
  equalIgnoringHash,
  findNewReplicaSet,
  maxRevision,
  POD_TEMPLATE_HASH,
  REVISION,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
  sumSpecReplicas,
} from './replica-sets';

const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;
const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;

export class DeploymentActions {
  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    private readonly recorder: EventRecorder,
    private readonly replicaSets: Informer<ReplicaSet>,
  ) {}

  now(): number {
    return this.clock.now();
  }

  timestamp(): string {
    return this.clock.timestamp();
  }

  /** The new ReplicaSet (created when asked and missing) and the old ones. */
  async newAndOld(d: Deployment, rsList: readonly ReplicaSet[], create: boolean): Promise<{ newRS?: ReplicaSet; oldRSs: ReplicaSet[] }> {
    const existing = findNewReplicaSet(d, rsList);
    const oldRSs = rsList.filter((rs) => rs !== existing);
    const newRS = await this.syncNewReplicaSet(d, existing, oldRSs, create);
    return { newRS, oldRSs };
  }

  private async syncNewReplicaSet(d: Deployment, existing: ReplicaSet | undefined, oldRSs: ReplicaSet[], create: boolean): Promise<ReplicaSet | undefined> {
    const newRevision = maxRevision(oldRSs) + 1;
    if (existing) {
      const annotations = { ...existing.metadata.annotations };
      const annotationsChanged = setNewReplicaSetAnnotations(d, annotations, newRevision, true);
      const minReadyChanged = (existing.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
      if (annotationsChanged || minReadyChanged) {
        const updated = clone(existing);
        updated.metadata.annotations = annotations;
        if (d.spec.minReadySeconds) updated.spec.minReadySeconds = d.spec.minReadySeconds;
        else delete updated.spec.minReadySeconds;
        return this.client.update<ReplicaSet>(REPLICA_SETS, updated);
      }
      await this.setRevision(d, existing.metadata.annotations?.[REVISION] ?? '');
      if (hasProgressDeadline(d) && !findCondition(d.status?.conditions, 'Progressing')) {
        await this.writeStatus(d, { ...d.status, conditions: setCondition(d.status?.conditions, condition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${existing.metadata.name}"`, this.timestamp())) });
      }
      return existing;
    }
    if (!create) return undefined;
    return this.createNewReplicaSet(d, oldRSs, newRevision);
  }

  private async createNewReplicaSet(d: Deployment, oldRSs: ReplicaSet[], newRevision: number): Promise<ReplicaSet | undefined> {
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount);
    const template = clone(d.spec.template);
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
    const selector = clone(d.spec.selector);
    selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
    const name = `${d.metadata.name}-${hash}`;
    const annotations: Record<string, string> = {};
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace, labels: { ...template.metadata.labels }, ownerReferences: [controllerReference(d)], annotations },
      spec: { replicas: 0, selector, template },
    };
    if (d.spec.minReadySeconds) rs.spec.minReadySeconds = d.spec.minReadySeconds;
    const replicas = newReplicaSetReplicas(d, [...oldRSs, rs], rs);
    rs.spec.replicas = replicas;
    setNewReplicaSetAnnotations(d, annotations, newRevision, false);
    let created: ReplicaSet;
    try {
      created = await this.client.create<ReplicaSet>(REPLICA_SETS, d.metadata.namespace, rs);
    } catch (error) {
      if (isAlreadyExists(error)) return this.adoptOrCollide(d, name, error);
      const message = `Failed to create new replica set "${name}": ${errorText(error)}`;
      if (hasProgressDeadline(d)) await this.writeStatus(d, { ...d.status, conditions: setCondition(d.status?.conditions, condition('Progressing', 'False', 'ReplicaSetCreateError', message, this.timestamp())) }).catch(() => undefined);
      this.recorder.event(d, 'Warning', 'ReplicaSetCreateError', message);
      throw error;
    }
    if (replicas > 0) this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} to ${replicas}`);
    await this.setRevision(d, String(newRevision));
    if (hasProgressDeadline(d)) {
      await this.writeStatus(d, { ...d.status, conditions: setCondition(d.status?.conditions, condition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${created.metadata.name}"`, this.timestamp())) });
    }
    return created;
  }

  /** A ReplicaSet of that name exists: ours with our template, or a hash collision to step past. */
  private async adoptOrCollide(d: Deployment, name: string, error: unknown): Promise<ReplicaSet> {
    const rs = this.replicaSets.get(`${d.metadata.namespace}/${name}`);
    const ref = rs?.metadata.ownerReferences?.find((r) => r.controller === true);
    if (rs && ref?.uid === d.metadata.uid && equalIgnoringHash(d.spec.template, rs.spec.template)) return rs;
    await this.writeStatus(d, { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 });
    throw error;
  }

  /**
   * Records the rollout's revision on the Deployment. Upstream writes it through the status
   * subresource (which, for Deployments, keeps annotation changes and leaves the generation
   * alone); a server that drops them there gets the annotation through the main resource.
   */
  async setRevision(d: Deployment, revision: string): Promise<void> {
    if (d.metadata.annotations?.[REVISION] === revision) return;
    const annotations = { ...d.metadata.annotations, [REVISION]: revision };
    let updated = await this.client.updateStatus<Deployment>(DEPLOYMENTS, { ...d, metadata: { ...d.metadata, annotations, resourceVersion: undefined } });
    if (updated.metadata.annotations?.[REVISION] !== revision) {
      updated = await this.client.patch<Deployment>(DEPLOYMENTS, d.metadata.namespace, d.metadata.name ?? '', { metadata: { annotations: { [REVISION]: revision } } });
    }
    d.metadata.annotations = { ...updated.metadata.annotations };
    d.metadata.resourceVersion = updated.metadata.resourceVersion;
  }

  /** Writes `status` (and keeps the in-memory Deployment in step). */
  async writeStatus(d: Deployment, status: DeploymentStatus): Promise<void> {
    d.status = status;
    await this.client.updateStatus(DEPLOYMENTS, { ...d, metadata: { ...d.metadata, resourceVersion: undefined }, status });
  }

  /** Scales `rs` to `newScale` and records ScalingReplicaSet; false when it already had that size. */
  async scaleAndRecord(rs: ReplicaSet, newScale: number, d: Deployment): Promise<{ scaled: boolean; rs: ReplicaSet }> {
    if (specReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scale(rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down');
  }

  async scale(rs: ReplicaSet, newScale: number, d: Deployment, operation: string): Promise<{ scaled: boolean; rs: ReplicaSet }> {
    const oldScale = specReplicas(rs);
    const annotations = { ...rs.metadata.annotations };
    const annotationsChanged = setReplicasAnnotations(annotations, d);
    if (oldScale === newScale && !annotationsChanged) return { scaled: false, rs };
    const updated = clone(rs);
    updated.spec.replicas = newScale;
    updated.metadata.annotations = annotations;
    const written = await this.client.update<ReplicaSet>(REPLICA_SETS, updated);
    if (oldScale === newScale) return { scaled: false, rs: written };
    this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${written.metadata.name} to ${newScale} from ${oldScale}`);
    return { scaled: true, rs: written };
  }

  /** Deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit. */
  async cleanup(d: Deployment, oldRSs: readonly ReplicaSet[]): Promise<void> {
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const excess = cleanable.length - revisionHistoryLimit(d);
    if (excess <= 0) return;
    const ordered = [...cleanable].sort(byRevision);
    for (const rs of ordered.slice(0, excess)) {
      if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
      if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        await this.client.delete(REPLICA_SETS, rs.metadata.namespace, rs.metadata.name ?? '');
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }
}

/** How many replicas the new ReplicaSet may have now: surge-limited for RollingUpdate, all for Recreate. */
export function newReplicaSetReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const desired = replicasOf(d);
  if (d.spec.strategy?.type === 'Recreate') return desired;
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', desired, true);
  const current = sumSpecReplicas(allRSs);
  const maxTotal = desired + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, desired - specReplicas(newRS));
}

