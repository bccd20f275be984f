// The node lifecycle controller: every five seconds it checks each node's heartbeats (its
// Ready condition and its Lease in kube-node-lease); a node silent for the 50 s grace period
// gets all conditions Unknown, its pods Ready=False with a NodeNotReady event, and (rate
// limited per zone) the NoExecute taint not-ready or unreachable, removed once it is Ready
// again. It also keeps the NoSchedule taints that mirror node conditions and cordoning.
// Upstream: pkg/controller/nodelifecycle/node_lifecycle_controller.go.

import type { Lease } from '../../api/apps';
import type { Node, NodeCondition, Pod, Taint } from '../../api/core';
import { jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { ClusterClock, Timer } from '../../cluster/clock';
import { isConflict, isNotFound, type ApiClient } from '../../client/client';
import { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { Controller } from '../controller';
import { byNodeName, type InformerIndex } from '../shared/informer-index';
import type { SharedInformers } from '../shared/shared-informers';
import { observe, readyOf, silentConditions, type NodeHealth } from './node-health';
import { hasTaint, managedNoScheduleTaints, NOT_READY, sameTaint, swapTaints, UNREACHABLE, wantedNoScheduleTaints } from './node-taints';
import { isExcludedFromDisruption, taintRate, TokenBucket, zoneOf, zoneState, type ZoneState } from './zone-states';

const NODES = findResource('', 'v1', 'nodes')!;
const PODS = findResource('', 'v1', 'pods')!;
const LEASES = findResource('coordination.k8s.io', 'v1', 'leases')!;
const MONITOR_PERIOD_MS = 5000;
const TAINTING_PERIOD_MS = 1000;
const NOT_READY_NO_EXECUTE: Taint = { key: NOT_READY, effect: 'NoExecute' };
const UNREACHABLE_NO_EXECUTE: Taint = { key: UNREACHABLE, effect: 'NoExecute' };

export class NodeLifecycleController {
  private readonly nodes: Informer<Node>;
  private readonly leases: Informer<Lease>;
  private readonly podsByNode: InformerIndex<Pod>;
  private readonly recorder: EventRecorder;
  private readonly noScheduleTaints: Controller;
  private readonly health = new Map<string, NodeHealth>();
  /** The uid of each node the controller knows, for its events (a removed node's too). */
  private readonly uids = new Map<string, string>();
  /** Nodes waiting for their NoExecute taint, per zone, in arrival order. */
  private readonly taintQueues = new Map<string, Set<string>>();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly zoneStates = new Map<string, ZoneState>();
  private readonly retryPods = new Set<string>();
  private monitorTimer?: Timer;
  private taintTimer?: Timer;
  private running = false;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.nodes = informers.for<Node>(NODES);
    this.leases = informers.for<Lease>(LEASES);
    this.podsByNode = informers.index(PODS, 'node', byNodeName);
    this.recorder = new EventRecorder(client, clock, { component: 'node-controller' });
    this.noScheduleTaints = new Controller('node-lifecycle-taints', clock, (name) => this.syncNoScheduleTaints(name));
    this.nodes.addHandlers({
      onAdd: (node) => this.noScheduleTaints.enqueue(node.metadata.name ?? ''),
      onUpdate: (_old, node) => this.noScheduleTaints.enqueue(node.metadata.name ?? ''),
    });
  }

  start(): void {
    this.running = true;
    this.noScheduleTaints.start();
    this.scheduleMonitor(0);
  }

  stop(): void {
    this.running = false;
    this.monitorTimer?.cancel();
    this.taintTimer?.cancel();
    this.noScheduleTaints.stop();
  }

  private scheduleMonitor(delay: number): void {
    this.monitorTimer = this.clock.after(delay, () => {
      void this.monitor()
        .catch(() => undefined)
        .finally(() => {
          if (this.running) this.scheduleMonitor(MONITOR_PERIOD_MS);
        });
    });
  }

  /** The node as the controller's node events name it: with its uid (the kubelet uses the name). */
  private nodeRef(name: string) {
    return { apiVersion: 'v1', kind: 'Node', name, uid: this.uids.get(name) ?? '', namespace: '' };
  }

  private async monitor(): Promise<void> {
    const nodes = this.nodes.list();
    const names = new Set(nodes.map((n) => n.metadata.name ?? ''));
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      if (this.health.has(name)) continue;
      this.uids.set(name, node.metadata.uid ?? '');
      this.recorder.event(this.nodeRef(name), 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
    }
    for (const name of [...this.health.keys()]) {
      if (names.has(name)) continue;
      this.recorder.event(this.nodeRef(name), 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`);
      this.health.delete(name);
      this.uids.delete(name);
      for (const queue of this.taintQueues.values()) queue.delete(name);
    }
    const readyByZone = new Map<string, (NodeCondition | undefined)[]>();
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      const observed = readyOf(node);
      const current = await this.updateHealth(node);
      if (!current) continue;
      if (!isExcludedFromDisruption(node)) {
        const list = readyByZone.get(zoneOf(node)) ?? [];
        list.push(current);
        readyByZone.set(zoneOf(node), list);
      }
      await this.taintForEviction(node, observed);
      const becameNotReady = current.status !== 'True' && observed?.status === 'True';
      if (becameNotReady) this.recorder.event(this.nodeRef(name), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      if (becameNotReady || (this.retryPods.has(name) && observed?.status !== 'True')) {
        try {
          await this.markPodsNotReady(name);
          this.retryPods.delete(name);
        } catch {
          this.retryPods.add(name);
        }
      } else {
        this.retryPods.delete(name);
      }
    }
    await this.handleDisruption(readyByZone, nodes);
    await this.taintingPass();
  }

  /** Observes heartbeats; writes Unknown conditions for a silent node. Returns its Ready condition now. */
  private async updateHealth(node: Node): Promise<NodeCondition | undefined> {
    const name = node.metadata.name ?? '';
    const now = this.clock.now();
    const health = observe(this.health.get(name), node, this.leases.get(`kube-node-lease/${name}`), now);
    this.health.set(name, health);
    const observed = readyOf(node) ?? { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata.creationTimestamp, lastTransitionTime: node.metadata.creationTimestamp };
    const conditions = silentConditions(node, health, now, this.clock.timestamp());
    if (!conditions) return readyOf(node) ?? observed;
    const ready = conditions.find((c) => c.type === 'Ready');
    if (jsonEqual(ready, readyOf(node))) return ready;
    try {
      await this.client.updateStatus(NODES, { ...node, status: { ...node.status, conditions } });
    } catch (error) {
      if (!isConflict(error) && !isNotFound(error)) throw error;
      return readyOf(node);
    }
    return ready;
  }

  /** NoExecute taints follow the Ready condition as observed at the start of this pass. */
  private async taintForEviction(node: Node, observed: NodeCondition | undefined): Promise<void> {
    const name = node.metadata.name ?? '';
    const zone = zoneOf(node);
    switch (observed?.status) {
      case 'False':
        if (hasTaint(node, UNREACHABLE_NO_EXECUTE)) await this.swap(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
        else this.queueForTainting(zone, name);
        return;
      case 'Unknown':
        if (hasTaint(node, NOT_READY_NO_EXECUTE)) await this.swap(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        else this.queueForTainting(zone, name);
        return;
      case 'True':
        this.taintQueues.get(zone)?.delete(name);
        await this.swap(node, [], [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE]);
        return;
    }
  }

  private queueForTainting(zone: string, name: string): void {
    let queue = this.taintQueues.get(zone);
    if (!queue) this.taintQueues.set(zone, (queue = new Set()));
    queue.add(name);
    if (!this.taintTimer) this.taintTimer = this.clock.after(TAINTING_PERIOD_MS, () => void this.taintingPass());
  }

  private async handleDisruption(readyByZone: Map<string, (NodeCondition | undefined)[]>, nodes: readonly Node[]): Promise<void> {
    const now = this.clock.now();
    const states = new Map([...readyByZone].map(([zone, conditions]) => [zone, zoneState(conditions)]));
    const allFullyDisrupted = states.size > 0 && [...states.values()].every((s) => s === 'FullDisruption');
    if (allFullyDisrupted) {
      for (const node of nodes) await this.swap(node, [], [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE]);
      for (const queue of this.taintQueues.values()) queue.clear();
    }
    for (const [zone, state] of states) {
      const rate = allFullyDisrupted ? 0 : taintRate(state, readyByZone.get(zone)?.length ?? 0);
      const bucket = this.buckets.get(zone);
      if (!bucket) this.buckets.set(zone, new TokenBucket(rate, now));
      else if (this.zoneStates.get(zone) !== state) bucket.setRate(rate, now);
      this.zoneStates.set(zone, state);
    }
  }

  /** Taints queued nodes as each zone's rate allows. */
  private async taintingPass(): Promise<void> {
    this.taintTimer = undefined;
    const now = this.clock.now();
    for (const [zone, queue] of this.taintQueues) {
      const bucket = this.buckets.get(zone) ?? new TokenBucket(taintRate('Normal', 0), now);
      this.buckets.set(zone, bucket);
      for (const name of [...queue]) {
        if (!bucket.tryTake(now)) break;
        queue.delete(name);
        const node = this.nodes.get(name);
        const status = node && readyOf(node)?.status;
        try {
          if (node && status === 'False') await this.swap(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
          else if (node && status === 'Unknown') await this.swap(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        } catch {
          queue.add(name);
        }
      }
    }
    if ([...this.taintQueues.values()].some((q) => q.size > 0) && this.running) {
      this.taintTimer = this.clock.after(TAINTING_PERIOD_MS, () => void this.taintingPass());
    }
  }

  private async swap(node: Node, add: Taint[], remove: Taint[]): Promise<void> {
    const fresh = this.nodes.get(node.metadata.name ?? '') ?? node;
    const taints = swapTaints(fresh, add, remove, this.clock.timestamp());
    if (!taints) return;
    try {
      await this.client.update(NODES, { ...fresh, spec: { ...fresh.spec, taints: taints.length > 0 ? taints : undefined } });
    } catch (error) {
      if (!isConflict(error) && !isNotFound(error)) throw error;
    }
  }

  private async syncNoScheduleTaints(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (!node) return;
    const wanted = wantedNoScheduleTaints(node);
    const have = managedNoScheduleTaints(node);
    const add = wanted.filter((t) => !have.some((h) => sameTaint(h, t)));
    const remove = have.filter((t) => !wanted.some((w) => sameTaint(w, t)));
    if (add.length > 0 || remove.length > 0) await this.swap(node, add, remove);
  }

  /** Sets Ready=False on every pod of the node and records NodeNotReady on each. */
  private async markPodsNotReady(nodeName: string): Promise<void> {
    const timestamp = this.clock.timestamp();
    for (const pod of this.podsByNode.get(nodeName)) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      if (!ready || ready.status === 'False') continue;
      try {
        await this.client.patch(PODS, pod.metadata.namespace, pod.metadata.name ?? '', { status: { conditions: [{ ...ready, status: 'False', lastTransitionTime: timestamp }] } }, 'strategic', 'status');
      } catch (error) {
        if (isNotFound(error)) continue;
        throw error;
      }
      this.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
  }
}
