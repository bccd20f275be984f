// A few container workers started ahead of time, so a container starts without waiting for a
// worker to boot: taking one hands over a loaded worker and starts a replacement.

import * as Comlink from 'comlink';
import type { ContainerWorkerHandle, RuntimePlatform } from '../platform';
import type { ContainerWorkerApi } from '../protocol';

export interface PooledWorker {
  handle: ContainerWorkerHandle;
  api: Comlink.Remote<ContainerWorkerApi>;
  /** Resolves once the worker has loaded its code. */
  loaded: Promise<boolean>;
}

export class WarmPool {
  private readonly idle: PooledWorker[] = [];
  private closed = false;

  constructor(
    private readonly platform: RuntimePlatform,
    private readonly size: number,
    warmNow = true,
  ) {
    if (warmNow) this.refill();
  }

  /** Starts the pool's workers (when it was created cold). */
  warm(): void {
    this.refill();
  }

  /** A loaded worker if one is idle. Call `replenish` once the start it serves is done. */
  take(): PooledWorker {
    if (this.closed) throw new Error('the container runtime is shut down');
    return this.idle.shift() ?? this.spawn();
  }

  /**
   * Starts replacements for taken workers. Spawning blocks this thread for a moment, so it
   * waits until the start that took a worker is over rather than slowing it down.
   */
  replenish(): void {
    setTimeout(() => this.refill(), 0);
  }

  shutdown(): void {
    this.closed = true;
    for (const worker of this.idle.splice(0)) worker.handle.terminate();
  }

  private refill(): void {
    while (!this.closed && this.idle.length < this.size) this.idle.push(this.spawn());
  }

  private spawn(): PooledWorker {
    const handle = this.platform.spawnContainerWorker();
    const api = Comlink.wrap<ContainerWorkerApi>(handle.endpoint as Comlink.Endpoint);
    const loaded = api.ready();
    loaded.catch(() => undefined);
    return { handle, api, loaded };
  }
}
