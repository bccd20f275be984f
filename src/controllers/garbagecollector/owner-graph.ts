// The garbage collector's picture of ownership: every object it watches, keyed by uid, with its
// owner references and the uids of its dependents. Owners referenced but not (yet) seen are
// virtual nodes, checked against the API before anything is deleted on their account.
// Upstream: pkg/controller/garbagecollector/graph.go and graph_builder.go.

import type { KubeObject, OwnerReference } from '../../api/meta';
import type { ResourceType } from '../../api/scheme';

export interface Identity {
  type?: ResourceType;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
}

export interface GraphNode {
  identity: Identity;
  owners: OwnerReference[];
  dependents: Set<string>;
  /** Seen only as someone's owner, not through a watch. */
  virtual: boolean;
  beingDeleted: boolean;
  /** Has deletionTimestamp and the foregroundDeletion finalizer. */
  deletingDependents: boolean;
  orphaning: boolean;
}

export function identityOf(object: KubeObject, type: ResourceType): Identity {
  return { type, apiVersion: object.apiVersion, kind: object.kind, namespace: object.metadata.namespace, name: object.metadata.name ?? '', uid: object.metadata.uid ?? '' };
}

export class OwnerGraph {
  readonly nodes = new Map<string, GraphNode>();

  get(uid: string): GraphNode | undefined {
    return this.nodes.get(uid);
  }

  /** Records an object as observed; returns the owners it gained and lost. */
  observe(object: KubeObject, type: ResourceType): { node: GraphNode; added: OwnerReference[]; removed: OwnerReference[] } {
    const uid = object.metadata.uid ?? '';
    const owners = object.metadata.ownerReferences ?? [];
    const finalizers = object.metadata.finalizers ?? [];
    let node = this.nodes.get(uid);
    const before = node?.owners ?? [];
    if (!node) {
      node = { identity: identityOf(object, type), owners: [], dependents: new Set(), virtual: false, beingDeleted: false, deletingDependents: false, orphaning: false };
      this.nodes.set(uid, node);
    }
    node.identity = identityOf(object, type);
    node.virtual = false;
    node.owners = owners;
    node.beingDeleted = object.metadata.deletionTimestamp !== undefined;
    node.deletingDependents = node.beingDeleted && finalizers.includes('foregroundDeletion');
    node.orphaning = node.beingDeleted && finalizers.includes('orphan');
    const added = owners.filter((o) => !before.some((b) => b.uid === o.uid));
    const removed = before.filter((b) => !owners.some((o) => o.uid === b.uid));
    for (const ref of added) this.ownerNode(ref, object.metadata.namespace).dependents.add(uid);
    for (const ref of removed) this.nodes.get(ref.uid)?.dependents.delete(uid);
    return { node, added, removed };
  }

  /** Forgets an object; returns its node (dependents and owners still listed). */
  forget(uid: string): GraphNode | undefined {
    const node = this.nodes.get(uid);
    if (!node) return undefined;
    this.nodes.delete(uid);
    for (const ref of node.owners) this.nodes.get(ref.uid)?.dependents.delete(uid);
    return node;
  }

  private ownerNode(ref: OwnerReference, dependentNamespace: string | undefined): GraphNode {
    let node = this.nodes.get(ref.uid);
    if (!node) {
      node = {
        identity: { apiVersion: ref.apiVersion, kind: ref.kind, namespace: dependentNamespace, name: ref.name, uid: ref.uid },
        owners: [],
        dependents: new Set(),
        virtual: true,
        beingDeleted: false,
        deletingDependents: false,
        orphaning: false,
      };
      this.nodes.set(ref.uid, node);
    }
    return node;
  }

  /** Dependents whose reference to `uid` blocks the owner's foreground deletion. */
  blockingDependents(uid: string): GraphNode[] {
    const node = this.nodes.get(uid);
    if (!node) return [];
    return [...node.dependents]
      .map((d) => this.nodes.get(d))
      .filter((d): d is GraphNode => d !== undefined && d.owners.some((o) => o.uid === uid && o.blockOwnerDeletion === true));
  }
}
