// One cluster per browser profile: the first tab takes a Web Lock for as long as it lives, and a
// second tab is told to close, since two clusters writing one IndexedDB would corrupt it.

const LOCK_NAME = 'kubetab-cluster';

/** Resolves true once this tab holds the cluster lock, false when another tab has it. */
export function holdClusterLock(): Promise<boolean> {
  if (!('locks' in navigator)) return Promise.resolve(true);
  return new Promise((resolve) => {
    void navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
      resolve(lock !== null);
      return lock ? new Promise<void>(() => undefined) : undefined;
    });
  });
}
