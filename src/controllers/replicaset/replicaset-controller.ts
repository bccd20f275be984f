// The ReplicaSet controller: keeps `spec.replicas` active pods for each ReplicaSet. It adopts
// matching orphans, creates missing pods in slow-start batches, deletes surplus ones in
// upstream's order, never acts on a cache that has not yet shown its last creations and
// deletions (expectations), and reports status. Upstream:
// pkg/controller/replicaset/replica_set.go.

import type { ReplicaSet } from '../../api/apps';
import type { Pod } from '../../api/core';
import { fromLabelSelector, matches } from '../../api/labels';
import { controllerOf, objectKey } from '../../api/meta';
import { jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isNotFound, type ApiClient } from '../../client/client';
import { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { Controller, type ReconcileResult } from '../controller';
import { Expectations } from '../shared/expectations';
import { byNamespace, type InformerIndex } from '../shared/informer-index';
import { claim } from '../shared/owner-refs';
import { isActive, isReady } from '../shared/pod-state';
import { podFromTemplate } from '../shared/pod-template';
import type { SharedInformers } from '../shared/shared-informers';
import { slowStartBatch } from '../shared/slow-start';
import { podsToDelete } from './deletion-order';
import { errorText, replicaSetStatus } from './replicaset-status';

const PODS = findResource('', 'v1', 'pods')!;
const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;
/** At most this many pods are created or deleted in one sync (burstReplicas). */
const BURST_REPLICAS = 500;

export class ReplicaSetController {
  private readonly pods: Informer<Pod>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly podsByNamespace: InformerIndex<Pod>;
  private readonly replicaSetsByNamespace: InformerIndex<ReplicaSet>;
  private readonly expectations: Expectations;
  private readonly recorder: EventRecorder;
  readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.pods = informers.for<Pod>(PODS);
    this.replicaSets = informers.for<ReplicaSet>(REPLICA_SETS);
    this.podsByNamespace = informers.index(PODS, 'namespace', byNamespace);
    this.replicaSetsByNamespace = informers.index(REPLICA_SETS, 'namespace', byNamespace);
    this.expectations = new Expectations(clock);
    this.recorder = new EventRecorder(client, clock, { component: 'replicaset-controller' });
    this.controller = new Controller('replicaset', clock, (key) => this.sync(key), 5);
    this.replicaSets.addHandlers({
      onAdd: (rs) => this.controller.enqueue(objectKey(rs.metadata)),
      onUpdate: (_old, rs) => this.controller.enqueue(objectKey(rs.metadata)),
      onDelete: (rs) => {
        this.expectations.forget(objectKey(rs.metadata));
        this.controller.enqueue(objectKey(rs.metadata));
      },
    });
    this.pods.addHandlers({
      onAdd: (pod) => this.podAdded(pod),
      onUpdate: (old, pod) => this.podUpdated(old, pod),
      onDelete: (pod) => this.podDeleted(pod),
    });
  }

  start(): void {
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
  }

  /** The ReplicaSet a controller reference points at, if it exists with that uid. */
  private owner(pod: Pod): ReplicaSet | undefined {
    const ref = controllerOf(pod.metadata);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.replicaSets.get(`${pod.metadata.namespace}/${ref.name}`);
    return rs?.metadata.uid === ref.uid ? rs : undefined;
  }

  private enqueueSelecting(pod: Pod): void {
    for (const rs of this.replicaSetsByNamespace.get(pod.metadata.namespace ?? '')) {
      const selector = fromLabelSelector(rs.spec.selector);
      if (selector.length > 0 && matches(selector, pod.metadata.labels)) this.controller.enqueue(objectKey(rs.metadata));
    }
  }

  private podAdded(pod: Pod): void {
    if (pod.metadata.deletionTimestamp) {
      this.podDeleted(pod);
      return;
    }
    const rs = this.owner(pod);
    if (rs) {
      this.expectations.creationObserved(objectKey(rs.metadata));
      this.controller.enqueue(objectKey(rs.metadata));
    } else if (!controllerOf(pod.metadata)) {
      this.enqueueSelecting(pod);
    }
  }

  private podUpdated(old: Pod, pod: Pod): void {
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    const labelsChanged = !jsonEqual(old.metadata.labels, pod.metadata.labels);
    if (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) {
      this.podDeleted(pod);
      if (labelsChanged) this.podDeleted(old);
      return;
    }
    const oldRef = controllerOf(old.metadata);
    const ref = controllerOf(pod.metadata);
    const refChanged = oldRef?.uid !== ref?.uid;
    if (refChanged && oldRef) {
      const previous = this.owner(old);
      if (previous) this.controller.enqueue(objectKey(previous.metadata));
    }
    const rs = this.owner(pod);
    if (rs) {
      const key = objectKey(rs.metadata);
      this.controller.enqueue(key);
      const minReady = rs.spec.minReadySeconds ?? 0;
      if (minReady > 0 && !isReady(old) && isReady(pod)) this.controller.queue.addAfter(key, minReady * 1000);
    } else if (!ref && (labelsChanged || refChanged)) {
      this.enqueueSelecting(pod);
    }
  }

  private podDeleted(pod: Pod): void {
    const rs = this.owner(pod);
    if (!rs) return;
    const key = objectKey(rs.metadata);
    this.expectations.deletionObserved(key, objectKey(pod.metadata));
    this.controller.enqueue(key);
  }

  private async sync(key: string): Promise<ReconcileResult> {
    const rs = this.replicaSets.get(key);
    if (!rs) {
      this.expectations.forget(key);
      return;
    }
    const selector = fromLabelSelector(rs.spec.selector);
    const needsSync = this.expectations.satisfied(key) && !rs.metadata.deletionTimestamp;
    const active = this.podsByNamespace.get(rs.metadata.namespace ?? '').filter(isActive);
    const owned = await claim(active, {
      client: this.client,
      type: PODS,
      owner: rs,
      selects: (pod) => selector.length > 0 && matches(selector, pod.metadata.labels),
      canAdopt: () => this.stillExists(rs),
    });
    let manageError: unknown;
    if (needsSync) {
      try {
        await this.manageReplicas(owned, rs, key);
      } catch (error) {
        manageError = error;
      }
    }
    const status = replicaSetStatus(rs, owned, manageError, this.clock.now(), this.clock.timestamp());
    const current = this.replicaSets.get(key) ?? rs;
    if (!jsonEqual(current.status ?? { replicas: 0 }, status)) {
      try {
        await this.client.updateStatus(REPLICA_SETS, { ...current, metadata: { ...current.metadata, resourceVersion: undefined }, status });
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    if (manageError !== undefined) throw manageError;
    const replicas = rs.spec.replicas ?? 1;
    const minReady = rs.spec.minReadySeconds ?? 0;
    if (minReady > 0 && (status.readyReplicas ?? 0) === replicas && (status.availableReplicas ?? 0) !== replicas) return { requeueAfterMs: minReady * 1000 };
  }

  private async stillExists(rs: ReplicaSet): Promise<boolean> {
    try {
      const fresh = await this.client.get<ReplicaSet>(REPLICA_SETS, rs.metadata.namespace, rs.metadata.name ?? '');
      return fresh.metadata.uid === rs.metadata.uid && !fresh.metadata.deletionTimestamp;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  private async manageReplicas(pods: Pod[], rs: ReplicaSet, key: string): Promise<void> {
    const diff = pods.length - (rs.spec.replicas ?? 1);
    if (diff < 0) await this.createPods(rs, key, Math.min(-diff, BURST_REPLICAS));
    else if (diff > 0) await this.deletePods(rs, key, pods, Math.min(diff, BURST_REPLICAS));
  }

  private async createPods(rs: ReplicaSet, key: string, count: number): Promise<void> {
    const template = rs.spec.template;
    if (!template) return;
    this.expectations.expectCreations(key, count);
    const { succeeded, error } = await slowStartBatch(count, async () => {
      try {
        const pod = await this.client.create<Pod>(PODS, rs.metadata.namespace, podFromTemplate(template, rs));
        this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
      } catch (failure) {
        this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${errorText(failure)}`);
        throw failure;
      }
    });
    for (let i = succeeded; i < count; i++) this.expectations.creationSkipped(key);
    if (error !== undefined) throw error;
  }

  private async deletePods(rs: ReplicaSet, key: string, pods: Pod[], count: number): Promise<void> {
    const victims = podsToDelete(pods, this.relatedPods(rs), count, this.clock.now());
    this.expectations.expectDeletions(key, victims.map((p) => objectKey(p.metadata)));
    const failures: unknown[] = [];
    await Promise.all(
      victims.map(async (pod) => {
        try {
          await this.client.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '', { preconditions: { uid: pod.metadata.uid } });
          this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
        } catch (failure) {
          this.expectations.deletionObserved(key, objectKey(pod.metadata));
          if (isNotFound(failure)) return;
          this.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorText(failure)}`);
          failures.push(failure);
        }
      }),
    );
    if (failures.length > 0) throw failures[0];
  }

  /** Pods of every ReplicaSet that shares this one's controller (a Deployment's whole history). */
  private relatedPods(rs: ReplicaSet): Pod[] {
    const owner = controllerOf(rs.metadata);
    const namespace = rs.metadata.namespace ?? '';
    const siblings = owner
      ? this.replicaSetsByNamespace.get(namespace).filter((other) => controllerOf(other.metadata)?.uid === owner.uid)
      : [rs];
    const uids = new Set(siblings.map((s) => s.metadata.uid));
    return this.podsByNamespace.get(namespace).filter((pod) => uids.has(controllerOf(pod.metadata)?.uid));
  }
}

