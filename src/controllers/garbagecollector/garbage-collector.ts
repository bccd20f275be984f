// The garbage collector: deletes objects whose owners are all gone (background cascading),
// deletes the dependents of an owner being deleted in the foreground and then lets the owner go
// (the foregroundDeletion finalizer waits for dependents that block owner deletion), and strips
// the owner's references from its dependents for an orphaning delete (the orphan finalizer).
// Upstream: pkg/controller/garbagecollector/garbagecollector.go.

import type { KubeObject, OwnerReference } from '../../api/meta';
import { findKind, RESOURCES, type ResourceType } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isConflict, isNotFound, type ApiClient } from '../../client/client';
import { Controller } from '../controller';
import type { SharedInformers } from '../shared/shared-informers';
import { OwnerGraph, type GraphNode, type Identity } from './owner-graph';

/** Events are left out: they are many, short-lived, and nothing owns through them. */
const UNWATCHED = new Set(['bindings', 'events']);

export class GarbageCollector {
  private readonly graph = new OwnerGraph();
  private readonly attemptToDelete: Controller;
  private readonly attemptToOrphan: Controller;
  private readonly informersByType = new Map<ResourceType, ReturnType<SharedInformers['for']>>();

  constructor(
    private readonly client: ApiClient,
    clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.attemptToDelete = new Controller('garbage-collector-delete', clock, (uid) => this.attemptDelete(uid), 5);
    this.attemptToOrphan = new Controller('garbage-collector-orphan', clock, (uid) => this.orphanDependents(uid));
    for (const type of RESOURCES) {
      if (UNWATCHED.has(type.resource) || !type.verbs.includes('watch') || !type.verbs.includes('delete')) continue;
      const informer = informers.for(type);
      this.informersByType.set(type, informer);
      informer.addHandlers({
        onAdd: (object) => this.observed(object, type),
        onUpdate: (_old, object) => this.observed(object, type),
        onDelete: (object) => this.removed(object),
      });
    }
  }

  start(): void {
    this.attemptToDelete.start();
    this.attemptToOrphan.start();
  }

  stop(): void {
    this.attemptToDelete.stop();
    this.attemptToOrphan.stop();
  }

  private observed(object: KubeObject, type: ResourceType): void {
    const { node, added, removed } = this.graph.observe(object, type);
    const uid = node.identity.uid;
    for (const ref of added) {
      const owner = this.graph.get(ref.uid);
      if (owner?.virtual || owner?.beingDeleted) this.attemptToDelete.enqueue(ref.uid);
    }
    if (added.length > 0 && added.some((ref) => this.graph.get(ref.uid)?.virtual)) this.attemptToDelete.enqueue(uid);
    for (const ref of removed) if (this.graph.get(ref.uid)?.deletingDependents) this.attemptToDelete.enqueue(ref.uid);
    if (node.deletingDependents) {
      this.attemptToDelete.enqueue(uid);
      for (const dependent of node.dependents) this.attemptToDelete.enqueue(dependent);
    }
    if (node.orphaning) this.attemptToOrphan.enqueue(uid);
  }

  private removed(object: KubeObject): void {
    const node = this.graph.forget(object.metadata.uid ?? '');
    if (!node) return;
    if (node.dependents.size > 0) {
      this.graph.nodes.set(node.identity.uid, { ...node, virtual: true, beingDeleted: false, deletingDependents: false, orphaning: false });
      this.attemptToDelete.enqueue(node.identity.uid);
      for (const dependent of node.dependents) this.attemptToDelete.enqueue(dependent);
    }
    for (const ref of node.owners) if (this.graph.get(ref.uid)?.deletingDependents) this.attemptToDelete.enqueue(ref.uid);
  }

  private typeOf(identity: Identity): ResourceType | undefined {
    return identity.type ?? findKind(identity.apiVersion, identity.kind);
  }

