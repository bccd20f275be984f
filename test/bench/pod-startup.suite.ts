// Pod startup latency on three real worker nodes with image pulls instant: 100 pause pods (as upstream's density tests run)
// created at once, each measured from its create request to the watch event that shows it
// Running, in real milliseconds on a real-time cluster clock. Upstream's SLO for pod startup
// without image pulls is p99 ≤ 5 s; kubetab's target is p99 under 100 ms.

import type { Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { startTestCluster } from '../support/node-cluster';
import { percentile, round, type Figures } from './figures';

const PODS = findResource('', 'v1', 'pods')!;
const POD_COUNT = 100;

export default async function podStartupFigures(): Promise<Figures> {
  const t = await startTestCluster({ realClock: true, pullDelayScale: 0 });
  try {
    const createdAt = new Map<string, number>();
    const latencies: number[] = [];
    let resolveAll!: () => void;
    const allRunning = new Promise<void>((resolve) => (resolveAll = resolve));
    const watch = await t.client.watch<Pod>(PODS, 'default', {}, (event) => {
      const name = event.object.metadata?.name ?? '';
      const started = createdAt.get(name);
      if (started === undefined || event.object.status?.phase !== 'Running') return;
      createdAt.delete(name);
      latencies.push(performance.now() - started);
      if (latencies.length === POD_COUNT) resolveAll();
    });
    await Promise.all(
      Array.from({ length: POD_COUNT }, (_, i) => {
        const name = `startup-${i}`;
        createdAt.set(name, performance.now());
        return t.client.create(PODS, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10' }] } });
      }),
    );
    await allRunning;
    watch.stop();
    return {
      'pod_startup.p50_ms': { value: round(percentile(latencies, 50), 1), unit: 'ms', note: `${POD_COUNT} pods pause pods created at once on 3 worker nodes, create to Running, pulls instant` },
      'pod_startup.p99_ms': { value: round(percentile(latencies, 99), 1), unit: 'ms', note: 'target < 100; upstream SLO 5000' },
    };
  } finally {
    await t.shutdown();
  }
}
