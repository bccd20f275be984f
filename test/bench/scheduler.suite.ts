// Scheduler throughput in upstream's SchedulingBasic shape: 5,000 hollow nodes and 10,000
// pause pods (100m CPU, 500Mi each), measured from the first pod created to the last pod bound.
// The cluster clock stays still, so hollow kubelets do not start the pods and nothing but
// creating, scheduling and binding runs in the measured window. The window opens once every
// node is schedulable (the node-lifecycle controller has lifted the not-ready taint nodes
// register with), as upstream's nodes are before its pods are created. Upstream's CI floor for
// this shape is 680 pods/s (test/integration/scheduler_perf, SchedulingBasic 5000Nodes_10000Pods).

import type { Node, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import type { ApiClient } from '../../src/client/client';
import { startTestCluster } from '../support/node-cluster';
import { round, type Figures } from './figures';

const PODS = findResource('', 'v1', 'pods')!;
const NODE_RESOURCE = findResource('', 'v1', 'nodes')!;
const NODES = 5000;
const POD_COUNT = 10_000;
const IN_FLIGHT = 100;

function pausePod(index: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${index}`, namespace: 'default' },
    spec: {
      containers: [
        {
          name: 'pause',
          image: 'registry.k8s.io/pause:3.10',
          ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: '100m', memory: '500Mi' }, requests: { cpu: '100m', memory: '500Mi' } },
        },
      ],
    },
  };
}

/**
 * Resolves once at least `count` nodes exist and none has a node-condition taint left
 * (`node.kubernetes.io/not-ready` and the like; the control plane's own taint stays).
 */
async function nodesSchedulable(client: ApiClient, count: number): Promise<void> {
  const tainted = new Set<string>();
  const seen = new Set<string>();
  let resolveSettled!: () => void;
  const settled = new Promise<void>((resolve) => (resolveSettled = resolve));
  const watch = await client.watch<Node>(NODE_RESOURCE, undefined, {}, (event) => {
    const name = event.object.metadata.name ?? '';
    seen.add(name);
    const conditionTainted = (event.object.spec?.taints ?? []).some((taint) => taint.key.startsWith('node.kubernetes.io/'));
    if (conditionTainted && event.type !== 'DELETED') tainted.add(name);
    else tainted.delete(name);
    if (seen.size >= count && tainted.size === 0) resolveSettled();
  });
  await settled;
  watch.stop();
}

export default async function schedulerFigures(): Promise<Figures> {
  const t = await startTestCluster({ workers: 0, hollowNodes: NODES });
  try {
    await nodesSchedulable(t.client, NODES);
    let bound = 0;
    let lastBindAt = 0;
    let resolveAll!: () => void;
    const allBound = new Promise<void>((resolve) => (resolveAll = resolve));
    const seen = new Set<string>();
    const watch = await t.client.watch<Pod>(PODS, 'default', {}, (event) => {
      const pod = event.object;
      if (!pod.spec?.nodeName || seen.has(pod.metadata.name ?? '')) return;
      seen.add(pod.metadata.name ?? '');
      bound++;
      if (bound === POD_COUNT) {
        lastBindAt = performance.now();
        resolveAll();
      }
    });
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < POD_COUNT) await t.client.create(PODS, 'default', pausePod(next++));
      }),
    );
    await allBound;
    watch.stop();
    const seconds = (lastBindAt - started) / 1000;
    return {
      'scheduler.pods_per_s': { value: round(POD_COUNT / seconds, 0), unit: 'pods/s', note: `${NODES} hollow nodes, ${POD_COUNT} pods, first create to last bind; upstream floor 680, target ≥ 6800` },
    };
  } finally {
    await t.shutdown();
  }
}
