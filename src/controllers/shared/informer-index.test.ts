import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../../test/support/api-server';
import type { Pod } from '../../api/core';
import { findResource } from '../../api/scheme';
import { Informer } from '../../client/informer';
import { byNodeName, InformerIndex } from './informer-index';

const PODS = findResource('', 'v1', 'pods')!;

describe('an informer index', () => {
  it('moves an object between buckets when its index value changes, and keeps the newest copy when it does not', async () => {
    const t = await startTestApi();
    const informer = new Informer<Pod>(t.client, PODS, t.clock);
    const byNode = new InformerIndex(informer, byNodeName);
    informer.start();
    await informer.waitForSync();
    const names = (node: string) => [...byNode.values(node)].map((pod) => pod.metadata.name).sort();
    const create = (name: string) => t.client.create(PODS, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as Pod);
    const bind = (name: string, node: string) =>
      t.client.create(PODS, 'default', { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: node } } as never, 'binding');

    await create('a');
    await create('b');
    expect(byNode.count('n1')).toBe(0);
    await bind('a', 'n1');
    await bind('b', 'n1');
    expect(names('n1')).toEqual(['a', 'b']);

    await t.client.patch(PODS, 'default', 'a', { metadata: { labels: { tier: 'web' } } }, 'merge');
    expect(byNode.get('n1').find((pod) => pod.metadata.name === 'a')?.metadata.labels).toEqual({ tier: 'web' });
    expect(byNode.count('n1')).toBe(2);

    await t.client.delete(PODS, 'default', 'a', { gracePeriodSeconds: 0 });
    await t.client.delete(PODS, 'default', 'b', { gracePeriodSeconds: 0 });
    expect(byNode.count('n1')).toBe(0);
    expect(names('n1')).toEqual([]);
    informer.stop();
  });
});
