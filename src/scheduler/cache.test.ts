import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/core';
import { SchedulerCache } from './cache';
import { podInfo } from './pod-info';

function node(name: string, cpu: string, taints: NonNullable<Node['spec']['taints']> = []): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { taints }, status: { allocatable: { cpu, memory: '4Gi', pods: '110' } } };
}

function pod(name: string, nodeName: string, cpu: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu, memory: '1Gi' } } }] },
    status: { phase: 'Running' },
  };
}

describe('SchedulerCache', () => {
  it('keeps each node figures in its NodeTable slot as pods come and go', () => {
    const cache = new SchedulerCache();
    cache.setNode(node('a', '2'));
    cache.setNode(node('b', '4'));
    cache.setPod(pod('p1', 'b', '500m'));
    cache.assume(podInfo(pod('p2', '', '250m')), 'b');
    const b = cache.node('b')!;
    expect([cache.table.allocatableMilliCpu[b.index], cache.table.requestedMilliCpu[b.index], cache.table.requestedPods[b.index]]).toEqual([4000, 750, 2]);
    cache.forget('default/p2');
    expect(cache.table.requestedMilliCpu[b.index]).toBe(500);
  });

  it('moves the last node into a removed node slot, figures and taint counts included', () => {
    const cache = new SchedulerCache();
    cache.setNode(node('a', '1', [{ key: 'x', effect: 'PreferNoSchedule' }]));
    cache.setNode(node('b', '2'));
    cache.setNode(node('c', '3', [{ key: 'y', effect: 'NoSchedule' }]));
    cache.setPod(pod('p', 'c', '1'));
    expect(cache.table.softTaintedNodes).toBe(1);
    cache.removeNode(node('a', '1'));
    const c = cache.node('c')!;
    expect(c.index).toBe(0);
    expect(cache.nodeList.map((n) => n.name)).toEqual(['c', 'b']);
    expect([cache.table.allocatableMilliCpu[0], cache.table.requestedMilliCpu[0], cache.table.hardTaints[0]]).toEqual([3000, 1000, 1]);
    expect(cache.table.allocatableMilliCpu[2]).toBe(0);
    expect(cache.table.softTaintedNodes).toBe(0);
  });
});
