import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../test/support/api-server';
import type { ConfigMap } from '../api/core';
import { findResource } from '../api/scheme';

const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!;

function configMap(name: string): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { a: 'b' } };
}

describe('the API client', () => {
  it('refuses a request for a named object with an empty name, as client-go does, and sends nothing', async () => {
    const t = await startTestApi();
    for (const name of ['one', 'two']) await t.client.create(CONFIG_MAPS, 'default', configMap(name));
    await expect(t.client.delete(CONFIG_MAPS, 'default', '')).rejects.toThrow('resource name may not be empty');
    await expect(t.client.get(CONFIG_MAPS, 'default', '')).rejects.toThrow('resource name may not be empty');
    await expect(t.client.update(CONFIG_MAPS, configMap(''))).rejects.toThrow('resource name may not be empty');
    await expect(t.client.patch(CONFIG_MAPS, 'default', '', { data: { a: 'c' } })).rejects.toThrow('resource name may not be empty');
    const left = await t.client.list<ConfigMap>(CONFIG_MAPS, 'default');
    expect(left.items.map((item) => [item.metadata.name, item.data])).toEqual([
      ['one', { a: 'b' }],
      ['two', { a: 'b' }],
    ]);
  });
});
