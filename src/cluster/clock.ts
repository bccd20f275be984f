// The cluster clock: the one source of time for every delay in the cluster (image pulls, probes,
// back-off, grace periods, heartbeats, a container's own sleep, AGE columns). It runs at a
// speed factor over real time (0 pauses it), or, in manual mode, moves only when told to
// (tests). Every thread keeps a mirror of the same clock and follows the main thread's state.

import { BinaryHeap } from '../util/binary-heap';

export interface ClockState {
  /** Cluster time (ms since the epoch) at the anchor. */
  readonly clusterAt: number;
  /** Real time (Date.now()) at the anchor; ignored in manual mode. */
  readonly realAt: number;
  /** Cluster milliseconds per real millisecond; 0 is paused. */
  readonly speed: number;
  /** Manual clocks move only through `advance` (or a new state from the leader). */
  readonly manual: boolean;
}

export interface Timer {
  cancel(): void;
}

/** A timer waiting in the clock's queue; it is its own handle (no closure per timer). */
class ScheduledTimer implements Timer {
  cancelled = false;

  constructor(
    readonly due: number,
    readonly seq: number,
    readonly callback: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

export type ClockListener = (state: ClockState) => void;

function before(a: ScheduledTimer, b: ScheduledTimer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

export class ClusterClock {
  private state: ClockState;
  private timers = new BinaryHeap<ScheduledTimer>(before);
  private seq = 0;
  private realTimer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<ClockListener>();

  constructor(state: Partial<ClockState> = {}) {
    this.state = {
      clusterAt: state.clusterAt ?? Date.now(),
      realAt: state.realAt ?? Date.now(),
      speed: state.speed ?? 1,
      manual: state.manual ?? false,
    };
  }

  /** A clock that moves only when the test advances it, starting at a fixed, readable time. */
  static manual(startAt = Date.UTC(2026, 0, 1, 12, 0, 0)): ClusterClock {
    return new ClusterClock({ clusterAt: startAt, realAt: 0, speed: 1, manual: true });
  }

  /** Cluster time in milliseconds since the epoch. */
  now(): number {
    const { clusterAt, realAt, speed, manual } = this.state;
    if (manual || speed === 0) return clusterAt;
    return clusterAt + (Date.now() - realAt) * speed;
  }

  nowDate(): Date {
    return new Date(this.now());
  }

  /** RFC 3339 with second precision, as Kubernetes timestamps are. */
  timestamp(at = this.now()): string {
    return new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  }

  /** RFC 3339 with microseconds, as MicroTime fields (Lease renewTime, eventTime) are. */
  microTimestamp(at = this.now()): string {
    return `${new Date(at).toISOString().slice(0, -1)}000Z`;
  }

  get speed(): number {
    return this.state.speed;
  }

  get isManual(): boolean {
    return this.state.manual;
  }

  snapshot(): ClockState {
    return { ...this.state, clusterAt: this.now(), realAt: Date.now() };
  }

  /** Runs `callback` once cluster time has moved `delayMs` on. */
  after(delayMs: number, callback: () => void): Timer {
    const timer = new ScheduledTimer(this.now() + Math.max(0, delayMs), this.seq++, callback);
    this.timers.push(timer);
    this.reschedule();
    return timer;
  }

  /** Resolves once cluster time has moved `delayMs` on; rejects with the signal's reason. */
  sleep(delayMs: number, signal?: { aborted: boolean; onAbort(listener: () => void): void }): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = this.after(delayMs, resolve);
      signal?.onAbort(() => {
        timer.cancel();
        reject(new Error('aborted'));
      });
    });
  }

  /** Sets the speed factor (0 pauses); time so far is kept. */
  setSpeed(speed: number): void {
    this.setState({ clusterAt: this.now(), realAt: Date.now(), speed: Math.max(0, speed), manual: this.state.manual });
  }

  /**
   * Moves a manual or paused clock on by `deltaMs`, firing due timers in order, each at its own
   * due time (mirrors in other threads follow each step). Between timers it lets pending promise
   * callbacks run, so chains of async work that schedule further timers inside the window are
   * followed.
   */
  async advance(deltaMs: number): Promise<void> {
    if (!this.state.manual && this.state.speed !== 0) throw new Error('advance() needs a manual or paused clock');
    const target = this.state.clusterAt + deltaMs;
    for (;;) {
      await flushMicrotasks();
      const next = this.nextLiveTimer();
      if (!next || next.due > target) break;
      this.timers.pop();
      this.setClusterTime(Math.max(next.due, this.state.clusterAt));
      next.callback();
    }
    this.setClusterTime(target);
    await flushMicrotasks();
  }

  /** Adopts the leader's state (a mirror in another thread) and fires what is now due. */
  setState(state: ClockState): void {
    this.state = { ...state };
    this.fireDue();
    this.reschedule();
    for (const listener of this.listeners) listener(this.state);
  }

  /** Called with every state change, so mirrors in other threads can follow. */
  subscribe(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels every pending timer (the thread that owns this clock is shutting down). */
  stop(): void {
    this.timers = new BinaryHeap<ScheduledTimer>(before);
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    this.realTimer = undefined;
  }

  private setClusterTime(at: number): void {
    this.state = { ...this.state, clusterAt: at };
    for (const listener of this.listeners) listener(this.state);
  }

  private nextLiveTimer(): ScheduledTimer | undefined {
    let next = this.timers.peek();
    while (next?.cancelled) {
      this.timers.pop();
      next = this.timers.peek();
    }
    return next;
  }

  private fireDue(): void {
    const now = this.now();
    for (let next = this.nextLiveTimer(); next && next.due <= now; next = this.nextLiveTimer()) {
      this.timers.pop();
      next.callback();
    }
  }

  private reschedule(): void {
    if (this.realTimer !== undefined) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    if (this.state.manual || this.state.speed === 0) return;
    const next = this.nextLiveTimer();
    if (!next) return;
    const realDelay = Math.max(0, (next.due - this.now()) / this.state.speed);
    this.realTimer = setTimeout(() => {
      this.realTimer = undefined;
      this.fireDue();
      this.reschedule();
    }, Math.min(realDelay, 2 ** 31 - 1));
  }
}

/** Lets queued promise reactions (and the ones they queue) run. */
async function flushMicrotasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
