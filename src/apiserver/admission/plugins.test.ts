import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../../test/support/api-server';
import type { Node } from '../../api/core';
import { findResource } from '../../api/scheme';

const NODES = findResource('', 'v1', 'nodes')!;

describe('TaintNodesByCondition', () => {
  it('taints a new node not-ready:NoSchedule, once, and leaves updates alone', async () => {
    const t = await startTestApi();
    const created = await t.client.create<Node>(NODES, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] } });
    expect(created.spec.taints).toEqual([
      { key: 'dedicated', value: 'x', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
    ]);
    const already = await t.client.create<Node>(NODES, undefined, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2' }, spec: { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] } });
    expect(already.spec.taints).toHaveLength(1);
    const untainted = await t.client.update<Node>(NODES, { ...created, spec: { ...created.spec, taints: [] } });
    expect(untainted.spec.taints).toBeUndefined();
  });
});
