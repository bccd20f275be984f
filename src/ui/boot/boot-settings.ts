// The page's cluster shape, shared by the entry (which starts the workers early) and the boot.

/** Worker nodes, as kind's default playground has them. */
export const WORKER_NODES = 3;
