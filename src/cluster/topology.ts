// The shape of a kubetab cluster as kind would lay it out: node names, addresses, pod ranges,
// labels and capacity. Pure data, so the browser, Node and tests build the same cluster.

import type { NodeConfig } from '../../workers/node/protocol';

export const CLUSTER_NAME = 'kubetab';
export const CONTROL_PLANE_NODE = `${CLUSTER_NAME}-control-plane`;
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const CLUSTER_DNS_IP = '10.96.0.10';

/** `kubetab-worker`, `kubetab-worker2`, … as kind names worker nodes. */
export function workerName(index: number): string {
  return index === 0 ? `${CLUSTER_NAME}-worker` : `${CLUSTER_NAME}-worker${index + 1}`;
}

/** The node's address on the cluster's network: the control plane is .2, workers follow. */
export function nodeIP(index: number): string {
  const n = index + 2;
  return `172.18.${n >> 8}.${n & 255}`;
}

export function baseLabels(name: string): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
}

export const NODE_CAPACITY: NodeConfig['capacity'] = {
  cpu: '4',
  memory: '8Gi',
  pods: '110',
  'ephemeral-storage': '100Gi',
};

/**
 * The control-plane node's configuration: kind's control-plane labels, and the NoSchedule taint
 * that keeps ordinary pods off it (pods that tolerate it, or name it, run there).
 */
export function controlPlaneConfig(overrides: Partial<NodeConfig> = {}): NodeConfig {
  return {
    name: CONTROL_PLANE_NODE,
    internalIP: nodeIP(0),
    podCIDR: '10.244.0.0/24',
    labels: {
      ...baseLabels(CONTROL_PLANE_NODE),
      'node-role.kubernetes.io/control-plane': '',
      'node.kubernetes.io/exclude-from-external-load-balancers': '',
    },
    capacity: NODE_CAPACITY,
    statusUpdateSeconds: 10,
    pullDelayScale: 1,
    registerWithTaints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    ...overrides,
  };
}

/** The configuration of worker node `index` (0-based): kind's names, a /24 pod range each. */
export function workerConfig(index: number, overrides: Partial<NodeConfig> = {}): NodeConfig {
  const name = workerName(index);
  return {
    name,
    internalIP: nodeIP(index + 1),
    podCIDR: `10.244.${index + 1}.0/24`,
    labels: baseLabels(name),
    capacity: NODE_CAPACITY,
    statusUpdateSeconds: 10,
    pullDelayScale: 1,
    ...overrides,
  };
}