  /** The live object behind an identity (cache first, then the API), or undefined if gone or replaced. */
  private async live(identity: Identity): Promise<KubeObject | undefined> {
    const type = this.typeOf(identity);
    if (!type) return undefined;
    const namespace = type.namespaced ? identity.namespace : undefined;
    const cached = this.informersByType.get(type)?.get(namespace ? `${namespace}/${identity.name}` : identity.name);
    if (cached && cached.metadata.uid === identity.uid) return cached;
    try {
      const object = await this.client.get(type, namespace, identity.name);
      return object.metadata.uid === identity.uid ? object : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async attemptDelete(uid: string): Promise<void> {
    const node = this.graph.get(uid);
    if (!node) return;
    const latest = await this.live(node.identity);
    if (!latest) {
      if (node.virtual) {
        this.graph.forget(uid);
        for (const dependent of node.dependents) this.attemptToDelete.enqueue(dependent);
      }
      return;
    }
    if (node.virtual) return;
    if (node.deletingDependents) return this.processDeletingDependents(node, latest);
    if (node.beingDeleted) return;
    const owners = latest.metadata.ownerReferences ?? [];
    if (owners.length === 0) return;
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of owners) {
      const owner = await this.live({ apiVersion: ref.apiVersion, kind: ref.kind, namespace: latest.metadata.namespace, name: ref.name, uid: ref.uid });
      if (!owner) dangling.push(ref);
      else if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes('foregroundDeletion')) waiting.push(ref);
      else solid.push(ref);
    }
    if (solid.length > 0) {
      if (dangling.length > 0 || waiting.length > 0) await this.removeOwnerRefs(node.identity, latest, [...dangling, ...waiting].map((r) => r.uid));
      return;
    }
    let policy = 'Background';
    if (waiting.length > 0 && node.dependents.size > 0) policy = 'Foreground';
    else if ((latest.metadata.finalizers ?? []).includes('orphan')) policy = 'Orphan';
    else if ((latest.metadata.finalizers ?? []).includes('foregroundDeletion')) policy = 'Foreground';
    await this.deleteObject(node.identity, policy);
  }

  private async processDeletingDependents(node: GraphNode, latest: KubeObject): Promise<void> {
    const blocking = this.graph.blockingDependents(node.identity.uid);
    if (blocking.length === 0) {
      await this.removeFinalizer(node.identity, latest, 'foregroundDeletion');
      return;
    }
    for (const dependent of blocking) if (!dependent.deletingDependents) this.attemptToDelete.enqueue(dependent.identity.uid);
  }

  private async orphanDependents(uid: string): Promise<void> {
    const node = this.graph.get(uid);
    if (!node || !node.orphaning) return;
    for (const dependentUid of [...node.dependents]) {
      const dependent = this.graph.get(dependentUid);
      if (!dependent) continue;
      const latest = await this.live(dependent.identity);
      if (latest) await this.removeOwnerRefs(dependent.identity, latest, [uid]);
    }
    const owner = await this.live(node.identity);
    if (owner) await this.removeFinalizer(node.identity, owner, 'orphan');
  }

  private async deleteObject(identity: Identity, propagationPolicy: string): Promise<void> {
    const type = this.typeOf(identity);
    if (!type) return;
    try {
      await this.client.delete(type, type.namespaced ? identity.namespace : undefined, identity.name, { propagationPolicy, preconditions: { uid: identity.uid } });
    } catch (error) {
      if (!isNotFound(error) && !isConflict(error)) throw error;
    }
  }

  private async removeOwnerRefs(identity: Identity, latest: KubeObject, uids: string[]): Promise<void> {
    const type = this.typeOf(identity);
    if (!type) return;
    const refs = (latest.metadata.ownerReferences ?? []).filter((r) => !uids.includes(r.uid));
    try {
      await this.client.patch(type, type.namespaced ? identity.namespace : undefined, identity.name, { metadata: { uid: identity.uid, ownerReferences: refs.length > 0 ? refs : null } });
    } catch (error) {
      if (!isNotFound(error) && !isConflict(error)) throw error;
    }
  }

  private async removeFinalizer(identity: Identity, latest: KubeObject, finalizer: string): Promise<void> {
    const type = this.typeOf(identity);
    if (!type) return;
    const finalizers = (latest.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    try {
      await this.client.patch(type, type.namespaced ? identity.namespace : undefined, identity.name, { metadata: { uid: identity.uid, finalizers: finalizers.length > 0 ? finalizers : null } });
    } catch (error) {
      if (!isNotFound(error) && !isConflict(error)) throw error;
    }
  }
}
