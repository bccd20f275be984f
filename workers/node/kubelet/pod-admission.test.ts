import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../../src/api/core';
import { admitPod, allocatableOf } from './pod-admission';

const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'kubetab-worker', labels: { 'kubernetes.io/hostname': 'kubetab-worker' } }, spec: {} };
const allocatable = allocatableOf({ cpu: '4', memory: '8388608Ki', pods: '110' });

function pod(name: string, cpu?: string, memory?: string, nodeSelector?: Record<string, string>): Pod {
  const requests: Record<string, string> = {};
  if (cpu) requests.cpu = cpu;
  if (memory) requests.memory = memory;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeSelector, containers: [{ name: 'c', resources: { requests } }] } };
}

describe('admitPod', () => {
  it('admits a pod that fits beside the running ones', () => {
    expect(admitPod(pod('a', '1', '1Gi'), [pod('b', '2', '2Gi')], node, allocatable)).toBeUndefined();
  });

  it('refuses cpu first, with the kubelet message in millicores', () => {
    expect(admitPod(pod('a', '3', '100Gi'), [pod('b', '2')], node, allocatable)).toEqual({
      reason: 'OutOfcpu',
      message: "Node didn't have enough resource: cpu, requested: 3000, used: 2000, capacity: 4000",
    });
  });

  it('refuses memory in bytes', () => {
    expect(admitPod(pod('a', undefined, '9Gi'), [], node, allocatable)).toEqual({
      reason: 'OutOfmemory',
      message: "Node didn't have enough resource: memory, requested: 9663676416, used: 0, capacity: 8589934592",
    });
  });

  it('refuses a pod whose node selector the node does not match', () => {
    expect(admitPod(pod('a', undefined, undefined, { disk: 'ssd' }), [], node, allocatable)?.reason).toBe('NodeAffinity');
  });

  it('refuses a pod that does not tolerate a NoExecute taint of the node, and only those', () => {
    const tainted: Node = { ...node, spec: { taints: [{ key: 'maintenance', value: 'now', effect: 'NoExecute' }, { key: 'gpu', effect: 'NoSchedule' }] } };
    expect(admitPod(pod('a'), [], tainted, allocatable)).toEqual({
      reason: 'TaintToleration',
      message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
    });
    const tolerating = pod('b');
    tolerating.spec.tolerations = [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute' }];
    expect(admitPod(tolerating, [], tainted, allocatable)).toBeUndefined();
  });
});

