// The taint eviction controller: a pod on a node with NoExecute taints it does not tolerate is
// deleted at once; one it tolerates for a while (tolerationSeconds, 300 s by default for
// not-ready and unreachable) is deleted when that time has passed, unless the taint goes away
// first. Deletion marks the pod with a DisruptionTarget condition and records
// TaintManagerEviction. Upstream: pkg/controller/tainteviction/taint_eviction.go.

import type { Node, Pod, PodCondition, Taint, Toleration } from '../../api/core';
import { objectKey } from '../../api/meta';
import { jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import { tolerates } from '../../api/taints';
import type { ClusterClock, Timer } from '../../cluster/clock';
import { isNotFound, type ApiClient } from '../../client/client';
import { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { byNodeName, type InformerIndex } from '../shared/informer-index';
import type { SharedInformers } from '../shared/shared-informers';

const NODES = findResource('', 'v1', 'nodes')!;
const PODS = findResource('', 'v1', 'pods')!;
const DELETE_RETRIES = 5;

interface ScheduledEviction {
  createdAt: number;
  timer?: Timer;
  /** Set once the deletion ran: the pod is not rescheduled for eviction, nor is a cancel reported. */
  done: boolean;
}

function noExecuteTaints(node: Node | undefined): Taint[] {
  return (node?.spec.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** The shortest tolerationSeconds among the tolerations used (ms), or -1 to tolerate forever. */
function minTolerationMs(taints: readonly Taint[], tolerations: readonly Toleration[]): number | undefined {
  let min = -1;
  for (const taint of taints) {
    const used = tolerations.filter((t) => tolerates(t, taint));
    if (used.length === 0) return undefined;
    for (const t of used) {
      if (t.tolerationSeconds === undefined) continue;
      const ms = Math.max(0, t.tolerationSeconds) * 1000;
      if (min < 0 || ms < min) min = ms;
    }
  }
  return min;
}

export class TaintEvictionController {
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly podsByNode: InformerIndex<Pod>;
  private readonly recorder: EventRecorder;
  private readonly evictions = new Map<string, ScheduledEviction>();
  private running = false;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.nodes = informers.for<Node>(NODES);
    this.pods = informers.for<Pod>(PODS);
    this.podsByNode = informers.index(PODS, 'node', byNodeName);
    this.recorder = new EventRecorder(client, clock, { component: 'taint-eviction-controller' });
    this.nodes.addHandlers({
      onAdd: (node) => this.nodeChanged(node),
      onUpdate: (old, node) => {
        if (!jsonEqual(noExecuteTaints(old), noExecuteTaints(node))) this.nodeChanged(node);
      },
      onDelete: (node) => {
        for (const pod of this.podsByNode.get(node.metadata.name ?? '')) this.cancel(objectKey(pod.metadata), true);
      },
    });
    this.pods.addHandlers({
      onAdd: (pod) => this.podChanged(pod),
      onUpdate: (old, pod) => {
        if (old.spec.nodeName !== pod.spec.nodeName || !jsonEqual(old.spec.tolerations, pod.spec.tolerations)) this.podChanged(pod);
      },
      onDelete: (pod) => this.cancel(objectKey(pod.metadata), true),
    });
  }

  start(): void {
    this.running = true;
    for (const node of this.nodes.list()) this.nodeChanged(node);
  }

  stop(): void {
    this.running = false;
    for (const eviction of this.evictions.values()) eviction.timer?.cancel();
    this.evictions.clear();
  }

  private nodeChanged(node: Node): void {
    if (!this.running) return;
    for (const pod of this.podsByNode.get(node.metadata.name ?? '')) this.process(pod, noExecuteTaints(node));
  }

  private podChanged(pod: Pod): void {
    if (!this.running || !pod.spec.nodeName) return;
    this.process(pod, noExecuteTaints(this.nodes.get(pod.spec.nodeName)));
  }

  private process(pod: Pod, taints: Taint[]): void {
    const key = objectKey(pod.metadata);
    if (taints.length === 0) {
      this.cancel(key, true);
      return;
    }
    const now = this.clock.now();
    const min = minTolerationMs(taints, pod.spec.tolerations ?? []);
    if (min === undefined) {
      this.cancel(key, true);
      this.schedule(key, now, now);
      return;
    }
    if (min < 0) {
      this.cancel(key, true);
      return;
    }
    const existing = this.evictions.get(key);
    let start = now;
    if (existing) {
      if (existing.done) return;
      start = existing.createdAt;
      if (start + min < now + min) return;
      this.cancel(key, true);
    }
    this.schedule(key, start, start + min);
  }

  private schedule(key: string, createdAt: number, at: number): void {
    const eviction: ScheduledEviction = { createdAt, done: false };
    this.evictions.set(key, eviction);
    eviction.timer = this.clock.after(Math.max(0, at - this.clock.now()), () => {
      eviction.done = true;
      eviction.timer = undefined;
      void this.evict(key);
    });
  }

  private cancel(key: string, report: boolean): void {
    const eviction = this.evictions.get(key);
    if (!eviction) return;
    this.evictions.delete(key);
    if (eviction.done) return;
    eviction.timer?.cancel();
    const [namespace, name] = key.split('/');
    if (report) this.recorder.event({ apiVersion: 'v1', kind: 'Pod', name, namespace }, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  private async evict(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    this.recorder.event({ apiVersion: 'v1', kind: 'Pod', name, namespace }, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    for (let attempt = 0; attempt < DELETE_RETRIES; attempt++) {
      try {
        await this.markAndDelete(namespace, name);
        return;
      } catch (error) {
        if (isNotFound(error)) return;
      }
    }
  }

  private async markAndDelete(namespace: string, name: string): Promise<void> {
    const pod = this.pods.get(`${namespace}/${name}`);
    if (!pod) return;
    const existing = pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget');
    if (existing?.status !== 'True') {
      const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', lastTransitionTime: this.clock.timestamp(), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
      await this.client.patch(PODS, namespace, name, { status: { conditions: [condition] } }, 'strategic', 'status');
    }
    await this.client.delete(PODS, namespace, name);
  }
}
