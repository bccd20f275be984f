// The scheduler's cache: a NodeInfo and a NodeTable slot per node, kept current incrementally
// from the node and pod informers (each pod's requests, ports and affinity counted once when it
// lands on a node and subtracted when it leaves), plus pods the scheduler has assumed onto a
// node before their binding shows up. Nothing is rebuilt per scheduling attempt. Upstream:
// pkg/scheduler/backend/cache/cache.go.

import type { Node, Pod } from '../api/core';
import { objectKey } from '../api/meta';
import { bytes, milliCpu } from '../api/quantity';
import type { NodeInfo, PodInfo } from './framework';
import { NodeTable } from './node-table';
import { hasAffinity, normalizeImage, podInfo } from './pod-info';

function occupies(pod: Pod): boolean {
  return pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

function emptyInfo(node: Node, index: number): NodeInfo {
  const info: NodeInfo = {
    name: node.metadata.name ?? '',
    index,
    node,
    labels: {},
    hardTaints: [],
    softTaints: [],
    pods: new Map(),
    usedPorts: [],
    images: new Map(),
    podsWithAffinity: 0,
    podsWithRequiredAntiAffinity: 0,
  };
  return info;
}

interface Placement {
  info: PodInfo;
  nodeName: string;
  assumed: boolean;
}

export class SchedulerCache {
  private readonly byName = new Map<string, NodeInfo>();
  /** Nodes in a stable order for round-robin sampling. */
  readonly nodeList: NodeInfo[] = [];
  /** Each node's resource figures, at the slot of its position in `nodeList`. */
  readonly table = new NodeTable();
  private readonly placements = new Map<string, Placement>();
  private readonly imageNodes = new Map<string, number>();
  /** Pods anywhere with any (anti-)affinity terms, for the InterPodAffinity plugin. */
  readonly podsWithAffinity = new Map<string, PodInfo>();
  /** Pods bound to nodes the cache has not seen yet, counted once the node shows up. */
  private readonly waitingForNode = new Map<string, Set<string>>();

  get nodeCount(): number {
    return this.nodeList.length;
  }

  node(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  imageNodeCount(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }

  setNode(node: Node): void {
    const name = node.metadata.name ?? '';
    let info = this.byName.get(name);
    if (!info) {
      info = emptyInfo(node, this.nodeList.length);
      this.table.ensure(info.index);
      this.table.clear(info.index);
      this.byName.set(name, info);
      this.nodeList.push(info);
      const waiting = this.waitingForNode.get(name);
      this.waitingForNode.delete(name);
      for (const key of waiting ?? []) {
        const placed = this.placements.get(key);
        if (placed) this.place(placed.info, name, placed.assumed);
      }
    }
    this.forgetImages(info);
    info.node = node;
    info.labels = node.metadata.labels ?? {};
    const taints = node.spec.taints ?? [];
    info.hardTaints = taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    info.softTaints = taints.filter((t) => t.effect === 'PreferNoSchedule');
    const alloc = node.status?.allocatable ?? {};
    const table = this.table;
    table.allocatableMilliCpu[info.index] = milliCpu(alloc.cpu);
    table.allocatableMemory[info.index] = bytes(alloc.memory);
    table.allocatablePods[info.index] = Number(alloc.pods ?? 110);
    table.unschedulable[info.index] = node.spec.unschedulable ? 1 : 0;
    table.setTaints(info.index, info.hardTaints.length, info.softTaints.length);
    info.images = new Map();
    for (const image of node.status?.images ?? []) for (const imageName of image.names) info.images.set(normalizeImage(imageName), image.sizeBytes);
    for (const image of info.images.keys()) this.imageNodes.set(image, (this.imageNodes.get(image) ?? 0) + 1);
  }

  removeNode(node: Node): void {
    const name = node.metadata.name ?? '';
    const info = this.byName.get(name);
    if (!info) return;
    this.forgetImages(info);
    this.byName.delete(name);
    if (info.pods.size > 0) this.waitingForNode.set(name, new Set(info.pods.keys()));
    const last = this.nodeList.pop() as NodeInfo;
    if (last !== info) {
      this.nodeList[info.index] = last;
      this.table.move(last.index, info.index);
      last.index = info.index;
    } else {
      this.table.clear(info.index);
    }
  }

  private forgetImages(info: NodeInfo): void {
    for (const image of info.images.keys()) {
      const count = (this.imageNodes.get(image) ?? 1) - 1;
      if (count <= 0) this.imageNodes.delete(image);
      else this.imageNodes.set(image, count);
    }
  }

  /** Records a pod the informer reports; a bound pod confirms its assumption. */
  setPod(pod: Pod): void {
    const key = objectKey(pod.metadata);
    const placed = this.placements.get(key);
    const nodeName = pod.spec.nodeName;
    if (!nodeName || !occupies(pod)) {
      if (placed && !placed.assumed) this.unplace(key);
      return;
    }
    if (placed && placed.nodeName === nodeName) {
      placed.assumed = false;
      if (placed.info.pod.metadata.labels !== pod.metadata.labels || placed.info.pod.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp) {
        this.unplace(key);
        this.place(podInfo(pod), nodeName, false);
      } else {
        placed.info.pod = pod;
      }
      return;
    }
    if (placed) this.unplace(key);
    this.place(podInfo(pod), nodeName, false);
  }

  removePod(pod: Pod): void {
    this.unplace(objectKey(pod.metadata));
  }

  /** Counts a pod on `nodeName` before its binding is seen. */
  assume(info: PodInfo, nodeName: string): void {
    this.unplace(info.key);
    this.place(info, nodeName, true);
  }

  /** Drops an assumption whose binding failed. */
  forget(key: string): void {
    if (this.placements.get(key)?.assumed) this.unplace(key);
  }

  isAssumed(key: string): boolean {
    return this.placements.get(key)?.assumed ?? false;
  }

  private place(info: PodInfo, nodeName: string, assumed: boolean): void {
    this.placements.set(info.key, { info, nodeName, assumed });
    if (hasAffinity(info)) this.podsWithAffinity.set(info.key, info);
    const node = this.byName.get(nodeName);
    if (!node) {
      const waiting = this.waitingForNode.get(nodeName) ?? new Set<string>();
      waiting.add(info.key);
      this.waitingForNode.set(nodeName, waiting);
      return;
    }
    node.pods.set(info.key, info);
    const table = this.table;
    const slot = node.index;
    table.requestedMilliCpu[slot] += info.requests.milliCpu;
    table.requestedMemory[slot] += info.requests.memory;
    table.requestedPods[slot] += 1;
    table.nonZeroMilliCpu[slot] += info.nonZero.milliCpu;
    table.nonZeroMemory[slot] += info.nonZero.memory;
    for (const port of info.hostPorts) node.usedPorts.push(port);
    if (hasAffinity(info)) node.podsWithAffinity++;
    if (info.requiredAntiAffinity.length > 0) node.podsWithRequiredAntiAffinity++;
  }

  private unplace(key: string): void {
    const placed = this.placements.get(key);
    if (!placed) return;
    this.placements.delete(key);
    this.podsWithAffinity.delete(key);
    this.waitingForNode.get(placed.nodeName)?.delete(key);
    const node = this.byName.get(placed.nodeName);
    if (!node || !node.pods.delete(key)) return;
    const info = placed.info;
    const table = this.table;
    const slot = node.index;
    table.requestedMilliCpu[slot] -= info.requests.milliCpu;
    table.requestedMemory[slot] -= info.requests.memory;
    table.requestedPods[slot] -= 1;
    table.nonZeroMilliCpu[slot] -= info.nonZero.milliCpu;
    table.nonZeroMemory[slot] -= info.nonZero.memory;
    if (info.hostPorts.length > 0) node.usedPorts = node.usedPorts.filter((p) => !info.hostPorts.includes(p));
    if (hasAffinity(info)) node.podsWithAffinity--;
    if (info.requiredAntiAffinity.length > 0) node.podsWithRequiredAntiAffinity--;
  }

  /** Where a placed pod is, for the affinity plugin. */
  nodeOf(key: string): NodeInfo | undefined {
    const placed = this.placements.get(key);
    return placed ? this.byName.get(placed.nodeName) : undefined;
  }
}
