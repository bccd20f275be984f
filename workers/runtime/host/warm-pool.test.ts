// The warm pool with fake container workers whose boots the test finishes (or crashes) one by
// one: idle workers at once, waiting starts served in order with a bounded number of boots,
// growth after a burst and shrinking back on the cluster clock, crashed workers never handed out.

import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClusterClock } from '../../../src/cluster/clock';
import type { ContainerWorkerHandle, RuntimePlatform } from '../platform';
import { WarmPool, type PooledWorker, type WarmPoolOptions } from './warm-pool';

interface FakeWorker {
  id: number;
  terminated: boolean;
  boot(): void;
  crash(message: string): void;
}

class FakePlatform implements RuntimePlatform {
  readonly workers: FakeWorker[] = [];

  get booting(): FakeWorker[] {
    return this.workers.filter((w) => !w.terminated && !this.loaded.has(w));
  }

  private readonly loaded = new Set<FakeWorker>();

  spawnContainerWorker(): ContainerWorkerHandle {
    const channel = new MessageChannel();
    const crashListeners: ((message: string) => void)[] = [];
    let booted!: () => void;
    const ready = new Promise<void>((resolve) => (booted = resolve));
    const worker: FakeWorker = {
      id: this.workers.length,
      terminated: false,
      boot: () => {
        this.loaded.add(worker);
        booted();
      },
      crash: (message) => {
        for (const listener of crashListeners) listener(message);
      },
    };
    this.workers.push(worker);
    Comlink.expose({ ready: () => ready.then(() => worker.id), start: () => ({ startedAt: 0, mode: 'sync' }), deliver: () => undefined }, channel.port1);
    return {
      endpoint: channel.port2,
      terminate: () => {
        worker.terminated = true;
        channel.port1.close();
        channel.port2.close();
      },
      onCrash: (listener) => crashListeners.push(listener),
    };
  }
}

const OPTIONS: WarmPoolOptions = { size: 2, maxSize: 4, concurrentBoots: 2, shrinkAfterMs: 30_000 };

let pool: WarmPool | undefined;

function startPool(options: Partial<WarmPoolOptions> = {}): { platform: FakePlatform; clock: ClusterClock; pool: WarmPool } {
  const platform = new FakePlatform();
  const clock = ClusterClock.manual();
  pool = new WarmPool(platform, clock, { ...OPTIONS, ...options });
  return { platform, clock, pool };
}

/** Which fake worker a pooled worker is. */
async function idOf(worker: PooledWorker): Promise<number> {
  return (await worker.api.ready()) as unknown as number;
}

afterEach(() => {
  pool?.shutdown();
  pool = undefined;
});

describe('warm pool', () => {
  it('keeps its base size loaded once warm and hands an idle worker over at once', async () => {
    const { platform, pool } = startPool();
    pool.warm();
    expect(platform.workers).toHaveLength(2);
    for (const worker of platform.workers) worker.boot();
    await vi.waitFor(() => expect(pool.idleCount).toBe(2));
    expect(await idOf(await pool.take())).toBe(0);
    expect(platform.workers).toHaveLength(2);
    pool.replenish();
    await vi.waitFor(() => expect(platform.workers).toHaveLength(3));
  });

  it('serves starts that find it empty in the order they asked, booting a bounded number at once', async () => {
    const { platform, pool } = startPool({ size: 0 });
    const served: number[] = [];
    const takes = [0, 1, 2, 3].map((i) => pool.take().then(() => served.push(i)));
    expect(platform.booting).toHaveLength(2);
    platform.booting[1].boot();
    await vi.waitFor(() => expect(served).toEqual([0]));
    expect(platform.booting).toHaveLength(2);
    for (const worker of platform.booting) worker.boot();
    await vi.waitFor(() => expect(served).toEqual([0, 1, 2]));
    platform.booting[0].boot();
    await Promise.all(takes);
    expect(served).toEqual([0, 1, 2, 3]);
  });

  it('keeps more workers loaded after a burst, and goes back to its base size once starts are quiet', async () => {
    const { platform, clock, pool } = startPool();
    pool.warm();
    const takes = Array.from({ length: 5 }, () => pool.take());
    await vi.waitFor(() => {
      for (const worker of platform.booting) worker.boot();
      expect(pool.idleCount).toBe(OPTIONS.maxSize);
    });
    await Promise.all(takes);
    await clock.advance(OPTIONS.shrinkAfterMs);
    expect(pool.idleCount).toBe(OPTIONS.size);
    expect(platform.workers.filter((w) => w.terminated)).toHaveLength(OPTIONS.maxSize - OPTIONS.size);
  });

  it('never hands over a worker that died while idle', async () => {
    const { platform, pool } = startPool();
    pool.warm();
    for (const worker of platform.workers) worker.boot();
    await vi.waitFor(() => expect(pool.idleCount).toBe(2));
    platform.workers[0].crash('worker exited with code 1');
    expect(pool.idleCount).toBe(1);
    expect(await idOf(await pool.take())).toBe(1);
  });

  it('fails the start waiting for a worker that dies while booting, and does not boot again by itself', async () => {
    const { platform, pool } = startPool({ size: 0 });
    const take = pool.take();
    const spawned = platform.workers.length;
    for (const worker of platform.workers) worker.crash('container worker exited with code 1');
    await expect(take).rejects.toThrow('container worker exited with code 1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(platform.workers).toHaveLength(spawned);
  });

  it('rejects waiting starts and ends idle workers when shut down', async () => {
    const { platform, pool } = startPool({ size: 1 });
    pool.warm();
    platform.workers[0].boot();
    await vi.waitFor(() => expect(pool.idleCount).toBe(1));
    await pool.take();
    const waiting = pool.take();
    pool.shutdown();
    await expect(waiting).rejects.toThrow('shut down');
    await expect(pool.take()).rejects.toThrow('shut down');
  });
});
