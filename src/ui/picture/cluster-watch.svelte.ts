// The cluster state the picture draws: nodes and pods (every namespace), each kept by an
// informer (a list, then a watch from that resourceVersion, a fresh list whenever the watch
// ends), published as reactive snapshots at most once per microtask burst. No polling.

import type { Node, Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { findResource, type ResourceType } from '../../api/scheme';
import type { ApiClient } from '../../client/client';
import { Informer } from '../../client/informer';
import type { ClusterClock } from '../../cluster/clock';

const NODES = findResource('', 'v1', 'nodes')!;
const PODS = findResource('', 'v1', 'pods')!;

export class ClusterWatch {
  nodes = $state.raw<Node[]>([]);
  pods = $state.raw<Pod[]>([]);
  /** Both lists have arrived. */
  synced = $state(false);
  private readonly nodeInformer: Informer<Node>;
  private readonly podInformer: Informer<Pod>;
  private publishQueued = false;

  constructor(client: ApiClient, clock: ClusterClock) {
    this.nodeInformer = this.informer<Node>(client, clock, NODES);
    this.podInformer = this.informer<Pod>(client, clock, PODS);
    void Promise.all([this.nodeInformer.waitForSync(), this.podInformer.waitForSync()]).then(() => {
      this.publish();
      this.synced = true;
    });
  }

  start(): void {
    this.nodeInformer.start();
    this.podInformer.start();
  }

  stop(): void {
    this.nodeInformer.stop();
    this.podInformer.stop();
  }

  private informer<T extends KubeObject>(client: ApiClient, clock: ClusterClock, type: ResourceType): Informer<T> {
    const informer = new Informer<T>(client, type, clock);
    const changed = () => this.queuePublish();
    informer.addHandlers({ onAdd: changed, onUpdate: changed, onDelete: changed });
    return informer;
  }

  private queuePublish(): void {
    if (this.publishQueued) return;
    this.publishQueued = true;
    queueMicrotask(() => {
      this.publishQueued = false;
      this.publish();
    });
  }

  private publish(): void {
    this.nodes = this.nodeInformer.list();
    this.pods = this.podInformer.list();
  }
}
