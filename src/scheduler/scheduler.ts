// The scheduler: takes pods without a node from its queue, filters a sample of the nodes (all
// of them in small clusters, fewer in large ones, as percentageOfNodesToScore does), scores the
// feasible ones, assumes the pod onto the best and binds it through pods/binding while the next
// pod is already being scheduled. When no node fits it records FailedScheduling with upstream's
// message and parks the pod until the cluster changes (retrying with back-off 1 s → 10 s).
// Upstream: pkg/scheduler/schedule_one.go.

import type { ReplicaSet } from '../api/apps';
import type { Namespace, Node, Pod, PodCondition, Service } from '../api/core';
import type { Selector } from '../api/labels';
import { objectKey, splitKey } from '../api/meta';
import { jsonEqual } from '../api/objects';
import { findResource } from '../api/scheme';
import type { ClusterClock } from '../cluster/clock';
import { isConflict, isNotFound, type ApiClient } from '../client/client';
import { EventRecorder } from '../client/event-recorder';
import { Informer } from '../client/informer';
import { byNamespace, InformerIndex } from '../controllers/shared/informer-index';
import { SchedulerCache } from './cache';
import { FeasibleBuffers, findFeasibleSlots } from './feasible-nodes';
import { fitErrorMessage } from './fit-error';
import type { CycleState, FilterFailure, FilterPlugin, NodeInfo, PodInfo, ScorePlugin } from './framework';
import { ownersSelector } from './owners-selector';
import { podInfo } from './pod-info';
import { DEFAULT_FILTERS, DEFAULT_SCORES } from './plugins';
import { feasibleNodesToFind } from './sampling';
import { SchedulingQueue } from './scheduling-queue';

const PODS = findResource('', 'v1', 'pods')!;
const NODES = findResource('', 'v1', 'nodes')!;
const SERVICES = findResource('', 'v1', 'services')!;
const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;
const NAMESPACES = findResource('', 'v1', 'namespaces')!;
/** How long the loop may run before it yields to the host's event loop. */
const YIELD_EVERY_MS = 20;

export const SCHEDULER_NAME = 'default-scheduler';

export interface SchedulerOptions {
  client: ApiClient;
  clock: ClusterClock;
  /** The control-plane node's name, for the reporting instance of events. */
  hostName: string;
  filters?: readonly FilterPlugin[];
  scores?: readonly ScorePlugin[];
}

export class Scheduler {
  readonly pods: Informer<Pod>;
  readonly nodes: Informer<Node>;
  private readonly services: Informer<Service>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly namespaces: Informer<Namespace>;
  private readonly servicesByNamespace: InformerIndex<Service>;
  private readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly recorder: EventRecorder;
  private readonly filters: readonly FilterPlugin[];
  private readonly scores: readonly ScorePlugin[];
  private readonly feasible: NodeInfo[] = [];
  private readonly activeFilters: FilterPlugin[] = [];
  private readonly failures: FilterFailure[] = [];
  private readonly buffers = new FeasibleBuffers();
  private scoreBuffer = new Float64Array(256);
  private totals = new Float64Array(256);
  private nextStartNode = 0;
  private running = false;
  /** The cycle state's lookups that do not depend on the pod, made once. */
  private readonly imageNodeCount = (image: string) => this.cache.imageNodeCount(image);
  private readonly namespaceLabels = (name: string) => this.namespaces.get(name)?.metadata.labels;
  private readonly servicesIn = (namespace: string) => this.servicesByNamespace.get(namespace);
  private readonly nodeOfPod = (key: string) => this.cache.nodeOf(key);

