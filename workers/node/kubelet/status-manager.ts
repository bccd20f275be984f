// The kubelet's status manager: keeps the latest status of each pod and writes it whole to the
// API server's status subresource (the kubelet owns pod status; conditions others set are
// carried along), one write per pod at a time, skipping writes that would change nothing.
// Upstream: pkg/kubelet/status/status_manager.go.

import type { Pod, PodStatus } from '../../../src/api/core';
import { jsonEqual } from '../../../src/api/objects';
import { findResource } from '../../../src/api/scheme';
import type { ClusterClock } from '../../../src/cluster/clock';
import { isNotFound, type ApiClient } from '../../../src/client/client';

/** How soon a status write that failed (the API server unreachable) is tried again. */
const RETRY_MS = 10_000;

const PODS = findResource('', 'v1', 'pods')!;

interface Entry {
  namespace: string;
  name: string;
  latest: PodStatus;
  sent?: PodStatus;
  writing: boolean;
}

export class StatusManager {
  private readonly entries = new Map<string, Entry>();
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
  ) {}

  set(pod: Pod, status: PodStatus): void {
    const uid = pod.metadata.uid ?? '';
    let entry = this.entries.get(uid);
    if (!entry) {
      entry = { namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', latest: status, writing: false };
      this.entries.set(uid, entry);
    }
    entry.latest = status;
    if (!entry.writing) void this.write(uid, entry);
  }

  forget(uid: string): void {
    this.entries.delete(uid);
  }

  /** Resolves when no write is in flight (tests and orderly shutdown). */
  idle(): Promise<void> {
    if (![...this.entries.values()].some((e) => e.writing)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async write(uid: string, entry: Entry): Promise<void> {
    entry.writing = true;
    try {
      while (!entry.sent || !jsonEqual(entry.sent, entry.latest)) {
        const status = entry.latest;
        try {
          await this.client.updateStatus(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: entry.name, namespace: entry.namespace, uid }, status });
          entry.sent = status;
        } catch (error) {
          if (isNotFound(error)) {
            entry.sent = status;
            break;
          }
          this.clock.after(RETRY_MS, () => {
            if (this.entries.get(uid) === entry && !entry.writing) void this.write(uid, entry);
          });
          break;
        }
      }
    } finally {
      entry.writing = false;
      if (![...this.entries.values()].some((e) => e.writing)) for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}
