// Controller expectations: how many creations and deletions a controller has asked for and not
// yet seen in its informer, per owner. Until they are observed (or expire after five minutes of
// cluster time) the owner is not reconciled again, so a controller never over-creates or
// over-deletes on a stale cache. Upstream: pkg/controller/controller_utils.go
// (ControllerExpectations, UIDTrackingControllerExpectations).

import type { ClusterClock } from '../../cluster/clock';

const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  adds: number;
  deletes: number;
  /** Keys of pods this controller is waiting to see deleted. */
  deleting: Set<string>;
  at: number;
}

export class Expectations {
  private readonly byOwner = new Map<string, Expectation>();

  constructor(private readonly clock: ClusterClock) {}

  /** True once every expected creation and deletion was observed, or the expectation expired. */
  satisfied(owner: string): boolean {
    const e = this.byOwner.get(owner);
    if (!e) return true;
    if (e.adds <= 0 && e.deletes <= 0) return true;
    return this.clock.now() - e.at > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(owner: string, count: number): void {
    this.byOwner.set(owner, { adds: count, deletes: 0, deleting: new Set(), at: this.clock.now() });
  }

  expectDeletions(owner: string, podKeys: readonly string[]): void {
    this.byOwner.set(owner, { adds: 0, deletes: podKeys.length, deleting: new Set(podKeys), at: this.clock.now() });
  }

  creationObserved(owner: string): void {
    const e = this.byOwner.get(owner);
    if (e) e.adds--;
  }

  /** A creation that will never happen (the request failed or was skipped). */
  creationSkipped(owner: string): void {
    this.creationObserved(owner);
  }

  deletionObserved(owner: string, podKey: string): void {
    const e = this.byOwner.get(owner);
    if (e?.deleting.delete(podKey)) e.deletes--;
  }

  forget(owner: string): void {
    this.byOwner.delete(owner);
  }
}
