// What the node lifecycle controller knows of each node's health: when it last heard from the
// kubelet (a new Ready heartbeat or a renewed Lease), and the status it writes once the node
// has been silent longer than the grace period: Ready, MemoryPressure, DiskPressure and
// PIDPressure Unknown with reason NodeStatusUnknown. Upstream:
// pkg/controller/nodelifecycle/node_lifecycle_controller.go (tryUpdateNodeHealth).

import type { Lease } from '../../api/apps';
import type { Node, NodeCondition } from '../../api/core';

/** node-monitor-grace-period (50 s since 1.32). */
export const GRACE_PERIOD_MS = 50_000;
/** node-startup-grace-period: a node that never reported Ready gets this long. */
export const STARTUP_GRACE_PERIOD_MS = 60_000;
const SILENT_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export interface NodeHealth {
  readyHeartbeat?: string;
  readyTransition?: string;
  leaseRenewTime?: string;
  /** When this controller last heard from the node (cluster ms). */
  probeAt: number;
}

export function readyOf(node: Node): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}

/** Updates `health` from what the node and its Lease show now. */
export function observe(health: NodeHealth | undefined, node: Node, lease: Lease | undefined, now: number): NodeHealth {
  const ready = readyOf(node);
  let next: NodeHealth;
  if (!health) {
    next = { readyHeartbeat: ready?.lastHeartbeatTime, readyTransition: ready?.lastTransitionTime, probeAt: Date.parse(node.metadata.creationTimestamp ?? '') || now };
  } else if ((health.readyHeartbeat === undefined) !== (ready === undefined) || (ready && health.readyHeartbeat !== ready.lastHeartbeatTime)) {
    next = { ...health, readyHeartbeat: ready?.lastHeartbeatTime, readyTransition: ready?.lastTransitionTime, probeAt: now };
  } else {
    next = { ...health };
  }
  const renew = lease?.spec.renewTime;
  if (renew && (!health?.leaseRenewTime || Date.parse(health.leaseRenewTime) < Date.parse(renew))) {
    next.leaseRenewTime = renew;
    next.probeAt = now;
  }
  return next;
}

/**
 * The node's conditions once it has been silent past its grace period (all Unknown), or
 * undefined while it is still heard from.
 */
export function silentConditions(node: Node, health: NodeHealth, now: number, timestamp: string): NodeCondition[] | undefined {
  const grace = readyOf(node) ? GRACE_PERIOD_MS : STARTUP_GRACE_PERIOD_MS;
  if (now <= health.probeAt + grace) return undefined;
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
  for (const type of SILENT_CONDITIONS) {
    const current = conditions.find((c) => c.type === type);
    if (!current) {
      conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: timestamp });
    } else if (current.status !== 'Unknown') {
      current.status = 'Unknown';
      current.reason = 'NodeStatusUnknown';
      current.message = 'Kubelet stopped posting node status.';
      current.lastTransitionTime = timestamp;
    }
  }
  return conditions;
}
