// The scheduling queue: pods waiting to be scheduled, highest priority first and then oldest
// first (activeQ); pods that failed, waiting out their back-off (1 s doubling to 10 s); and
// unschedulable pods, parked until a cluster event that could help them (a node added or
// changed, a pod deleted) or five minutes pass. Upstream:
// pkg/scheduler/backend/queue/scheduling_queue.go.

import type { Pod } from '../api/core';
import type { ClusterClock, Timer } from '../cluster/clock';
import { BinaryHeap } from '../util/binary-heap';

const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 10_000;
const MAX_UNSCHEDULABLE_MS = 5 * 60 * 1000;

interface Entry {
  key: string;
  pod: Pod;
  priority: number;
  /** When the pod first entered the queue (FIFO among equal priorities). */
  seq: number;
  attempts: number;
  /** The scheduling cycle that popped the pod last. */
  cycle: number;
  /** When its last attempt failed (cluster ms): back-off counts from here. */
  failedAt: number;
  timer?: Timer;
}

function before(a: Entry, b: Entry): boolean {
  return a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);
}

export class SchedulingQueue {
  private readonly active = new BinaryHeap<Entry>(before);
  /** Every pod the queue knows, wherever it waits (active, back-off, unschedulable, in flight). */
  private readonly entries = new Map<string, Entry>();
  private readonly where = new Map<string, 'active' | 'backoff' | 'unschedulable' | 'inflight'>();
  private readonly unschedulable = new Set<string>();
  private waiter?: () => void;
  private seq = 0;
  private cycle = 0;
  private moveRequestCycle = -1;
  private closed = false;

  constructor(private readonly clock: ClusterClock) {}

  /** A pending pod appeared or changed. */
  add(key: string, pod: Pod): void {
    const entry = this.entries.get(key);
    if (entry) {
      entry.pod = pod;
      if (this.where.get(key) === 'unschedulable') this.toActiveOrBackoff(entry);
      return;
    }
    const created: Entry = { key, pod, priority: pod.spec.priority ?? 0, seq: this.seq++, attempts: 0, cycle: 0, failedAt: 0 };
    this.entries.set(key, created);
    this.pushActive(created);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.timer?.cancel();
    this.entries.delete(key);
    this.where.delete(key);
    this.unschedulable.delete(key);
  }

  private place(key: string, where: 'active' | 'backoff' | 'unschedulable' | 'inflight'): void {
    this.where.set(key, where);
    if (where === 'unschedulable') this.unschedulable.add(key);
    else this.unschedulable.delete(key);
  }

  /** The next pod to schedule; undefined once closed. */
  async pop(): Promise<{ key: string; pod: Pod; attempts: number } | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      const entry = this.active.pop();
      if (entry) {
        if (this.entries.get(entry.key) !== entry || this.where.get(entry.key) !== 'active') continue;
        this.place(entry.key, 'inflight');
        entry.cycle = ++this.cycle;
        return { key: entry.key, pod: entry.pod, attempts: entry.attempts };
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  /** The pod was bound (or is gone): the queue forgets it. */
  done(key: string): void {
    this.delete(key);
  }

  /** The attempt failed for a reason other than the cluster (a binding error): retry after back-off. */
  requeueWithBackoff(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.attempts++;
    entry.failedAt = this.clock.now();
    this.toBackoff(entry);
  }

  /** No node fits: park the pod until a relevant event (or back off, if one already happened). */
  markUnschedulable(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.attempts++;
    entry.failedAt = this.clock.now();
    if (this.moveRequestCycle >= entry.cycle) {
      this.toBackoff(entry);
      return;
    }
    this.place(key, 'unschedulable');
    entry.timer?.cancel();
    entry.timer = this.clock.after(MAX_UNSCHEDULABLE_MS, () => {
      if (this.where.get(key) === 'unschedulable') this.toActiveOrBackoff(entry);
    });
  }

  /** A cluster event that may make unschedulable pods fit. */
  moveAllToActiveOrBackoff(): void {
    this.moveRequestCycle = this.cycle;
    for (const key of [...this.unschedulable]) {
      const entry = this.entries.get(key);
      if (entry) this.toActiveOrBackoff(entry);
    }
  }

  /** Updates a queued pod without moving it (a status change cannot make it fit). */
  refresh(key: string, pod: Pod): void {
    const entry = this.entries.get(key);
    if (entry) entry.pod = pod;
  }

  get pendingCount(): number {
    return this.entries.size;
  }

  close(): void {
    this.closed = true;
    for (const entry of this.entries.values()) entry.timer?.cancel();
    this.waiter?.();
  }

  private backoffMs(entry: Entry): number {
    return Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, entry.attempts - 1), MAX_BACKOFF_MS);
  }

  private toActiveOrBackoff(entry: Entry): void {
    entry.timer?.cancel();
    entry.timer = undefined;
    if (entry.attempts === 0) this.pushActive(entry);
    else this.toBackoff(entry);
  }

  private toBackoff(entry: Entry): void {
    entry.timer?.cancel();
    this.place(entry.key, 'backoff');
    entry.timer = this.clock.after(Math.max(0, entry.failedAt + this.backoffMs(entry) - this.clock.now()), () => {
      entry.timer = undefined;
      if (this.entries.get(entry.key) === entry && this.where.get(entry.key) === 'backoff') this.pushActive(entry);
    });
  }

  private pushActive(entry: Entry): void {
    this.place(entry.key, 'active');
    this.active.push(entry);
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.();
  }
}
