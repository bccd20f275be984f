// Exponential back-off per key, as the kubelet uses for crash loops and image pulls: 10 s
// doubling to 300 s, forgotten after twice the maximum without a new failure. Upstream:
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

  /** Records a failure at `at` and returns the delay before the next attempt. */
  next(key: string, at: number): number {
    const entry = this.entries.get(key);
    const delayMs = !entry || at - entry.lastUpdate > 2 * this.maxMs ? this.initialMs : Math.min(entry.delayMs * 2, this.maxMs);
    this.entries.set(key, { delayMs, lastUpdate: at });
    return delayMs;
  }

  /** Whether `now` is still inside the back-off that followed a failure at `failedAt`. */
  inBackoffSince(key: string, failedAt: number, now: number): boolean {
    const entry = this.entries.get(key);
    if (!entry || now - entry.lastUpdate > 2 * this.maxMs) return false;
    return now - failedAt < entry.delayMs;
  }

  delay(key: string): number | undefined {
    return this.entries.get(key)?.delayMs;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }
}
