// A test cluster for one suite: started before its tests, shut down after them. The value a
// suite holds stands for the started cluster, so tests and helpers use it as a TestCluster.

import { afterAll, beforeAll } from 'vitest';
import { startTestCluster, type TestCluster } from './node-cluster';

export function useTestCluster(options?: Parameters<typeof startTestCluster>[0]): TestCluster {
  let started: TestCluster | undefined;
  beforeAll(async () => {
    started = await startTestCluster(options);
  });
  afterAll(async () => {
    await started?.shutdown();
  });
  return new Proxy({} as TestCluster, {
    get(_target, key) {
      if (!started) throw new Error('the test cluster is used before the suite started it');
      const value: unknown = Reflect.get(started, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}
