// The kubelet's admission of a pod bound to its node, for pods that reach it without the
// scheduler's accounting (spec.nodeName set by hand): the pod must fit in what the node has
// left (pods, cpu, memory), match the node's labels as they are now, and tolerate its NoExecute
// taints. A refused pod fails with the first reason (OutOfcpu, OutOfmemory, OutOfpods,
// NodeAffinity, TaintToleration). Upstream: pkg/kubelet/lifecycle/predicate.go (generalFilter,
// InsufficientResourceError), kubelet.go rejectPod.

import type { Node, Pod } from '../../../src/api/core';
import { nodeMatchesPod } from '../../../src/api/node-affinity';
import { bytes, milliCpu } from '../../../src/api/quantity';
import { toleratedBy } from '../../../src/api/taints';
import { podRequests } from '../../../src/scheduler/pod-info';

export interface Rejection {
  reason: string;
  message: string;
}

export interface NodeAllocatable {
  milliCpu: number;
  memory: number;
  pods: number;
}

export function allocatableOf(resources: Record<string, string>): NodeAllocatable {
  return { milliCpu: milliCpu(resources.cpu), memory: bytes(resources.memory), pods: Number(resources.pods) };
}

/** Why `pod` cannot run beside `active` (the node's admitted, unfinished pods), or undefined. */
export function admitPod(pod: Pod, active: readonly Pod[], node: Node, allocatable: NodeAllocatable): Rejection | undefined {
  const wanted = podRequests(pod);
  const used = active.reduce((sum, other) => {
    const requests = podRequests(other);
    return { milliCpu: sum.milliCpu + requests.milliCpu, memory: sum.memory + requests.memory };
  }, { milliCpu: 0, memory: 0 });
  const shortfalls: [string, number, number, number][] = [
    ['pods', 1, active.length, allocatable.pods],
    ['cpu', wanted.milliCpu, used.milliCpu, allocatable.milliCpu],
    ['memory', wanted.memory, used.memory, allocatable.memory],
  ];
  for (const [resource, requested, inUse, capacity] of shortfalls) {
    if (requested > 0 && requested > capacity - inUse) {
      return { reason: `OutOf${resource}`, message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${inUse}, capacity: ${capacity}` };
    }
  }
  if (!nodeMatchesPod(pod, node)) return { reason: 'NodeAffinity', message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" };
  const untolerated = (node.spec?.taints ?? []).some((taint) => taint.effect === 'NoExecute' && !toleratedBy(taint, pod.spec.tolerations));
  if (untolerated) return { reason: 'TaintToleration', message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate" };
  return undefined;
}
