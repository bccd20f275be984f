// How a node looks in the picture: its STATUS as `kubectl get nodes` shows it (Ready, NotReady
// when the Ready condition is False or Unknown, Unknown without one; cordoned when
// unschedulable) and its roles, both read with the API server's own node printer helpers.

import type { Node } from '../../api/core';
import { nodeRoles } from '../../apiserver/tables/nodes';

export type NodeReadiness = 'Ready' | 'NotReady' | 'Unknown';

export interface NodeLook {
  name: string;
  roles: string[];
  readiness: NodeReadiness;
  cordoned: boolean;
  controlPlane: boolean;
}

export function nodeLook(node: Node): NodeLook {
  const roles = nodeRoles(node);
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const readiness: NodeReadiness = !ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady';
  return { name: node.metadata.name ?? '', roles, readiness, cordoned: node.spec?.unschedulable === true, controlPlane: roles.includes('control-plane') };
}

/** One collator for every comparison: `localeCompare` with options builds a new one per call. */
const byName = new Intl.Collator('en', { numeric: true });

/** Control-plane nodes first, then by name (kubetab-worker, kubetab-worker2, …). */
export function compareNodes(a: NodeLook, b: NodeLook): number {
  if (a.controlPlane !== b.controlPlane) return a.controlPlane ? -1 : 1;
  return byName.compare(a.name, b.name);
}
