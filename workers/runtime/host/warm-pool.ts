// The container workers a runtime keeps loaded ahead of time, so a container starts without
// waiting for a worker to boot. A start takes an idle loaded worker, or waits in line for the
// next one to finish booting. Workers boot in the background, a few at a time: booting is CPU
// work, and booting many at once only delays every one of them (and the threads the cluster
// runs on), so a burst of starts is served in the order it asked. The pool grows when starts
// outrun it and shrinks back to its base size once they have been quiet for a while.

import * as Comlink from 'comlink';
import type { ClusterClock, Timer } from '../../../src/cluster/clock';
import type { ContainerWorkerHandle, RuntimePlatform } from '../platform';
import type { ContainerWorkerApi } from '../protocol';

export interface PooledWorker {
  handle: ContainerWorkerHandle;
  api: Comlink.Remote<ContainerWorkerApi>;
}

export interface WarmPoolOptions {
  /** Idle loaded workers kept once the pool is warm (its base size). */
  size: number;
  /** The most idle workers kept while starts are outrunning the pool. */
  maxSize: number;
  /** Workers booting at the same time. */
  concurrentBoots: number;
  /** Cluster time with no start kept waiting after which the pool shrinks back to `size`. */
  shrinkAfterMs: number;
}

export const DEFAULT_WARM_POOL: WarmPoolOptions = { size: 2, maxSize: 6, concurrentBoots: 2, shrinkAfterMs: 30_000 };

interface Waiter {
  resolve(worker: PooledWorker): void;
  reject(error: Error): void;
}

const SHUT_DOWN = 'the container runtime is shut down';

export class WarmPool {
  private readonly idle: PooledWorker[] = [];
  private readonly waiters: Waiter[] = [];
  private booting = 0;
  private warmed = false;
  /** How many idle workers the pool is filling up to (0 until warm). */
  private target = 0;
  private shrinkTimer?: Timer;
  private closed = false;

  constructor(
    private readonly platform: RuntimePlatform,
    private readonly clock: ClusterClock,
    private readonly options: WarmPoolOptions = DEFAULT_WARM_POOL,
  ) {}

  /** Starts filling the pool to its base size. */
  warm(): void {
    this.warmed = true;
    this.target = Math.max(this.target, this.options.size);
    this.boot();
  }

  /** Workers loaded and idle right now. */
  get idleCount(): number {
    return this.idle.length;
  }

  /**
   * A loaded worker: an idle one at once, else the next to finish booting (in the order asked).
   * Call `replenish` once the start it serves is done.
   */
  take(): Promise<PooledWorker> {
    if (this.closed) return Promise.reject(new Error(SHUT_DOWN));
    const worker = this.idle.shift();
    if (worker) return Promise.resolve(worker);
    this.grow();
    const waiting = new Promise<PooledWorker>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.boot();
    return waiting;
  }

  /**
   * Boots replacements for taken workers. Starting a worker occupies this thread for a moment,
   * so this waits until the start that took one is over rather than slowing it down.
   */
  replenish(): void {
    setTimeout(() => this.boot(), 0);
  }

  shutdown(): void {
    this.closed = true;
    this.shrinkTimer?.cancel();
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(SHUT_DOWN));
    for (const worker of this.idle.splice(0)) worker.handle.terminate();
  }

  /** Starts as many boots as waiting starts and the target need, within the concurrency limit. */
  private boot(): void {
    while (!this.closed && this.booting < this.options.concurrentBoots && this.idle.length + this.booting < this.target + this.waiters.length) {
      this.booting++;
      void this.bootOne();
    }
  }

  private async bootOne(): Promise<void> {
    const handle = this.platform.spawnContainerWorker();
    const worker: PooledWorker = { handle, api: Comlink.wrap<ContainerWorkerApi>(handle.endpoint as Comlink.Endpoint) };
    let failure: Error | undefined;
    try {
      await loaded(worker);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
    this.booting--;
    if (this.closed || failure) {
      handle.terminate();
      if (failure) this.waiters.shift()?.reject(failure);
      // After a failed boot only waiting starts boot again, so a worker that cannot load is not retried in a loop.
      if (failure && this.waiters.length > 0) this.boot();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(worker);
    else this.keepIdle(worker);
    this.boot();
  }

  private keepIdle(worker: PooledWorker): void {
    if (this.idle.length >= this.target) {
      worker.handle.terminate();
      return;
    }
    this.idle.push(worker);
    worker.handle.onCrash?.(() => {
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
    });
  }

  /** A start found no idle worker: keep more next time, until starts have been quiet a while. */
  private grow(): void {
    this.target = Math.min(this.options.maxSize, Math.max(this.target, this.options.size) + 1);
    this.shrinkTimer?.cancel();
    this.shrinkTimer = this.clock.after(this.options.shrinkAfterMs, () => this.shrink());
  }

  private shrink(): void {
    this.target = this.warmed ? this.options.size : 0;
    for (const worker of this.idle.splice(this.target)) worker.handle.terminate();
  }
}

/** Resolves once the worker has loaded its code; rejects if it dies first. */
function loaded(worker: PooledWorker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.handle.onCrash?.((message) => reject(new Error(message)));
    worker.api.ready().then(() => resolve(), reject);
  });
}
