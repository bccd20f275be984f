// The control-plane node's kubelet keeping one mirror pod per static pod in the API: it
// publishes them once the node has registered, and like the real kubelet recreates a mirror pod
// a user deletes (finishing the deletion at once, since its static pod keeps running), or one
// whose hash or owner no longer matches (after a reload). Upstream (facts only):
// pkg/kubelet/kubelet.go (SyncPod's mirror pod handling), pkg/kubelet/pod/mirror_client.go.

import type { Node, Pod } from '../../api/core';
import { findResource } from '../../api/scheme';
import { isAlreadyExists, isConflict, isNotFound, type ApiClient, type WatchHandle } from '../../client/client';
import type { ClusterClock } from '../clock';
import { isCurrentMirror, mirrorPod, runningStatus } from './mirror-pod';

const PODS = findResource('', 'v1', 'pods')!;
const NODES = findResource('', 'v1', 'nodes')!;
const NAMESPACE = 'kube-system';
const RETRY_MS = 1000;

export class MirrorPodPublisher {
  private watch?: WatchHandle;
  private stopped = false;
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  /** Manifests by mirror pod name. */
  private readonly manifests: Map<string, Pod>;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    private readonly nodeName: string,
    private readonly hostIP: string,
    manifests: Pod[],
    /** When the static pods' containers started (this boot of the control plane). */
    private readonly startedAt: string,
  ) {
    this.manifests = new Map(manifests.map((m) => [`${m.metadata.name}-${this.nodeName}`, m]));
  }

  /** Publishes every mirror pod (refreshing the status of those a reload kept), then watches them. */
  async start(): Promise<void> {
    const fieldSelector = `spec.nodeName=${this.nodeName}`;
    const list = await this.client.list<Pod>(PODS, NAMESPACE, { fieldSelector });
    await Promise.all([...this.manifests.keys()].map((name) => this.sync(name, true)));
    if (this.stopped) return;
    this.watch = await this.client.watch<Pod>(PODS, NAMESPACE, { fieldSelector, resourceVersion: list.metadata.resourceVersion }, (event) => {
      const name = event.object.metadata?.name ?? '';
      if (!this.manifests.has(name)) return;
      if (event.type === 'DELETED' || (event.type === 'MODIFIED' && event.object.metadata.deletionTimestamp)) void this.sync(name, false);
    });
  }

  stop(): void {
    this.stopped = true;
    this.watch?.stop();
  }

  /** Reconciles one mirror pod; a request made while one runs runs again after it, a failed one a second later. */
  private sync(name: string, refreshStatus: boolean): Promise<void> {
    const current = this.running.get(name);
    if (current) {
      this.again.add(name);
      return current;
    }
    const run = this.reconcile(name, refreshStatus)
      .catch(() => {
        if (!this.stopped) this.clock.after(RETRY_MS, () => void this.sync(name, false));
      })
      .finally(() => {
        this.running.delete(name);
        if (this.again.delete(name) && !this.stopped) void this.sync(name, false);
      });
    this.running.set(name, run);
    return run;
  }

  private async reconcile(name: string, refreshStatus: boolean): Promise<void> {
    if (this.stopped) return;
    const manifest = this.manifests.get(name)!;
    const node = await this.client.get<Node>(NODES, undefined, this.nodeName);
    let pod = await this.client.get<Pod>(PODS, NAMESPACE, name).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (pod && isCurrentMirror(pod, manifest, node)) {
      if (refreshStatus) await this.client.updateStatus(PODS, { ...pod, status: runningStatus(pod, this.hostIP, this.startedAt) });
      return;
    }
    if (pod) {
      await this.client.delete(PODS, NAMESPACE, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } }).catch((error: unknown) => {
        if (!isNotFound(error) && !isConflict(error)) throw error;
      });
    }
    try {
      pod = await this.client.create<Pod>(PODS, NAMESPACE, mirrorPod(manifest, node, this.clock.microTimestamp().replace(/Z$/, '000Z')));
    } catch (error) {
      if (isAlreadyExists(error)) this.again.add(name);
      else throw error;
      return;
    }
    await this.client.updateStatus(PODS, { ...pod, status: runningStatus(pod, this.hostIP, this.startedAt) });
  }
}
