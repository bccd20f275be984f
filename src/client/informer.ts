// Informers: a list-then-watch cache of one resource, kept current from the watch and rebuilt
// by a fresh list when the watch ends (timeout, compaction). Handlers hear adds, updates and
// deletes in order. Upstream: staging/src/k8s.io/client-go/tools/cache (reflector, informer).

import type { KubeObject } from '../api/meta';
import { objectKey } from '../api/meta';
import type { ResourceType } from '../api/scheme';
import type { ClusterClock } from '../cluster/clock';
import type { ApiClient, WatchHandle } from './client';

export interface InformerHandlers<T> {
  onAdd?(object: T): void;
  onUpdate?(oldObject: T, newObject: T): void;
  onDelete?(object: T): void;
}

export interface InformerOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: InformerHandlers<T>[] = [];
  private watchHandle?: WatchHandle;
  private stopped = false;
  private synced = false;
  private syncWaiters: (() => void)[] = [];
  private failures = 0;

  constructor(
    private readonly client: ApiClient,
    readonly type: ResourceType,
    private readonly clock: ClusterClock,
    private readonly options: InformerOptions = {},
  ) {}

  addHandlers(handlers: InformerHandlers<T>): void {
    this.handlers.push(handlers);
    if (this.synced) for (const object of this.cache.values()) handlers.onAdd?.(object);
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  get hasSynced(): boolean {
    return this.synced;
  }

  /** Resolves once the first list has filled the cache. */
  waitForSync(): Promise<void> {
    if (this.synced) return Promise.resolve();
    return new Promise((resolve) => this.syncWaiters.push(resolve));
  }

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.watchHandle?.stop();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.listAndWatch();
        this.failures = 0;
      } catch {
        this.failures++;
      }
      if (this.stopped) return;
      const backoff = Math.min(800 * 2 ** Math.max(0, this.failures - 1), 30_000);
      if (this.failures > 0) await this.clock.sleep(backoff);
    }
  }

  private async listAndWatch(): Promise<void> {
    const list = await this.client.list<T>(this.type, this.options.namespace, {
      labelSelector: this.options.labelSelector,
      fieldSelector: this.options.fieldSelector,
    });
    if (this.stopped) return;
    this.replace(list.items);
    let resourceVersion = list.metadata.resourceVersion ?? '0';
    let expired = false;
    this.watchHandle = await this.client.watch<T>(
      this.type,
      this.options.namespace,
      {
        labelSelector: this.options.labelSelector,
        fieldSelector: this.options.fieldSelector,
        resourceVersion,
        allowWatchBookmarks: true,
      },
      (event) => {
        if (event.type === 'ERROR') {
          expired = true;
          this.watchHandle?.stop();
          return;
        }
        const object = event.object;
        resourceVersion = object.metadata?.resourceVersion ?? resourceVersion;
        if (event.type === 'BOOKMARK') return;
        const key = objectKey(object.metadata);
        const old = this.cache.get(key);
        if (event.type === 'DELETED') {
          this.cache.delete(key);
          for (const h of this.handlers) h.onDelete?.(object);
        } else if (old) {
          this.cache.set(key, object);
          for (const h of this.handlers) h.onUpdate?.(old, object);
        } else {
          this.cache.set(key, object);
          for (const h of this.handlers) h.onAdd?.(object);
        }
      },
    );
    await this.watchHandle.ended;
    if (expired) throw new Error('watch expired');
  }

  /** Replaces the cache with a fresh list, telling handlers what changed. */
  private replace(items: T[]): void {
    const seen = new Set<string>();
    for (const object of items) {
      const key = objectKey(object.metadata);
      seen.add(key);
      const old = this.cache.get(key);
      this.cache.set(key, object);
      if (!old) for (const h of this.handlers) h.onAdd?.(object);
      else if (old.metadata.resourceVersion !== object.metadata.resourceVersion) for (const h of this.handlers) h.onUpdate?.(old, object);
    }
    for (const [key, object] of [...this.cache]) {
      if (!seen.has(key)) {
        this.cache.delete(key);
        for (const h of this.handlers) h.onDelete?.(object);
      }
    }
    if (!this.synced) {
      this.synced = true;
      for (const resolve of this.syncWaiters.splice(0)) resolve();
    }
  }
}
