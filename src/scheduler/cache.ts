// The scheduler's cache: a NodeInfo per node from the node and pod informers, plus pods the
// scheduler has assumed onto a node but whose binding the informer has not yet shown. Upstream:
// pkg/scheduler/backend/cache/cache.go.

import type { Node, Pod } from '../api/core';
import { objectKey } from '../api/meta';
import { bytes, milliCpu } from '../api/quantity';
import { podRequests, type NodeInfo } from './framework';
import { hostPorts } from './plugins/filters';
import { normalizeImage } from './plugins/scores';

function allocatable(node: Node): NodeInfo['allocatable'] {
  const alloc = node.status?.allocatable ?? {};
  return { milliCpu: milliCpu(alloc.cpu), memory: bytes(alloc.memory), pods: Number(alloc.pods ?? 110) };
}

function occupies(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export class SchedulerCache {
  private nodes = new Map<string, Node>();
  private podsByNode = new Map<string, Map<string, Pod>>();
  private assumed = new Map<string, Pod>();

  setNode(node: Node): void {
    this.nodes.set(node.metadata.name ?? '', node);
  }

  removeNode(node: Node): void {
    this.nodes.delete(node.metadata.name ?? '');
  }

  /** Records a pod the informer reports; a bound pod replaces its assumption. */
  setPod(pod: Pod): void {
    const key = objectKey(pod.metadata);
    this.removePod(pod);
    if (pod.spec.nodeName && occupies(pod)) {
      this.assumed.delete(key);
      const onNode = this.podsByNode.get(pod.spec.nodeName) ?? new Map<string, Pod>();
      onNode.set(key, pod);
      this.podsByNode.set(pod.spec.nodeName, onNode);
    }
  }

  removePod(pod: Pod): void {
    const key = objectKey(pod.metadata);
    for (const onNode of this.podsByNode.values()) onNode.delete(key);
  }

  assume(pod: Pod, nodeName: string): void {
    this.assumed.set(objectKey(pod.metadata), { ...pod, spec: { ...pod.spec, nodeName } });
  }

  forget(pod: Pod): void {
    this.assumed.delete(objectKey(pod.metadata));
  }

  isAssumed(pod: Pod): boolean {
    return this.assumed.has(objectKey(pod.metadata));
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  /** A snapshot of every node with the pods on it, assumed ones included. */
  snapshot(): NodeInfo[] {
    const byNode = new Map<string, Pod[]>();
    for (const [name, pods] of this.podsByNode) byNode.set(name, [...pods.values()]);
    for (const pod of this.assumed.values()) {
      const name = pod.spec.nodeName as string;
      const list = byNode.get(name) ?? [];
      if (!list.some((p) => p.metadata.uid === pod.metadata.uid)) list.push(pod);
      byNode.set(name, list);
    }
    const infos: NodeInfo[] = [];
    for (const [name, node] of this.nodes) {
      const pods = byNode.get(name) ?? [];
      const requested = { milliCpu: 0, memory: 0, pods: 0 };
      const usedPorts = new Set<string>();
      for (const pod of pods) {
        const r = podRequests(pod);
        requested.milliCpu += r.milliCpu;
        requested.memory += r.memory;
        requested.pods += 1;
        for (const port of hostPorts(pod)) usedPorts.add(port);
      }
      const images = new Map<string, number>();
      for (const image of node.status?.images ?? []) for (const imageName of image.names) images.set(normalizeImage(imageName), image.sizeBytes);
      infos.push({ node, pods, requested, allocatable: allocatable(node), usedPorts, images });
    }
    return infos;
  }
}
