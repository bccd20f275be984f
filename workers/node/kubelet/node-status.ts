// A node as its kubelet registers and reports it: labels, pod range, capacity, conditions,
// addresses, node info and images, and the Lease that serves as its heartbeat. Upstream:
// pkg/kubelet/kubelet_node_status.go, pkg/kubelet/nodestatus/setters.go, pkg/kubelet/nodelease.

import type { Lease } from '../../../src/api/apps';
import type { Node, NodeCondition } from '../../../src/api/core';
import { bytes } from '../../../src/api/quantity';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { NodeConfig } from '../protocol';

export const KUBELET_VERSION = 'v1.32.2';
export const LEASE_DURATION_SECONDS = 40;
/** The kubelet renews its Lease every quarter of the lease duration. */
export const LEASE_RENEW_SECONDS = 10;
/** Unchanged status is still reported this often (nodeStatusReportFrequency). */
export const STATUS_REPORT_SECONDS = 300;

export interface NodeIdentity {
  kernelVersion: string;
  osImage: string;
  containerRuntimeVersion: string;
}

export const WORKER_IDENTITY: NodeIdentity = {
  kernelVersion: '6.1.0-kubetab',
  osImage: 'kubetab WebAssembly node (Debian GNU/Linux 12 (bookworm) compatible)',
  containerRuntimeVersion: 'kubetab-wasi://0.1.0',
};

function kibibytes(quantity: string): string {
  return `${Math.floor(bytes(quantity) / 1024)}Ki`;
}

export function nodeResources(config: NodeConfig): Record<string, string> {
  return {
    cpu: config.capacity.cpu,
    'ephemeral-storage': kibibytes(config.capacity['ephemeral-storage']),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: kibibytes(config.capacity.memory),
    pods: config.capacity.pods,
  };
}

export function readyConditions(now: string, ready = true): NodeCondition[] {
  const condition = (type: string, status: string, reason: string, message: string): NodeCondition => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    ready
      ? condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status')
      : condition('Ready', 'False', 'KubeletNotReady', 'container runtime status check may not have completed yet'),
  ];
}

/** The Node object a kubelet registers. */
export function registrationNode(config: NodeConfig, identity: NodeIdentity, clock: ClusterClock, taints: Node['spec']['taints'] = undefined): Node {
  const resources = nodeResources(config);
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: config.name,
      labels: { ...config.labels },
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: config.podCIDR, podCIDRs: [config.podCIDR], providerID: `kind://docker/kubetab/${config.name}` },
    status: {
      capacity: resources,
      allocatable: { ...resources },
      conditions: readyConditions(clock.timestamp()),
      addresses: [
        { type: 'InternalIP', address: config.internalIP },
        { type: 'Hostname', address: config.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: machineId(config.name),
        systemUUID: machineId(`${config.name}-uuid`).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        bootID: machineId(`${config.name}-boot-${clock.now()}`).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        kernelVersion: identity.kernelVersion,
        osImage: identity.osImage,
        containerRuntimeVersion: identity.containerRuntimeVersion,
        kubeletVersion: KUBELET_VERSION,
        kubeProxyVersion: KUBELET_VERSION,
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
  if (taints && taints.length > 0) node.spec.taints = taints;
  return node;
}

/** A stable 32-hex-digit id derived from a name (FNV-1a, four rounds). */
function machineId(seed: string): string {
  let out = '';
  for (let round = 0; round < 4; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) {
      hash ^= seed.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

/** The node's Lease in kube-node-lease, owned by the Node. */
export function nodeLease(node: Node, clock: ClusterClock): Lease {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: node.metadata.name,
      namespace: 'kube-node-lease',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name ?? '', uid: node.metadata.uid ?? '' }],
    },
    spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: clock.microTimestamp() },
  };
}
