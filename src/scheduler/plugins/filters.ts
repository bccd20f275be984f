// The node-local filter plugins, in upstream's order: NodeUnschedulable, NodeName,
// TaintToleration, NodeAffinity, NodePorts and NodeResourcesFit, with upstream's failure
// reasons. They read the pod's pre-computed PodInfo and allocate nothing when a node fits; the
// ones every pod runs also filter many nodes at once from the NodeTable's columns. Upstream: pkg/scheduler/framework/plugins/{nodeunschedulable,nodename,tainttoleration,
// nodeaffinity,nodeports,noderesources}.

import { nodeMatchesPod } from '../../api/node-affinity';
import { formatTaint, toleratedBy } from '../../api/taints';
import { unresolvable, unschedulable, type CycleState, type FilterFailure, type FilterPlugin, type NodeInfo } from '../framework';

const UNSCHEDULABLE_NODE = unresolvable('node(s) were unschedulable');
const OTHER_NODE = unresolvable("node(s) didn't match the requested node name");
const AFFINITY_MISMATCH = unresolvable("node(s) didn't match Pod's node affinity/selector");
const PORTS_TAKEN = unschedulable("node(s) didn't have free ports for the requested pod ports");
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/**
 * Runs `filter` only on the slots whose `flags` entry is non-zero (every other slot passes), and
 * compacts the passing slots to the front.
 */
function filterFlagged(
  state: CycleState,
  slots: Int32Array,
  count: number,
  failures: FilterFailure[],
  flags: Uint8Array | Uint32Array,
  filter: (state: CycleState, node: NodeInfo) => FilterFailure | undefined,
): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const slot = slots[i];
    const failure = flags[slot] === 0 ? undefined : filter(state, state.allNodes[slot]);
    if (failure) failures.push(failure);
    else slots[kept++] = slot;
  }
  return kept;
}

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, info) {
    if (!info.node.spec.unschedulable) return undefined;
    return toleratedBy(UNSCHEDULABLE_TAINT, state.pod.tolerations) ? undefined : UNSCHEDULABLE_NODE;
  },
  filterSlots(state, slots, count, failures) {
    return filterFlagged(state, slots, count, failures, state.table.unschedulable, this.filter);
  },
};

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  preFilter: (state) => (state.pod.pod.spec.nodeName ? undefined : 'skip'),
  filter(state, info) {
    const wanted = state.pod.pod.spec.nodeName;
    return wanted && wanted !== info.name ? OTHER_NODE : undefined;
  },
};

export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(state, info) {
    for (const taint of info.hardTaints) {
      if (!toleratedBy(taint, state.pod.tolerations)) return unresolvable(`node(s) had untolerated taint ${formatTaint(taint)}`);
    }
    return undefined;
  },
  filterSlots(state, slots, count, failures) {
    return filterFlagged(state, slots, count, failures, state.table.hardTaints, this.filter);
  },
};

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  preFilter(state) {
    const spec = state.pod.pod.spec;
    return spec.nodeSelector || spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution ? undefined : 'skip';
  },
  filter(state, info) {
    return nodeMatchesPod(state.pod.pod, info.node) ? undefined : AFFINITY_MISMATCH;
  },
};

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  preFilter: (state) => (state.pod.hostPorts.length > 0 ? undefined : 'skip'),
  filter(state, info) {
    for (const wanted of state.pod.hostPorts) {
      for (const used of info.usedPorts) {
        if (used.protocol === wanted.protocol && used.port === wanted.port && (used.ip === wanted.ip || used.ip === '0.0.0.0' || wanted.ip === '0.0.0.0')) return PORTS_TAKEN;
      }
    }
    return undefined;
  },
};

export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(state, info) {
    const want = state.pod.requests;
    const table = state.table;
    const slot = info.index;
    const tooMany = table.requestedPods[slot] + 1 > table.allocatablePods[slot];
    const cpu = want.milliCpu > 0 && table.requestedMilliCpu[slot] + want.milliCpu > table.allocatableMilliCpu[slot];
    const memory = want.memory > 0 && table.requestedMemory[slot] + want.memory > table.allocatableMemory[slot];
    if (!tooMany && !cpu && !memory) return undefined;
    const reasons: string[] = [];
    if (tooMany) reasons.push('Too many pods');
    if (cpu) reasons.push('Insufficient cpu');
    if (memory) reasons.push('Insufficient memory');
    return unschedulable(...reasons) as FilterFailure;
  },
  filterSlots(state, slots, count, failures) {
    const { milliCpu, memory } = state.pod.requests;
    const { requestedPods, allocatablePods, requestedMilliCpu, allocatableMilliCpu, requestedMemory, allocatableMemory } = state.table;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const slot = slots[i];
      const short =
        requestedPods[slot] + 1 > allocatablePods[slot] ||
        (milliCpu > 0 && requestedMilliCpu[slot] + milliCpu > allocatableMilliCpu[slot]) ||
        (memory > 0 && requestedMemory[slot] + memory > allocatableMemory[slot]);
      if (!short) slots[kept++] = slot;
      else failures.push(this.filter(state, state.allNodes[slot]) as FilterFailure);
    }
    return kept;
  },
};
