// The taints the node lifecycle controller owns: NoExecute not-ready/unreachable for a node
// whose Ready condition is False/Unknown (pods that do not tolerate them are evicted), and the
// NoSchedule taints that mirror conditions (TaintNodesByCondition) and cordoning. Upstream:
// pkg/controller/nodelifecycle/node_lifecycle_controller.go (doNoScheduleTaintingPass,
// NotReadyTaintTemplate, UnreachableTaintTemplate).

import type { Node, Taint } from '../../api/core';

export const NOT_READY = 'node.kubernetes.io/not-ready';
export const UNREACHABLE = 'node.kubernetes.io/unreachable';
export const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: NOT_READY, Unknown: UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

export function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function hasTaint(node: Node, taint: Taint): boolean {
  return (node.spec.taints ?? []).some((t) => sameTaint(t, taint));
}

/** The NoSchedule taints the node's conditions and cordon call for. */
export function wantedNoScheduleTaints(node: Node): Taint[] {
  const taints: Taint[] = [];
  for (const condition of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[condition.type]?.[condition.status];
    if (key) taints.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec.unschedulable) taints.push({ key: UNSCHEDULABLE, effect: 'NoSchedule' });
  return taints;
}

/** The NoSchedule taints of the node this controller manages (condition and cordon taints). */
export function managedNoScheduleTaints(node: Node): Taint[] {
  return (node.spec.taints ?? []).filter((t) => t.effect === 'NoSchedule' && (t.key === UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
}

/** The node's taints with `add` added (stamped with `timeAdded`) and `remove` removed; undefined if unchanged. */
export function swapTaints(node: Node, add: readonly Taint[], remove: readonly Taint[], timeAdded: string): Taint[] | undefined {
  const current = node.spec.taints ?? [];
  let next = current.filter((t) => !remove.some((r) => sameTaint(t, r)));
  for (const taint of add) if (!next.some((t) => sameTaint(t, taint))) next = [...next, { ...taint, timeAdded }];
  if (next.length === current.length && next.every((t, i) => t === current[i])) return undefined;
  return next;
}
