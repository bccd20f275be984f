// The watch-driven evaluator against a real API server in process: checks turn from waiting to
// failed to passed as objects are created, change status and go away, with no polling.

import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/core';
import type { KubeObject } from '../api/meta';
import { findResource } from '../api/scheme';
import { ApiServer } from '../apiserver/api-server';
import { ApiClient } from '../client/client';
import { bootstrapCluster } from '../cluster/bootstrap';
import { ClusterClock } from '../cluster/clock';
import { MvccStore } from '../store/mvcc-store';
import { parseCheck } from './check-spec';
import { CheckWatcher, type CheckStatus } from './check-watcher';

const PODS = findResource('', 'v1', 'pods')!;
const SERVICE_ACCOUNTS = findResource('', 'v1', 'serviceaccounts')!;

async function startApi() {
  const clock = ClusterClock.manual();
  const store = new MvccStore<KubeObject>();
  const server = new ApiServer({ clock, store, kubelets: { endpoint: () => undefined } });
  const client = new ApiClient(server, 'lesson-test');
  await bootstrapCluster(client);
  await client.create(SERVICE_ACCOUNTS, 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
  return { clock, client };
}

function webPod(): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', labels: { run: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
}

describe('CheckWatcher', () => {
  it('follows a pod from missing to running and ready to deleted', async () => {
    const { clock, client } = await startApi();
    const checks = [
      parseCheck({ resource: 'pods', name: 'web', where: { ready: true } }),
      parseCheck({ resource: 'pods', name: 'web', exists: false }),
    ];
    const seen: CheckStatus[][] = [];
    const watcher = new CheckWatcher(client, clock, checks, (statuses) => seen.push(statuses));
    watcher.start();
    expect(seen[0].map((s) => s.state)).toEqual(['waiting', 'waiting']);

    await clock.advance(0);
    expect(seen.at(-1)).toEqual([
      { state: 'failed', detail: 'pod/web not found' },
      { state: 'passed', detail: 'pod/web is gone' },
    ]);

    const created = await client.create<Pod>(PODS, 'default', webPod());
    await clock.advance(0);
    expect(seen.at(-1)?.map((s) => s.state)).toEqual(['failed', 'failed']);
    expect(seen.at(-1)?.[0].detail).toBe('pod/web: not ready yet (status Pending)');

    await client.updateStatus(PODS, {
      ...created,
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: [{ name: 'web', ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: {} } }],
      },
    });
    await clock.advance(0);
    expect(seen.at(-1)?.map((s) => s.state)).toEqual(['passed', 'failed']);

    await client.delete(PODS, 'default', 'web', { gracePeriodSeconds: 0 });
    await clock.advance(0);
    expect(seen.at(-1)?.map((s) => s.state)).toEqual(['failed', 'passed']);

    watcher.stop();
    const count = seen.length;
    await client.create(PODS, 'default', webPod());
    await clock.advance(0);
    expect(seen.length).toBe(count);
  });

  it('shares one informer between checks on the same resource and namespace', async () => {
    const { clock, client } = await startApi();
    await client.create(PODS, 'default', webPod());
    const checks = [parseCheck({ resource: 'pods', name: 'web' }), parseCheck({ resource: 'pods', selector: 'run=web', count: 1 })];
    let latest: CheckStatus[] = [];
    const watcher = new CheckWatcher(client, clock, checks, (statuses) => (latest = statuses));
    watcher.start();
    await clock.advance(0);
    expect(latest.map((s) => s.state)).toEqual(['passed', 'passed']);
    watcher.stop();
  });
});
