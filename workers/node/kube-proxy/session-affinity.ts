// ClientIP session affinity as kube-proxy's iptables rules keep it (the `recent` match): a
// client that connected to a service port within the timeout goes to the same endpoint, and
// each connection starts the timeout again; an endpoint that has gone frees its clients.

import type { Backend } from './service-rules';

/** Expired entries are swept once the table holds this many. */
const SWEEP_AT = 4096;

interface Pinned {
  backend: Backend;
  lastUsed: number;
}

export class SessionAffinity {
  private readonly pinned = new Map<string, Pinned>();

  /** The endpoint for `client` on the service port `ruleKey` among `backends` at `now`. */
  choose(ruleKey: string, client: string, backends: readonly Backend[], timeoutSeconds: number, now: number, pickAny: () => Backend): Backend {
    const key = `${ruleKey}|${client}`;
    const entry = this.pinned.get(key);
    const fresh = entry && now - entry.lastUsed < timeoutSeconds * 1000 && backends.some((b) => b.ip === entry.backend.ip && b.port === entry.backend.port);
    const backend = fresh ? entry.backend : pickAny();
    if (this.pinned.size >= SWEEP_AT) this.sweep(now, timeoutSeconds);
    this.pinned.set(key, { backend, lastUsed: now });
    return backend;
  }

  private sweep(now: number, timeoutSeconds: number): void {
    for (const [key, entry] of this.pinned) if (now - entry.lastUsed >= timeoutSeconds * 1000) this.pinned.delete(key);
  }
}
