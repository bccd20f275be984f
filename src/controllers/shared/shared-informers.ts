// Shared informers: one list-and-watch cache per resource for every controller of the manager,
// as client-go's SharedInformerFactory gives kube-controller-manager, so that ten controllers
// interested in pods cost one watch, not ten.

import type { KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import type { ApiClient } from '../../client/client';
import { Informer } from '../../client/informer';
import { InformerIndex, type IndexFunction } from './informer-index';

export class SharedInformers {
  private readonly informers = new Map<string, Informer>();
  private readonly indexes = new Map<string, InformerIndex<KubeObject>>();
  private started = false;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
  ) {}

  /** The shared informer of a resource, created on first use (and started if the set already runs). */
  for<T extends KubeObject>(type: ResourceType): Informer<T> {
    const key = `${type.group}/${type.resource}`;
    let informer = this.informers.get(key);
    if (!informer) {
      informer = new Informer(this.client, type, this.clock);
      this.informers.set(key, informer);
      if (this.started) informer.start();
    }
    return informer as unknown as Informer<T>;
  }

  /** A secondary index over a shared informer, shared too: one per resource and index name. */
  index<T extends KubeObject>(type: ResourceType, name: string, indexOf: IndexFunction<T>): InformerIndex<T> {
    const key = `${type.group}/${type.resource}/${name}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = new InformerIndex(this.for<T>(type), indexOf) as unknown as InformerIndex<KubeObject>;
      this.indexes.set(key, index);
    }
    return index as unknown as InformerIndex<T>;
  }

  start(): void {
    this.started = true;
    for (const informer of this.informers.values()) informer.start();
  }

  /** Resolves once every informer created so far has filled its cache. */
  async waitForSync(): Promise<void> {
    await Promise.all([...this.informers.values()].map((informer) => informer.waitForSync()));
  }

  stop(): void {
    for (const informer of this.informers.values()) informer.stop();
  }
}