  constructor(private readonly options: SchedulerOptions) {
    const { client, clock } = options;
    this.filters = options.filters ?? DEFAULT_FILTERS;
    this.scores = options.scores ?? DEFAULT_SCORES;
    this.queue = new SchedulingQueue(clock);
    this.pods = new Informer<Pod>(client, PODS, clock);
    this.nodes = new Informer<Node>(client, NODES, clock);
    this.services = new Informer<Service>(client, SERVICES, clock);
    this.replicaSets = new Informer<ReplicaSet>(client, REPLICA_SETS, clock);
    this.namespaces = new Informer<Namespace>(client, NAMESPACES, clock);
    this.servicesByNamespace = new InformerIndex(this.services, byNamespace);
    this.recorder = new EventRecorder(client, clock, { component: SCHEDULER_NAME, api: 'events.k8s.io', instance: `${SCHEDULER_NAME}-${options.hostName}` });
    this.pods.addHandlers({
      onAdd: (pod) => this.podChanged(undefined, pod),
      onUpdate: (old, pod) => this.podChanged(old, pod),
      onDelete: (pod) => {
        const key = objectKey(pod.metadata);
        this.queue.delete(key);
        this.cache.removePod(pod);
        if (pod.spec.nodeName) this.queue.moveAllToActiveOrBackoff();
      },
    });
    this.nodes.addHandlers({
      onAdd: (node) => {
        this.cache.setNode(node);
        this.queue.moveAllToActiveOrBackoff();
      },
      onUpdate: (old, node) => {
        this.cache.setNode(node);
        if (schedulingRelevantChange(old, node)) this.queue.moveAllToActiveOrBackoff();
      },
      onDelete: (node) => this.cache.removeNode(node),
    });
  }

  start(): void {
    this.running = true;
    for (const informer of [this.nodes, this.services, this.replicaSets, this.namespaces, this.pods]) informer.start();
    void Promise.all([this.nodes, this.services, this.replicaSets, this.namespaces, this.pods].map((i) => i.waitForSync())).then(() => this.run());
  }

  stop(): void {
    this.running = false;
    this.queue.close();
    for (const informer of [this.pods, this.nodes, this.services, this.replicaSets, this.namespaces]) informer.stop();
  }

