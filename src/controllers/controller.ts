// The controller harness every reconciler runs in: informers feed keys into a work queue, and
// workers call `reconcile(key)` one key at a time, requeueing with back-off on failure or after
// the delay the reconciler asks for. Reconciliation is level-based: it reads the current state
// and works toward the desired one, whatever events led there.

import type { ClusterClock } from '../cluster/clock';
import { WorkQueue } from '../client/work-queue';

/** What a reconcile asks for next: nothing, or another look after a delay. */
export type ReconcileResult = void | { requeueAfterMs: number };

export type Reconciler = (key: string) => Promise<ReconcileResult>;

export class Controller {
  readonly queue: WorkQueue;
  private running = false;

  constructor(
    readonly name: string,
    clock: ClusterClock,
    private readonly reconcile: Reconciler,
    private readonly workers = 1,
    /** Called with errors a reconcile throws, before the key is retried. */
    private readonly onError: (key: string, error: unknown) => void = () => {},
  ) {
    this.queue = new WorkQueue(clock);
  }

  enqueue(key: string): void {
    this.queue.add(key);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (let i = 0; i < this.workers; i++) void this.work();
  }

  stop(): void {
    this.running = false;
    this.queue.shutdown();
  }

  private async work(): Promise<void> {
    while (this.running) {
      const key = await this.queue.get();
      if (key === undefined) return;
      try {
        const result = await this.reconcile(key);
        this.queue.forget(key);
        if (result && result.requeueAfterMs >= 0) this.queue.addAfter(key, result.requeueAfterMs);
      } catch (error) {
        this.onError(key, error);
        this.queue.addRateLimited(key);
      } finally {
        this.queue.done(key);
      }
    }
  }
}
