// Slow-start batching: create in batches of 1, 2, 4, 8… and stop at the first batch with a
// failure, so a controller that cannot create (quota, a bad template) makes one failing call,
// not five hundred. Upstream: pkg/controller/replicaset/replica_set.go (slowStartBatch).

export const SLOW_START_INITIAL_BATCH = 1;

/** Runs `attempt` `count` times; returns how many succeeded and the first error, if any. */
export async function slowStartBatch(count: number, attempt: () => Promise<void>): Promise<{ succeeded: number; error?: unknown }> {
  let remaining = count;
  let succeeded = 0;
  for (let batch = Math.min(remaining, SLOW_START_INITIAL_BATCH); batch > 0; batch = Math.min(2 * batch, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: batch }, () => attempt()));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    succeeded += results.filter((r) => r.status === 'fulfilled').length;
    if (failed) return { succeeded, error: failed.reason };
    remaining -= batch;
  }
  return { succeeded };
}
