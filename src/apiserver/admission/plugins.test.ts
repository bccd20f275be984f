import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../../test/support/api-server';
import type { Node, Pod } from '../../api/core';
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

describe('Priority', () => {
  const PODS = findResource('', 'v1', 'pods')!;
  const pod = (name: string, spec: Partial<Pod['spec']>): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });

  it('resolves the built-in priority classes, and gives a pod without one priority 0', async () => {
    const t = await startTestApi();
    expect((await t.client.create<Pod>(PODS, 'default', pod('critical', { priorityClassName: 'system-cluster-critical' }))).spec).toMatchObject({ priority: 2000000000, preemptionPolicy: 'PreemptLowerPriority' });
    expect((await t.client.create<Pod>(PODS, 'default', pod('node', { priorityClassName: 'system-node-critical', priority: 2000001000 }))).spec.priority).toBe(2000001000);
    expect((await t.client.create<Pod>(PODS, 'default', pod('plain', {}))).spec.priority).toBe(0);
  });

  it('refuses an unknown class, or a priority the class does not give, and creates nothing', async () => {
    const t = await startTestApi();
    await expect(t.client.create(PODS, 'default', pod('high', { priorityClassName: 'high' }))).rejects.toThrow('pods "high" is forbidden: no PriorityClass with name high was found');
    await expect(t.client.create(PODS, 'default', pod('proto', { priorityClassName: 'constructor' }))).rejects.toThrow('no PriorityClass with name constructor was found');
    await expect(t.client.create(PODS, 'default', pod('wrong', { priorityClassName: 'system-cluster-critical', priority: 7 }))).rejects.toThrow(
      'pods "wrong" is forbidden: the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 2000000000 from the given PriorityClass name',
    );
    expect((await t.client.list(PODS, 'default')).items).toEqual([]);
  });
});
