// What a hollow node is: a kubemark-style node played by the main thread, with no worker and
// no containers. It registers a Node clearly marked as hollow, with kind-like labels, its own
// address and pod range (100.64.0.0/10, so pods on hollow nodes never collide with real ones).

import type { NodeConfig } from '../../../workers/node/protocol';
import { baseLabels, CLUSTER_NAME, NODE_CAPACITY } from '../topology';

export const HOLLOW_LABEL = 'kubetab.dev/hollow';
export const HOLLOW_ANNOTATION = 'kubetab.dev/hollow';
export const HOLLOW_EXPLANATION =
  'Hollow node (kubemark-style): simulated on the main thread, no worker and no containers. Pods bound here get kubelet-shaped statuses (Pending, ContainerCreating, Running and Ready) but run nothing, so their IPs do not answer.';
export const HOLLOW_IDENTITY = {
  kernelVersion: '6.1.0-kubetab',
  osImage: 'kubetab hollow node (simulated on the main thread, runs no containers)',
  containerRuntimeVersion: 'hollow://0.1.0',
};

/** `kubetab-hollow-1`, `kubetab-hollow-2`, … */
export function hollowName(index: number): string {
  return `${CLUSTER_NAME}-hollow-${index + 1}`;
}

export function hollowConfig(index: number): NodeConfig {
  const name = hollowName(index);
  const address = index + 2;
  return {
    name,
    internalIP: `172.19.${address >> 8}.${address & 255}`,
    podCIDR: `100.${64 + (index >> 8)}.${index & 255}.0/24`,
    labels: { ...baseLabels(name), [HOLLOW_LABEL]: 'true' },
    capacity: NODE_CAPACITY,
    statusUpdateSeconds: 10,
    pullDelayScale: 0,
  };
}
