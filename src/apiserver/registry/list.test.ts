import { beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api-server';
import type { ConfigMap } from '../../api/core';
import type { KubeList } from '../../api/meta';
import { findResource } from '../../api/scheme';

const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!;
const PATH = '/api/v1/namespaces/default/configmaps';

describe('list', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await startTestApi({ historySize: 40 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) await t.client.create(CONFIG_MAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { v: '1' } } as ConfigMap);
  });

  const list = async (query: Record<string, string>) => {
    const response = await t.send({ method: 'GET', path: PATH, query });
    return { status: response.status, body: response.body as KubeList<ConfigMap> & { message?: string } };
  };

  it('pages with limit and continue through one consistent snapshot', async () => {
    const first = await list({ limit: '2' });
    expect(first.body.items.map((i) => i.metadata.name)).toEqual(['a', 'b']);
    expect(first.body.metadata.remainingItemCount).toBe(3);
    await t.client.patch(CONFIG_MAPS, 'default', 'd', { data: { v: '2' } });
    await t.client.create(CONFIG_MAPS, 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bb' } } as ConfigMap);
    const second = await list({ limit: '2', continue: first.body.metadata.continue ?? '' });
    expect(second.body.items.map((i) => [i.metadata.name, i.data?.v])).toEqual([
      ['c', '1'],
      ['d', '1'],
    ]);
    expect(second.body.metadata.resourceVersion).toBe(first.body.metadata.resourceVersion);
    const last = await list({ limit: '2', continue: second.body.metadata.continue ?? '' });
    expect(last.body.items.map((i) => i.metadata.name)).toEqual(['e']);
    expect(last.body.metadata.continue).toBeUndefined();
  });

  it('reads the state at an exact resourceVersion', async () => {
    const before = await list({});
    await t.client.delete(CONFIG_MAPS, 'default', 'a');
    await t.client.patch(CONFIG_MAPS, 'default', 'b', { data: { v: '2' } });
    const exact = await list({ resourceVersion: before.body.metadata.resourceVersion ?? '', resourceVersionMatch: 'Exact' });
    expect(exact.body.items.map((i) => [i.metadata.name, i.data?.v])).toEqual(before.body.items.map((i) => [i.metadata.name, i.data?.v]));
    expect(exact.body.metadata.resourceVersion).toBe(before.body.metadata.resourceVersion);
    const latest = await list({ resourceVersion: before.body.metadata.resourceVersion ?? '' });
    expect(latest.body.items.map((i) => i.metadata.name)).toEqual(['b', 'c', 'd', 'e']);
  });

  it('answers 410 for an exact version that is compacted and 504 for one from the future', async () => {
    for (let i = 0; i < 50; i++) await t.client.patch(CONFIG_MAPS, 'default', 'a', { data: { v: String(i) } });
    const old = await list({ resourceVersion: '3', resourceVersionMatch: 'Exact' });
    expect(old.status).toBe(410);
    expect(old.body.message).toBe('The resourceVersion for the provided list is too old.');
    const future = await list({ resourceVersion: String(t.store.revision + 10) });
    expect(future.status).toBe(504);
    expect(future.body.message).toBe(`Timeout: Too large resource version: ${t.store.revision + 10}, current: ${t.store.revision}`);
  });

  it('validates the options with upstream messages', async () => {
    expect((await list({ resourceVersionMatch: 'Exact' })).body.message).toBe(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided',
    );
    expect((await list({ resourceVersion: '0', resourceVersionMatch: 'Exact' })).body.message).toMatch(/resourceVersionMatch "exact" is forbidden for resourceVersion "0"/);
    expect((await list({ continue: 'not-a-token' })).status).toBe(400);
    expect((await list({ fieldSelector: 'spec.nothing=1' })).body.message).toBe('field label not supported: spec.nothing');
  });
});
