// A work queue of keys as controllers use it: a key queued many times is processed once, never
// by two workers at a time, and failures are retried with per-key exponential back-off timed by
// the cluster clock. Upstream: staging/src/k8s.io/client-go/util/workqueue.

import type { ClusterClock, Timer } from '../cluster/clock';

export class WorkQueue {
  private queue: string[] = [];
  private queued = new Set<string>();
  private processing = new Set<string>();
  private dirtyWhileProcessing = new Set<string>();
  private failures = new Map<string, number>();
  private delayed = new Map<string, { due: number; timer: Timer }>();
  private waiters: (() => void)[] = [];
  private shutDown = false;

  constructor(
    private readonly clock: ClusterClock,
    private readonly baseDelayMs = 5,
    private readonly maxDelayMs = 1000_000,
  ) {}

  add(key: string): void {
    if (this.shutDown) return;
    if (this.processing.has(key)) {
      this.dirtyWhileProcessing.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.waiters.shift()?.();
  }

  /** Adds `key` after `delayMs` of cluster time; of two pending delays the earlier wins. */
  addAfter(key: string, delayMs: number): void {
    if (this.shutDown) return;
    const existing = this.delayed.get(key);
    if (delayMs <= 0) {
      existing?.timer.cancel();
      this.delayed.delete(key);
      this.add(key);
      return;
    }
    const due = this.clock.now() + delayMs;
    if (existing && existing.due <= due) return;
    existing?.timer.cancel();
    const timer = this.clock.after(delayMs, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { due, timer });
  }

  /** Re-adds a key that failed, with back-off that doubles per consecutive failure. */
  addRateLimited(key: string): void {
    const failures = this.failures.get(key) ?? 0;
    this.failures.set(key, failures + 1);
    this.addAfter(key, Math.min(this.baseDelayMs * 2 ** failures, this.maxDelayMs));
  }

  /** Clears a key's failure count after it was processed successfully. */
  forget(key: string): void {
    this.failures.delete(key);
  }

  /** The next key to process, or undefined once the queue is shut down. */
  async get(): Promise<string | undefined> {
    while (this.queue.length === 0) {
      if (this.shutDown) return undefined;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    const key = this.queue.shift() as string;
    this.queued.delete(key);
    this.processing.add(key);
    return key;
  }

  /** Marks a key as processed; a key added meanwhile is queued again. */
  done(key: string): void {
    this.processing.delete(key);
    if (this.dirtyWhileProcessing.delete(key)) this.add(key);
  }

  get length(): number {
    return this.queue.length;
  }

  shutdown(): void {
    this.shutDown = true;
    for (const { timer } of this.delayed.values()) timer.cancel();
    this.delayed.clear();
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
