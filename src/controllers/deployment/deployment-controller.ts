// The Deployment controller: for each Deployment, claims its ReplicaSets, and then either only
// reports status (being deleted), scales (paused, or a new replica count), or rolls out the
// current template with its strategy, trims old ReplicaSets once the rollout completes, and
// keeps the Available and Progressing conditions. Upstream:
// pkg/controller/deployment/deployment_controller.go (syncDeployment).

import type { Deployment, ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import { fromLabelSelector, matches } from '../../api/labels';
import { controllerOf, objectKey } from '../../api/meta';
import { clone, jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isNotFound, type ApiClient } from '../../client/client';
import { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { Controller, type ReconcileResult } from '../controller';
import { findCondition, setCondition } from '../shared/conditions';
import { byNamespace, type InformerIndex } from '../shared/informer-index';
import { claim } from '../shared/owner-refs';
import type { SharedInformers } from '../shared/shared-informers';
import { DeploymentActions } from './deployment-actions';
import { calculateStatus, condition, isComplete, recheckAfter, rolloutStatus } from './deployment-status';
import { hasProgressDeadline, isRecreate } from './deployment-strategy';
import { recreate, rollingUpdate } from './rollout';
import { isScalingEvent, scale } from './scaling';

const PODS = findResource('', 'v1', 'pods')!;
const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;
const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;

export class DeploymentController {
  private readonly deployments: Informer<Deployment>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly deploymentsByNamespace: InformerIndex<Deployment>;
  private readonly replicaSetsByNamespace: InformerIndex<ReplicaSet>;
  private readonly podsByNamespace: InformerIndex<Pod>;
  private readonly recorder: EventRecorder;
  private readonly actions: DeploymentActions;
  readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.deployments = informers.for<Deployment>(DEPLOYMENTS);
    this.replicaSets = informers.for<ReplicaSet>(REPLICA_SETS);
    const pods = informers.for<Pod>(PODS);
    this.deploymentsByNamespace = informers.index(DEPLOYMENTS, 'namespace', byNamespace);
    this.replicaSetsByNamespace = informers.index(REPLICA_SETS, 'namespace', byNamespace);
    this.podsByNamespace = informers.index(PODS, 'namespace', byNamespace);
    this.recorder = new EventRecorder(client, clock, { component: 'deployment-controller' });
    this.actions = new DeploymentActions(client, clock, this.recorder, this.replicaSets);
    this.controller = new Controller('deployment', clock, (key) => this.sync(key), 5);
    const enqueue = (d: Deployment) => this.controller.enqueue(objectKey(d.metadata));
    this.deployments.addHandlers({ onAdd: enqueue, onUpdate: (_old, d) => enqueue(d), onDelete: enqueue });
    this.replicaSets.addHandlers({
      onAdd: (rs) => this.replicaSetChanged(rs),
      onUpdate: (old, rs) => {
        if (old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
        if (controllerOf(old.metadata)?.uid !== controllerOf(rs.metadata)?.uid) this.replicaSetChanged(old);
        this.replicaSetChanged(rs);
      },
      onDelete: (rs) => this.replicaSetChanged(rs),
    });
    pods.addHandlers({ onDelete: (pod) => this.podDeleted(pod) });
  }

  start(): void {
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
  }

  private ownerOf(object: ReplicaSet): Deployment | undefined {
    const ref = controllerOf(object.metadata);
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.deployments.get(`${object.metadata.namespace}/${ref.name}`);
    return d?.metadata.uid === ref.uid ? d : undefined;
  }

  private replicaSetChanged(rs: ReplicaSet): void {
    const owner = this.ownerOf(rs);
    if (owner) {
      this.controller.enqueue(objectKey(owner.metadata));
      return;
    }
    if (controllerOf(rs.metadata)) return;
    for (const d of this.deploymentsByNamespace.get(rs.metadata.namespace ?? '')) {
      const selector = fromLabelSelector(d.spec.selector);
      if (selector.length > 0 && matches(selector, rs.metadata.labels)) this.controller.enqueue(objectKey(d.metadata));
    }
  }

  /** A Recreate rollout waits for its old pods to be gone. */
  private podDeleted(pod: Pod): void {
    const ref = controllerOf(pod.metadata);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.get(`${pod.metadata.namespace}/${ref.name}`);
    const d = rs && this.ownerOf(rs);
    if (d && isRecreate(d)) this.controller.enqueue(objectKey(d.metadata));
  }

  private async sync(key: string): Promise<ReconcileResult> {
    const cached = this.deployments.get(key);
    if (!cached) return;
    const d = clone(cached);
    const selector = fromLabelSelector(d.spec.selector);
    if (selector.length === 0) {
      this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) await this.actions.writeStatus(d, { ...d.status, observedGeneration: d.metadata.generation });
      return;
    }
    const rsList = await this.claimReplicaSets(d, selector);
    try {
      return await this.reconcile(d, rsList, selector);
    } catch (error) {
      if (isNotFound(error)) return;
      throw error;
    }
  }

  private async reconcile(d: Deployment, rsList: ReplicaSet[], selector: ReturnType<typeof fromLabelSelector>): Promise<ReconcileResult> {
    if (d.metadata.deletionTimestamp) {
      const { newRS, oldRSs } = await this.actions.newAndOld(d, rsList, false);
      await this.syncStatus(d, [...oldRSs, ...(newRS ? [newRS] : [])], newRS);
      return;
    }
    await this.checkPausedConditions(d);
    const current = await this.actions.newAndOld(d, rsList, false);
    if (d.spec.paused || isScalingEvent(d, current.newRS, current.oldRSs)) {
      await scale(this.actions, d, current.newRS, current.oldRSs);
      if (d.spec.paused) await this.actions.cleanup(d, current.oldRSs);
      await this.syncStatus(d, this.fresh([...current.oldRSs, ...(current.newRS ? [current.newRS] : [])]), current.newRS);
      return;
    }
    const step = isRecreate(d) ? await recreate(this.actions, d, rsList, this.podsByReplicaSet(d, rsList, selector)) : await rollingUpdate(this.actions, d, rsList);
    const allRSs = this.fresh([...step.oldRSs, ...(step.newRS ? [step.newRS] : [])]);
    const newRS = step.newRS && this.fresh([step.newRS])[0];
    if (step.mayCleanUp && d.status && isComplete(d, d.status)) await this.actions.cleanup(d, step.oldRSs);
    return this.syncRolloutStatus(d, allRSs, newRS);
  }

  /** The latest cached copies of these ReplicaSets (our own writes included). */
  private fresh(rss: readonly ReplicaSet[]): ReplicaSet[] {
    return rss.map((rs) => this.replicaSets.get(objectKey(rs.metadata)) ?? rs);
  }

  private async claimReplicaSets(d: Deployment, selector: ReturnType<typeof fromLabelSelector>): Promise<ReplicaSet[]> {
    return claim(this.replicaSetsByNamespace.get(d.metadata.namespace ?? ''), {
      client: this.client,
      type: REPLICA_SETS,
      owner: d,
      selects: (rs) => matches(selector, rs.metadata.labels),
      canAdopt: async () => {
        try {
          const fresh = await this.client.get<Deployment>(DEPLOYMENTS, d.metadata.namespace, d.metadata.name ?? '');
          return fresh.metadata.uid === d.metadata.uid && !fresh.metadata.deletionTimestamp;
        } catch (error) {
          if (isNotFound(error)) return false;
          throw error;
        }
      },
    });
  }

  private podsByReplicaSet(d: Deployment, rsList: readonly ReplicaSet[], selector: ReturnType<typeof fromLabelSelector>): Map<string, Pod[]> {
    const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata.uid ?? '', []]));
    for (const pod of this.podsByNamespace.get(d.metadata.namespace ?? '')) {
      if (!matches(selector, pod.metadata.labels)) continue;
      const list = map.get(controllerOf(pod.metadata)?.uid ?? '');
      list?.push(pod);
    }
    return map;
  }

  /** Paused and resumed Deployments get an Unknown Progressing condition, so a pause never times out. */
  private async checkPausedConditions(d: Deployment): Promise<void> {
    if (!hasProgressDeadline(d)) return;
    const progressing = findCondition(d.status?.conditions, 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return;
    const pausedRecorded = progressing?.reason === 'DeploymentPaused';
    let next;
    if (d.spec.paused && !pausedRecorded) next = condition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', this.clock.timestamp());
    else if (!d.spec.paused && pausedRecorded) next = condition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', this.clock.timestamp());
    if (next) await this.actions.writeStatus(d, { ...d.status, conditions: setCondition(d.status?.conditions, next) });
  }

  private async syncStatus(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): Promise<void> {
    const status = calculateStatus(d, allRSs, newRS, this.clock.timestamp());
    if (!jsonEqual(d.status ?? {}, status)) await this.actions.writeStatus(d, status);
  }

  private async syncRolloutStatus(d: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): Promise<ReconcileResult> {
    const failure = [newRS, ...allRSs].map((rs) => findCondition(rs?.status?.conditions, 'ReplicaFailure')).find((c) => c !== undefined);
    const replicaFailure = failure && { ...failure, lastUpdateTime: failure.lastTransitionTime };
    const status = rolloutStatus(d, allRSs, newRS, replicaFailure, this.clock.now(), this.clock.timestamp());
    if (!jsonEqual(d.status ?? {}, status)) {
      await this.actions.writeStatus(d, status);
      return;
    }
    const after = recheckAfter(d, status, this.clock.now());
    return after === undefined ? undefined : { requeueAfterMs: after };
  }
}
