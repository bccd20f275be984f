// The control-plane node's kubelet beyond its heartbeat, loaded as its own chunk once the node
// has registered: it publishes the static pods' mirror pods and serves their logs and exec (that
// part loaded on the first such request).

import type { Node } from '../../api/core';
import type { ApiServer } from '../../apiserver/api-server';
import type { KubeletEndpoint } from '../../apiserver/kubelet-connector';
import { ApiClient } from '../../client/client';
import type { ClusterClock } from '../clock';
import { lazyKubeletEndpoint } from './lazy-kubelet-endpoint';
import { STATIC_POD_COMPONENTS, staticPodManifest } from './manifests';
import { MirrorPodPublisher } from './mirror-pod-publisher';

export interface StaticPods {
  endpoint: KubeletEndpoint;
  /** Whether the pod named is one of these static pods' mirror pods. */
  holds(namespace: string, name: string): boolean;
  /** Settles once every mirror pod is published. */
  published: Promise<void>;
  stop(): void;
}

/** Publishes the mirror pods of `node` (at `nodeIP`), whose components started at store revision `startRevision`. */
export function startStaticPods(apiServer: ApiServer, clock: ClusterClock, node: Node, nodeIP: string, startRevision: number): StaticPods {
  const nodeName = node.metadata.name ?? '';
  const startedAt = clock.now();
  const manifests = STATIC_POD_COMPONENTS.map((component) => staticPodManifest(component, nodeName, nodeIP));
  const publisher = new MirrorPodPublisher(new ApiClient(apiServer, 'kubelet'), clock, nodeName, nodeIP, manifests, clock.timestamp(startedAt));
  const endpoint = lazyKubeletEndpoint(async () => {
    const { ControlPlaneKubelet } = await import('./control-plane-kubelet');
    return new ControlPlaneKubelet(nodeName, clock, { client: new ApiClient(apiServer, 'kubelet'), startedAt, startRevision, nodeIP });
  });
  const names = new Set(STATIC_POD_COMPONENTS.map((component) => `${component}-${nodeName}`));
  return { endpoint, holds: (namespace, name) => namespace === 'kube-system' && names.has(name), published: publisher.start(), stop: () => publisher.stop() };
}
