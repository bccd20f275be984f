// The API server's own speed, in process and over HTTP, with nothing but its store behind it:
// reading one pod, creating pods (decoding, defaulting, admission, validation, normalising and
// storing), listing 1,000 pods, the delay from a write to its watch event, and a GET through
// the HTTP bridge. Upstream's SLO for mutating calls is p99 ≤ 1 s; the target for a 1,000-pod
// list here is under 20 ms.

import { request as httpRequest, Agent } from 'node:http';
import type { Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { startBridge } from '../../src/cli/http-bridge';
import { startTestApi } from '../support/api-server';
import { median, percentile, round, type Figures } from './figures';

const PODS = findResource('', 'v1', 'pods')!;
const POD_COUNT = 1000;
const READS = 2000;
const LISTS = 30;
const WATCHED_WRITES = 500;
const HTTP_READS = 500;

function pod(index: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${index}`, labels: { app: 'bench', index: String(index) } },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function httpGet(agent: Agent, url: URL, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, agent }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

export default async function apiFigures(): Promise<Figures> {
  const t = await startTestApi();
  const creates: number[] = [];
  for (let i = 0; i < POD_COUNT; i++) creates.push(await timed(() => t.client.create(PODS, 'default', pod(i))));

  const gets: number[] = [];
  for (let i = 0; i < READS; i++) gets.push(await timed(() => t.server.request({ method: 'GET', path: `/api/v1/namespaces/default/pods/pod-${i % POD_COUNT}` })));

  const lists: number[] = [];
  for (let i = 0; i < LISTS; i++) {
    lists.push(
      await timed(async () => {
        const response = await t.server.request({ method: 'GET', path: '/api/v1/namespaces/default/pods' });
        if ((response.body as { items: unknown[] }).items.length !== POD_COUNT) throw new Error('short list');
      }),
    );
  }

  const deliveries: number[] = [];
  let writtenAt = 0;
  const watch = await t.client.watch(PODS, 'default', { resourceVersion: String(t.store.revision) }, () => deliveries.push(performance.now() - writtenAt));
  for (let i = 0; i < WATCHED_WRITES; i++) {
    writtenAt = performance.now();
    await t.client.patch(PODS, 'default', `pod-${i}`, { metadata: { labels: { round: String(i) } } });
  }
  watch.stop();

  const bridge = await startBridge({ api: t.server });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(bridge.url);
  const httpGets: number[] = [];
  try {
    for (let i = 0; i < HTTP_READS; i++) httpGets.push(await timed(() => httpGet(agent, url, `/api/v1/namespaces/default/pods/pod-${i % POD_COUNT}`)));
  } finally {
    agent.destroy();
    await bridge.close();
  }

  return {
    'api.get_p50_ms': { value: round(median(gets), 3), unit: 'ms', note: `median of ${READS} in-process GETs of one pod` },
    'api.create_p99_ms': { value: round(percentile(creates, 99), 3), unit: 'ms', note: `p99 of ${POD_COUNT} in-process pod creates; upstream SLO for mutating calls p99 ≤ 1000` },
    'api.list1000_ms': { value: round(median(lists), 2), unit: 'ms', note: `median of ${LISTS} in-process lists of ${POD_COUNT} pods; target < 20` },
    'api.watch_delivery_p99_ms': { value: round(percentile(deliveries, 99), 3), unit: 'ms', note: `p99 from a patch to its watch event, ${WATCHED_WRITES} writes` },
    'http.get_p50_ms': { value: round(median(httpGets), 3), unit: 'ms', note: `median of ${HTTP_READS} GETs of one pod through the HTTP bridge (keep-alive)` },
  };
}
