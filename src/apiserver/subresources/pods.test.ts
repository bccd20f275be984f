import { beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api-server';
import type { Pod } from '../../api/core';
import { findResource } from '../../api/scheme';

const PODS = findResource('', 'v1', 'pods')!;
const POD_PATH = '/api/v1/namespaces/default/pods/web';

describe('pod subresources', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await startTestApi();
    await t.client.create(PODS, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as Pod);
  });

  const bind = (node: string) => t.send({ method: 'POST', path: `${POD_PATH}/binding`, body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'web' }, target: { kind: 'Node', name: node } } });

  it('binds a pod once, marking it scheduled, and refuses a second binding', async () => {
    expect((await bind('n1')).status).toBe(201);
    const pod = await t.client.get<Pod>(PODS, 'default', 'web');
    expect(pod.spec.nodeName).toBe('n1');
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'True', lastProbeTime: null });
    const again = await bind('n2');
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe('Operation cannot be fulfilled on pods "web": pod web is already assigned to node "n1"');
  });

  it('evicts a running pod gracefully, with the DisruptionTarget condition', async () => {
    await bind('n1');
    const evicted = await t.send({ method: 'POST', path: `${POD_PATH}/eviction`, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web', namespace: 'default' } } });
    expect(evicted).toMatchObject({ status: 201, body: { kind: 'Status', status: 'Success', code: 201 } });
    const pod = await t.client.get<Pod>(PODS, 'default', 'web');
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
  });

  it('deletes an unscheduled pod at once, honouring the grace period of the eviction', async () => {
    const evicted = await t.send({ method: 'POST', path: `${POD_PATH}/eviction`, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web' }, deleteOptions: { gracePeriodSeconds: 0 } } });
    expect(evicted.status).toBe(201);
    expect((await t.send({ method: 'GET', path: POD_PATH })).status).toBe(404);
  });

  it('refuses an eviction naming another pod', async () => {
    const response = await t.send({ method: 'POST', path: `${POD_PATH}/eviction`, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'other' } } });
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toBe('name in URL does not match name in Eviction object');
  });
});
