// The node-local filter plugins: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity,
// NodePorts and NodeResourcesFit, with upstream's failure reasons. Upstream:
// pkg/scheduler/framework/plugins/{nodeunschedulable,nodename,tainttoleration,nodeaffinity,
// nodeports,noderesources}.

import type { Pod } from '../../api/core';
import { nodeMatchesPod } from '../../api/node-affinity';
import { formatTaint, toleratedBy } from '../../api/taints';
import { podRequests, unresolvable, unschedulable, type FilterPlugin } from '../framework';

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, info) {
    if (!info.node.spec.unschedulable) return undefined;
    const tolerated = toleratedBy({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }, pod.spec.tolerations);
    return tolerated ? undefined : unresolvable('node(s) were unschedulable');
  },
};

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, info) {
    return pod.spec.nodeName && pod.spec.nodeName !== info.node.metadata.name ? unresolvable("node(s) didn't match the requested node name") : undefined;
  },
};

export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, info) {
    const taint = (info.node.spec.taints ?? []).find(
      (t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratedBy(t, pod.spec.tolerations),
    );
    return taint ? unresolvable(`node(s) had untolerated taint ${formatTaint(taint)}`) : undefined;
  },
};

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, info) {
    return nodeMatchesPod(pod, info.node) ? undefined : unresolvable("node(s) didn't match Pod's node affinity/selector");
  },
};

export function hostPorts(pod: Pod): string[] {
  const ports: string[] = [];
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) if (p.hostPort) ports.push(`${p.protocol ?? 'TCP'}/${p.hostIP || '0.0.0.0'}/${p.hostPort}`);
  }
  return ports;
}

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(pod, info) {
    const conflict = hostPorts(pod).some((port) => {
      const [protocol, ip, number] = port.split('/');
      for (const used of info.usedPorts) {
        const [uProtocol, uIp, uNumber] = used.split('/');
        if (uProtocol === protocol && uNumber === number && (uIp === ip || uIp === '0.0.0.0' || ip === '0.0.0.0')) return true;
      }
      return false;
    });
    return conflict ? unschedulable("node(s) didn't have free ports for the requested pod ports") : undefined;
  },
};

export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, info) {
    const want = podRequests(pod);
    const reasons: string[] = [];
    if (info.requested.pods + 1 > info.allocatable.pods) reasons.push('Too many pods');
    if (want.milliCpu > 0 && info.requested.milliCpu + want.milliCpu > info.allocatable.milliCpu) reasons.push('Insufficient cpu');
    if (want.memory > 0 && info.requested.memory + want.memory > info.allocatable.memory) reasons.push('Insufficient memory');
    return reasons.length > 0 ? unschedulable(...reasons) : undefined;
  },
};

export const FILTERS: readonly FilterPlugin[] = [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit];
