// The scheduler: takes pods without a node, filters and scores the nodes, binds each pod to the
// best one through the pods/binding subresource, and, when no node fits, records
// FailedScheduling with upstream's message and retries with back-off (1s doubling to 10s) or
// when the cluster changes. Upstream: pkg/scheduler/schedule_one.go.

import type { Node, Pod, PodCondition } from '../api/core';
import { objectKey, splitKey } from '../api/meta';
import { findResource } from '../api/scheme';
import type { ClusterClock } from '../cluster/clock';
import { isConflict, isNotFound, type ApiClient } from '../client/client';
import { EventRecorder } from '../client/event-recorder';
import { Informer } from '../client/informer';
import { Controller } from '../controllers/controller';
import { SchedulerCache } from './cache';
import { fitErrorMessage } from './fit-error';
import type { FilterFailure, FilterPlugin, NodeInfo, ScorePlugin } from './framework';
import { FILTERS } from './plugins/filters';
import { SCORES } from './plugins/scores';

const PODS = findResource('', 'v1', 'pods')!;
const NODES = findResource('', 'v1', 'nodes')!;
const INITIAL_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 10_000;
const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;

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
  private readonly cache = new SchedulerCache();
  private readonly controller: Controller;
  private readonly recorder: EventRecorder;
  private readonly attempts = new Map<string, number>();
  private readonly backoffUntil = new Map<string, number>();
  private readonly unschedulable = new Set<string>();
  private readonly filters: readonly FilterPlugin[];
  private readonly scores: readonly ScorePlugin[];

  constructor(private readonly options: SchedulerOptions) {
    const { client, clock } = options;
    this.filters = options.filters ?? FILTERS;
    this.scores = options.scores ?? SCORES;
    this.pods = new Informer<Pod>(client, PODS, clock);
    this.nodes = new Informer<Node>(client, NODES, clock);
    this.recorder = new EventRecorder(client, clock, { component: SCHEDULER_NAME, api: 'events.k8s.io', instance: `${SCHEDULER_NAME}-${options.hostName}` });
    this.controller = new Controller('scheduler', clock, (key) => this.scheduleOne(key));
    this.pods.addHandlers({
      onAdd: (pod) => this.podChanged(pod),
      onUpdate: (_old, pod) => this.podChanged(pod),
      onDelete: (pod) => {
        this.cache.removePod(pod);
        this.cache.forget(pod);
        this.attempts.delete(objectKey(pod.metadata));
        this.backoffUntil.delete(objectKey(pod.metadata));
        this.unschedulable.delete(objectKey(pod.metadata));
        if (pod.spec.nodeName) this.retryUnschedulable();
      },
    });
    this.nodes.addHandlers({
      onAdd: (node) => {
        this.cache.setNode(node);
        this.retryUnschedulable();
      },
      onUpdate: (old, node) => {
        this.cache.setNode(node);
        if (schedulingRelevantChange(old, node)) this.retryUnschedulable();
      },
      onDelete: (node) => this.cache.removeNode(node),
    });
  }

  start(): void {
    this.nodes.start();
    this.pods.start();
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
    this.pods.stop();
    this.nodes.stop();
  }

  private podChanged(pod: Pod): void {
    this.cache.setPod(pod);
    if (this.needsScheduling(pod)) this.controller.enqueue(objectKey(pod.metadata));
    else if (pod.spec.nodeName && pod.status?.phase !== 'Pending' && pod.status?.phase !== 'Running') this.retryUnschedulable();
  }

  private needsScheduling(pod: Pod): boolean {
    return !pod.spec.nodeName && !pod.metadata.deletionTimestamp && (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !this.cache.isAssumed(pod);
  }

  /** Moves unschedulable pods back to the queue once their back-off has run out. */
  private retryUnschedulable(): void {
    const now = this.options.clock.now();
    for (const key of this.unschedulable) this.controller.queue.addAfter(key, (this.backoffUntil.get(key) ?? now) - now);
    this.unschedulable.clear();
  }

  /** One scheduling cycle for one pod: filter, score, assume, bind. */
  private async scheduleOne(key: string): Promise<void | { requeueAfterMs: number }> {
    const pod = this.pods.get(key);
    if (!pod || !this.needsScheduling(pod)) return;
    const infos = this.cache.snapshot();
    const feasible: NodeInfo[] = [];
    const failures = new Map<string, FilterFailure>();
    for (const info of infos) {
      const failure = this.firstFailure(pod, info, infos);
      if (failure) failures.set(info.node.metadata.name ?? '', failure);
      else feasible.push(info);
    }
    if (feasible.length === 0) return this.unschedulablePod(pod, key, infos.length, failures);
    const chosen = this.select(pod, feasible);
    const nodeName = chosen.node.metadata.name as string;
    this.cache.assume(pod, nodeName);
    try {
      const { namespace, name } = splitKey(key);
      await this.options.client.create(PODS, namespace, { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } }, 'binding');
    } catch (error) {
      this.cache.forget(pod);
      if (isNotFound(error) || isConflict(error)) return;
      throw error;
    }
    this.attempts.delete(key);
    this.backoffUntil.delete(key);
    this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, undefined, 'Binding');
  }

  private firstFailure(pod: Pod, info: NodeInfo, all: readonly NodeInfo[]): FilterFailure | undefined {
    for (const plugin of this.filters) {
      const failure = plugin.filter(pod, info, all);
      if (failure) return failure;
    }
    return undefined;
  }

  /** The feasible node with the highest weighted score; ties broken at random, as upstream does. */
  private select(pod: Pod, feasible: NodeInfo[]): NodeInfo {
    const totals = new Array<number>(feasible.length).fill(0);
    for (const plugin of this.scores) {
      let scores = feasible.map((info) => plugin.score(pod, info, feasible));
      if (plugin.normalize) scores = plugin.normalize(scores);
      scores.forEach((s, i) => (totals[i] += s * plugin.weight));
    }
    let best = 0;
    let ties = 1;
    for (let i = 1; i < feasible.length; i++) {
      if (totals[i] > totals[best]) {
        best = i;
        ties = 1;
      } else if (totals[i] === totals[best]) {
        ties++;
        if (Math.random() * ties < 1) best = i;
      }
    }
    return feasible[best];
  }

  private async unschedulablePod(pod: Pod, key: string, nodeCount: number, failures: Map<string, FilterFailure>): Promise<{ requeueAfterMs: number }> {
    const message = fitErrorMessage(nodeCount, [...failures.values()]);
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message, undefined, 'Scheduling');
    const condition: PodCondition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: this.options.clock.timestamp(),
      reason: 'Unschedulable',
      message,
    };
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (!existing || existing.status !== 'False' || existing.message !== message) {
      if (existing?.status === 'False') condition.lastTransitionTime = existing.lastTransitionTime;
      try {
        await this.options.client.patch(PODS, pod.metadata.namespace, pod.metadata.name as string, { status: { conditions: [condition] } }, 'strategic', 'status');
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    const attempts = (this.attempts.get(key) ?? 0) + 1;
    this.attempts.set(key, attempts);
    this.backoffUntil.set(key, this.options.clock.now() + Math.min(INITIAL_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS));
    this.unschedulable.add(key);
    return { requeueAfterMs: UNSCHEDULABLE_RETRY_MS };
  }
}

/** Node changes that can make an unschedulable pod fit (heartbeats alone cannot). */
function schedulingRelevantChange(old: Node, node: Node): boolean {
  const ready = (n: Node) => n.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  return (
    JSON.stringify(old.spec) !== JSON.stringify(node.spec) ||
    JSON.stringify(old.metadata.labels) !== JSON.stringify(node.metadata.labels) ||
    JSON.stringify(old.status?.allocatable) !== JSON.stringify(node.status?.allocatable) ||
    ready(old) !== ready(node)
  );
}
