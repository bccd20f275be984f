// The node-local filter plugins, in upstream's order: NodeUnschedulable, NodeName,
// TaintToleration, NodeAffinity, NodePorts and NodeResourcesFit, with upstream's failure
// reasons. They read the pod's pre-computed PodInfo and allocate nothing when a node fits.
// Upstream: pkg/scheduler/framework/plugins/{nodeunschedulable,nodename,tainttoleration,
// nodeaffinity,nodeports,noderesources}.

import { nodeMatchesPod } from '../../api/node-affinity';
import { formatTaint, toleratedBy } from '../../api/taints';
import { unresolvable, unschedulable, type FilterFailure, type FilterPlugin } from '../framework';

const UNSCHEDULABLE_NODE = unresolvable('node(s) were unschedulable');
const OTHER_NODE = unresolvable("node(s) didn't match the requested node name");
const AFFINITY_MISMATCH = unresolvable("node(s) didn't match Pod's node affinity/selector");
const PORTS_TAKEN = unschedulable("node(s) didn't have free ports for the requested pod ports");
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(state, info) {
    if (!info.node.spec.unschedulable) return undefined;
    return toleratedBy(UNSCHEDULABLE_TAINT, state.pod.tolerations) ? undefined : UNSCHEDULABLE_NODE;
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
    const tooMany = info.requested.pods + 1 > info.allocatable.pods;
    const cpu = want.milliCpu > 0 && info.requested.milliCpu + want.milliCpu > info.allocatable.milliCpu;
    const memory = want.memory > 0 && info.requested.memory + want.memory > info.allocatable.memory;
    if (!tooMany && !cpu && !memory) return undefined;
    const reasons: string[] = [];
    if (tooMany) reasons.push('Too many pods');
    if (cpu) reasons.push('Insufficient cpu');
    if (memory) reasons.push('Insufficient memory');
    return unschedulable(...reasons) as FilterFailure;
  },
};
