// Exponential back-off per key, as the kubelet uses for crash loops and image pulls: 10 s
// doubling to 300 s, starting afresh for a failure that comes over twice the maximum after the
// last decision (a container that ran ten minutes). Upstream:
// staging/src/k8s.io/client-go/util/flowcontrol/backoff.go.

interface Entry {
  delayMs: number;
  lastUpdate: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly initialMs = 10_000,
    private readonly maxMs = 300_000,
  ) {}

  /**
   * Moves `key` to its next back-off after a failure at `failedAt`, deciding at `now`: the
   * initial delay the first time, or when the failure came over twice the maximum after the
   * last decision; double the last delay (up to the maximum) otherwise.
   */
  next(key: string, failedAt: number, now: number): number {
    const entry = this.entries.get(key);
    const delayMs = !entry || this.expired(entry, failedAt) ? this.initialMs : Math.min(entry.delayMs * 2, this.maxMs);
    this.entries.set(key, { delayMs, lastUpdate: now });
    return delayMs;
  }

  /** Whether `now` is still inside the back-off that followed a failure at `failedAt`. */
  inBackoffSince(key: string, failedAt: number, now: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || this.expired(entry, failedAt)) return false;
    return now - failedAt < entry.delayMs;
  }

  /** Whether `now` is still inside the back-off decided last (image pulls wait on this). */
  inBackoffSinceUpdate(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || this.expired(entry, now)) return false;
    return now - entry.lastUpdate < entry.delayMs;
  }

  delay(key: string): number | undefined {
    return this.entries.get(key)?.delayMs;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** A failure over twice the maximum after the last decision starts the back-off afresh. */
  private expired(entry: Entry, failedAt: number): boolean {
    return failedAt - entry.lastUpdate > 2 * this.maxMs;
  }
}
