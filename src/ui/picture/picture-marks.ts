// Turns API objects into what the picture draws: node marks (with the node pool's view of each
// machine), pod marks keyed by uid, and a one-line summary for the header and screen readers.

import type { Node, Pod } from '../../api/core';
import type { NodeState } from '../../cluster/node-pool';
import { compareNodes, nodeLook } from './node-look';
import type { NodeMark, PodMark } from './picture-layout';
import { podLook } from './pod-look';

export function nodeMarks(nodes: readonly Node[], hostStates: Readonly<Record<string, NodeState>>): NodeMark[] {
  return nodes
    .map((node) => nodeLook(node))
    .sort(compareNodes)
    .map((look) => ({ look, host: hostStates[look.name] }));
}

export function podMark(pod: Pod): PodMark {
  return {
    key: pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`,
    name: pod.metadata.name ?? '',
    namespace: pod.metadata.namespace ?? '',
    nodeName: pod.spec.nodeName,
    podIP: pod.status?.podIP,
    createdAt: pod.metadata.creationTimestamp ?? '',
    look: podLook(pod),
  };
}

/** "4 nodes (3 Ready), 5 pods: 4 Running, 1 Pending". */
export function summarize(nodes: readonly NodeMark[], pods: readonly PodMark[]): string {
  const counts: Record<string, number> = {};
  for (const pod of pods) counts[pod.look.status] = (counts[pod.look.status] ?? 0) + 1;
  const statuses = Object.entries(counts)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  const ready = nodes.filter((n) => n.look.readiness === 'Ready').length;
  return `${plural(nodes.length, 'node')} (${ready} Ready), ${plural(pods.length, 'pod')}${statuses ? `: ${statuses}` : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