  private needsScheduling(pod: Pod): boolean {
    return !pod.spec.nodeName && !pod.metadata.deletionTimestamp && (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
  }

  private podChanged(old: Pod | undefined, pod: Pod): void {
    const key = objectKey(pod.metadata);
    if (pod.spec.nodeName) {
      this.queue.delete(key);
      const wasRunning = old?.spec.nodeName && old.status?.phase !== 'Succeeded' && old.status?.phase !== 'Failed';
      this.cache.setPod(pod);
      if (wasRunning && (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed')) this.queue.moveAllToActiveOrBackoff();
      return;
    }
    if (!this.needsScheduling(pod)) {
      this.queue.delete(key);
      return;
    }
    if (this.cache.isAssumed(key)) return;
    if (old && jsonEqual(old.spec, pod.spec) && jsonEqual(old.metadata.labels, pod.metadata.labels)) this.queue.refresh(key, pod);
    else this.queue.add(key, pod);
  }

  private async run(): Promise<void> {
    let sliceStart = performance.now();
    while (this.running) {
      const next = await this.queue.pop();
      if (!next) return;
      this.scheduleOne(next.key);
      if (performance.now() - sliceStart > YIELD_EVERY_MS) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
  }

  private cycleState(info: PodInfo): CycleState {
    let owners: Selector | undefined;
    return {
      pod: info,
      allNodes: this.cache.nodeList,
      table: this.cache.table,
      imageNodeCount: this.imageNodeCount,
      namespaceLabels: this.namespaceLabels,
      ownersSelector: () => (owners ??= ownersSelector(info.pod, this.replicaSets, this.servicesIn)),
      nodeOfPod: this.nodeOfPod,
      podsWithAffinity: this.cache.podsWithAffinity,
      data: new Map(),
    };
  }

  /** One scheduling cycle: filter, score, assume; the binding cycle runs on its own. */
  private scheduleOne(key: string): void {
    const pod = this.pods.get(key);
    if (!pod || !this.needsScheduling(pod)) {
      this.queue.done(key);
      return;
    }
    const info = podInfo(pod);
    const state = this.cycleState(info);
    this.activeFilters.length = 0;
    for (const plugin of this.filters) if (plugin.preFilter?.(state) !== 'skip') this.activeFilters.push(plugin);
    const feasible = this.findFeasible(state);
    if (feasible === 0) {
      this.unschedulable(pod, key, this.cache.nodeCount);
      return;
    }
    const chosen = this.select(state, feasible);
    this.cache.assume(info, chosen.name);
    void this.bind(pod, key, chosen.name);
  }

  /** Filters nodes round-robin from where the last attempt stopped; returns how many fit. */
  private findFeasible(state: CycleState): number {
    const total = this.cache.nodeCount;
    this.failures.length = 0;
    const { found, processed } = findFeasibleSlots(state, this.activeFilters, this.nextStartNode, feasibleNodesToFind(total), this.buffers, this.failures);
    if (total > 0) this.nextStartNode = (this.nextStartNode + processed) % total;
    return found;
  }

  /** The feasible node with the highest weighted score; ties broken uniformly at random, as upstream does. */
  private select(state: CycleState, count: number): NodeInfo {
    const feasible = this.feasible;
    const slots = this.buffers.feasible;
    feasible.length = count;
    for (let i = 0; i < count; i++) feasible[i] = this.cache.nodeList[slots[i]];
    if (count === 1) return feasible[0];
    if (this.totals.length < count) {
      this.totals = new Float64Array(count * 2);
      this.scoreBuffer = new Float64Array(count * 2);
    }
    const totals = this.totals;
    const scores = this.scoreBuffer;
    totals.fill(0, 0, count);
    for (const plugin of this.scores) {
      if (plugin.preScore && !plugin.preScore(state, feasible)) continue;
      if (plugin.scoreSlots) plugin.scoreSlots(state, slots, count, scores);
      else for (let i = 0; i < count; i++) scores[i] = plugin.score(state, feasible[i]);
      plugin.normalize?.(scores, count, state);
      for (let i = 0; i < count; i++) totals[i] += scores[i] * plugin.weight;
    }
    let highest = totals[0];
    let ties = 1;
    for (let i = 1; i < count; i++) {
      if (totals[i] > highest) {
        highest = totals[i];
        ties = 1;
      } else if (totals[i] === highest) {
        ties++;
      }
    }
    let pick = Math.floor(Math.random() * ties);
    for (let i = 0; i < count; i++) if (totals[i] === highest && pick-- === 0) return feasible[i];
    return feasible[0];
  }

  private async bind(pod: Pod, key: string, nodeName: string): Promise<void> {
    const { namespace, name } = splitKey(key);
    try {
      await this.options.client.create(PODS, namespace, { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } }, 'binding');
    } catch (error) {
      this.cache.forget(key);
      if (isNotFound(error)) this.queue.done(key);
      else this.queue.requeueWithBackoff(key);
      if (!isNotFound(error) && !isConflict(error)) this.recorder.event(pod, 'Warning', 'FailedScheduling', `binding rejected: ${error instanceof Error ? error.message : String(error)}`, undefined, 'Binding');
      return;
    }
    this.queue.done(key);
    this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`, undefined, 'Binding');
  }

  private unschedulable(pod: Pod, key: string, nodeCount: number): void {
    const message = fitErrorMessage(nodeCount, this.failures);
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message, undefined, 'Scheduling');
    this.queue.markUnschedulable(key);
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (existing?.status === 'False' && existing.message === message) return;
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: existing?.status === 'False' ? existing.lastTransitionTime : this.options.clock.timestamp(),
      reason: 'Unschedulable',
      message,
    };
    void this.options.client.patch(PODS, pod.metadata.namespace, pod.metadata.name ?? '', { status: { conditions: [condition] } }, 'strategic', 'status').catch(() => undefined);
  }
}

/** Node changes that can make an unschedulable pod fit (heartbeats alone cannot). */
function schedulingRelevantChange(old: Node, node: Node): boolean {
  const ready = (n: Node) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return (
    !jsonEqual(old.spec, node.spec) ||
    !jsonEqual(old.metadata.labels, node.metadata.labels) ||
    !jsonEqual(old.status?.allocatable, node.status?.allocatable) ||
    ready(old) !== ready(node)
  );
}
