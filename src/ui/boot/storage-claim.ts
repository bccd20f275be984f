// The tab's claim on the stored cluster: the Web Lock that keeps one cluster per browser
// profile, and the IndexedDB database opened beside it, read as soon as the lock is held. The
// page's entry makes the claim before the app's code loads, since the browser takes a while to
// answer each of these.

import { IndexedDbPersistence } from '../platform/indexeddb-persistence';
import { holdClusterLock } from '../platform/tab-lock';

export interface StorageClaim {
  /** Where the cluster is stored (also what a reset clears). */
  readonly persistence: IndexedDbPersistence;
  /** This tab holds the cluster lock (no other tab runs the cluster). */
  readonly held: Promise<boolean>;
  /** Resolves once the database is open, or with why the cluster cannot be saved. */
  readonly opened: Promise<{ problem?: string }>;
}

export function claimStorage(): StorageClaim {
  const persistence = new IndexedDbPersistence();
  const opened = persistence.open().then(
    () => ({}),
    (error: unknown) => ({ problem: error instanceof Error ? error.message : String(error) }),
  );
  const held = holdClusterLock();
  void held.then((ok) => ok && persistence.preload());
  return { persistence, held, opened };
}
