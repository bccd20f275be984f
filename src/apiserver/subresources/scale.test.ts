import { beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api-server';
import type { Deployment } from '../../api/apps';
import { findResource } from '../../api/scheme';

const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;
const SCALE = '/apis/apps/v1/namespaces/default/deployments/web/scale';

describe('the scale subresource', () => {
  let t: TestApi;
  let created: Deployment;
  beforeEach(async () => {
    t = await startTestApi();
    created = await t.client.create<Deployment>(DEPLOYMENTS, 'default', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web', tier: 'front' } }, template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
  });

  it('reads an autoscaling/v1 Scale of the deployment', async () => {
    const response = await t.send({ method: 'GET', path: SCALE });
    expect(response.body).toEqual({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web', namespace: 'default', uid: created.metadata.uid, resourceVersion: created.metadata.resourceVersion, creationTimestamp: created.metadata.creationTimestamp },
      spec: { replicas: 2 },
      status: { replicas: 0, selector: 'app=web,tier=front' },
    });
  });

  it('scales by merge patch, as kubectl scale does, bumping the generation', async () => {
    const response = await t.send({ method: 'PATCH', path: SCALE, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"spec":{"replicas":5}}' });
    expect(response.status).toBe(200);
    expect((response.body as { spec: unknown }).spec).toEqual({ replicas: 5 });
    const deployment = await t.client.get<Deployment>(DEPLOYMENTS, 'default', 'web');
    expect(deployment.spec.replicas).toBe(5);
    expect(deployment.metadata.generation).toBe(2);
  });

  it('scales by PUT with the resourceVersion as a precondition', async () => {
    const scale = (await t.send({ method: 'GET', path: SCALE })).body as { metadata: { resourceVersion: string } };
    const put = (replicas: number, resourceVersion: string) =>
      t.send({ method: 'PUT', path: SCALE, body: { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default', resourceVersion }, spec: { replicas } } });
    expect((await put(0, scale.metadata.resourceVersion)).status).toBe(200);
    expect((await t.client.get<Deployment>(DEPLOYMENTS, 'default', 'web')).spec.replicas).toBe(0);
    const stale = await put(4, scale.metadata.resourceVersion);
    expect(stale.status).toBe(409);
    expect((stale.body as { message: string }).message).toBe('Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('refuses negative replicas as an invalid Scale', async () => {
    const response = await t.send({ method: 'PATCH', path: SCALE, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"spec":{"replicas":-1}}' });
    expect(response.status).toBe(422);
    expect((response.body as { message: string }).message).toBe('Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });

  it('is not served for kinds without it', async () => {
    expect((await t.send({ method: 'GET', path: '/api/v1/namespaces/default/pods/x/scale' })).status).toBe(404);
  });
});
