// The pods of hollow nodes, driven through their stages by one shared pod watch: a pod bound to
// a hollow node reports ContainerCreating, then Running and Ready, after the stage delays on
// the cluster clock; a pod being deleted is removed at once (no containers to stop). A stopped
// or partitioned hollow node leaves its pods as they are until it is back.

import type { Pod } from '../../api/core';
import { objectKey } from '../../api/meta';
import { findResource } from '../../api/scheme';
import { isConflict, isNotFound, type ApiClient } from '../../client/client';
import { Informer } from '../../client/informer';
import { IpAllocator } from '../../../workers/node/kubelet/ip-allocator';
import type { NodeConfig } from '../../../workers/node/protocol';
import type { ClusterClock } from '../clock';
import { hollowPodStatus, STAGE_DELAYS_MS, type HollowPodStage } from './hollow-pod-status';

const PODS = findResource('', 'v1', 'pods')!;

interface HollowHost {
  config: NodeConfig;
  ips: IpAllocator;
  /** Pod key → IP, for pods this node has given an address. */
  podIPs: Map<string, string>;
}

export class HollowPodDriver {
  private readonly hosts = new Map<string, HollowHost>();
  private readonly pending = new Set<string>();
  readonly pods: Informer<Pod>;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    private readonly isSilent: (node: string) => boolean,
  ) {
    this.pods = new Informer<Pod>(client, PODS, clock);
    this.pods.addHandlers({
      onAdd: (pod) => this.consider(pod),
      onUpdate: (_old, pod) => this.consider(pod),
      onDelete: (pod) => this.forget(pod),
    });
  }

  start(): void {
    this.pods.start();
  }

  stop(): void {
    this.pods.stop();
  }

  addHost(config: NodeConfig): void {
    this.hosts.set(config.name, { config, ips: new IpAllocator(config.podCIDR), podIPs: new Map() });
  }

  /** Picks up a node's pods again (after it was stopped or partitioned). */
  resync(node: string): void {
    for (const pod of this.pods.list()) if (pod.spec.nodeName === node) this.consider(pod);
  }

  private nextStage(pod: Pod): HollowPodStage | 'delete' | undefined {
    if (pod.metadata.deletionTimestamp) return pod.metadata.deletionGracePeriodSeconds === 0 ? undefined : 'delete';
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return undefined;
    if (!pod.status?.startTime) return 'creating';
    if (phase === 'Pending') return 'running';
    return undefined;
  }

  private consider(pod: Pod): void {
    const nodeName = pod.spec.nodeName;
    if (!nodeName || !this.hosts.has(nodeName) || this.isSilent(nodeName)) return;
    const stage = this.nextStage(pod);
    if (!stage) return;
    const key = objectKey(pod.metadata);
    const pendingKey = `${key}/${stage}`;
    if (this.pending.has(pendingKey)) return;
    this.pending.add(pendingKey);
    const delay = stage === 'delete' ? 0 : STAGE_DELAYS_MS[stage];
    this.clock.after(delay, () => {
      this.pending.delete(pendingKey);
      void this.act(key, stage).catch(() => undefined);
    });
  }

  private async act(key: string, stage: HollowPodStage | 'delete'): Promise<void> {
    const pod = this.pods.get(key);
    if (!pod || !pod.spec.nodeName || this.isSilent(pod.spec.nodeName) || this.nextStage(pod) !== stage) return;
    const host = this.hosts.get(pod.spec.nodeName);
    if (!host) return;
    try {
      if (stage === 'delete') {
        await this.client.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '', { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
        return;
      }
      let ip = host.podIPs.get(key);
      if (!ip) host.podIPs.set(key, (ip = host.ips.allocate()));
      const status = hollowPodStatus(pod, stage, host.config.internalIP, ip, this.clock.timestamp());
      await this.client.updateStatus(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid }, status });
    } catch (error) {
      if (!isNotFound(error) && !isConflict(error)) throw error;
    }
  }

  private forget(pod: Pod): void {
    const host = pod.spec.nodeName ? this.hosts.get(pod.spec.nodeName) : undefined;
    const key = objectKey(pod.metadata);
    const ip = host?.podIPs.get(key);
    if (host && ip) {
      host.ips.release(ip);
      host.podIPs.delete(key);
    }
  }
}
