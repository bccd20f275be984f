// A Service's terminating pod on a real worker node with the manual clock: while its grace
// period runs (busybox sleep as PID 1 ignores SIGTERM), the EndpointSlice keeps it as serving
// and terminating but not ready, Endpoints drops it, and once it is gone the slice is empty.
// Upstream: pkg/controller/endpointslice (terminating condition) and pkg/controller/endpoint.

import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../src/api/apps';
import type { Endpoints, Service } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { useTestCluster } from '../support/use-test-cluster';
import { createPod, ENDPOINT_SLICES, PODS, podObject, SERVICES, waitFor, waitForRunning } from '../support/pod-fixtures';

const ENDPOINTS = findResource('', 'v1', 'endpoints')!;

describe('a terminating endpoint', () => {
  const t = useTestCluster({ workers: 1, pullDelayScale: 0 });

  const conditions = async () => {
    const slices = (await t.client.list<EndpointSlice>(ENDPOINT_SLICES, 'default', { labelSelector: 'kubernetes.io/service-name=sleepers' })).items;
    return slices.flatMap((slice) => slice.endpoints ?? []).map((endpoint) => endpoint.conditions);
  };

  it('stays in the EndpointSlice as serving and terminating, and leaves Endpoints, until the pod is gone', async () => {
    await createPod(t, podObject('sleeper', { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] }, { app: 'sleepers' }));
    await waitForRunning(t, 'sleeper');
    const service: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'sleepers', namespace: 'default' }, spec: { selector: { app: 'sleepers' }, ports: [{ port: 80, protocol: 'TCP' }] } };
    await t.client.create(SERVICES, 'default', service);
    await waitFor(t, async () => expect(await conditions()).toEqual([{ ready: true, serving: true, terminating: false }]));

    await t.client.delete(PODS, 'default', 'sleeper');
    const deletedAt = t.clock.now();
    await waitFor(t, async () => expect(await conditions()).toEqual([{ ready: false, serving: true, terminating: true }]), { stepMs: 200, maxSteps: 50 });
    const endpoints = await t.client.get<Endpoints>(ENDPOINTS, 'default', 'sleepers');
    expect(endpoints.subsets ?? []).toEqual([]);

    await waitFor(t, async () => expect(await conditions()).toEqual([]), { stepMs: 1000, maxSteps: 60 });
    expect(t.clock.now() - deletedAt).toBeGreaterThanOrEqual(30_000);
  });
});
