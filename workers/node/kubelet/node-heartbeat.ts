// A kubelet's registration and heartbeat: create (or take over) the Node object, renew the
// node's Lease every 10 seconds, and report node status when it changes or every five minutes.
// The control plane learns that a node is alive only from these writes. Each start records the
// kubelet's node events. Upstream builds the node before its first runtime status check, so it
// registers NotReady and its first (fast) status update turns it Ready; kubetab's runtime is
// ready the moment the kubelet starts, so registration is that update too, in one write, and
// records the events of both (NodeReady among them). Upstream:
// pkg/kubelet/kubelet_node_status.go (registerWithAPIServer, fastStatusUpdateOnce),
// pkg/kubelet/nodelease.

import type { Lease } from '../../../src/api/apps';
import type { Node, NodeStatus } from '../../../src/api/core';
import { findResource } from '../../../src/api/scheme';
import type { ClusterClock, Timer } from '../../../src/cluster/clock';
import { isAlreadyExists, isConflict, isNotFound, type ApiClient } from '../../../src/client/client';
import { NodeEvents } from './node-events';
import { LEASE_RENEW_SECONDS, nodeLease, readyConditions, STATUS_REPORT_SECONDS } from './node-status';

const NODES = findResource('', 'v1', 'nodes')!;
const LEASES = findResource('coordination.k8s.io', 'v1', 'leases')!;

export class NodeHeartbeat {
  private node?: Node;
  private leaseTimer?: Timer;
  private statusTimer?: Timer;
  private stopped = false;
  private events?: NodeEvents;
  /** Images to report in node status (the kubelet's image cache). */
  images: NonNullable<Node['status']>['images'] = [];

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    private readonly registration: () => Node,
  ) {}

  get nodeObject(): Node | undefined {
    return this.node;
  }

  /** Registers the node Ready (or reports an existing one so), and starts heartbeating. */
  async start(): Promise<Node> {
    this.stopped = false;
    const wanted = this.registration();
    const name = wanted.metadata.name ?? '';
    const events = new NodeEvents(this.client, this.clock, name);
    this.events = events;
    events.started();
    events.conditionsChanged(undefined, wanted.status?.conditions ?? []);
    events.allocatableEnforced();
    try {
      this.node = await this.client.create<Node>(NODES, undefined, wanted);
      events.conditionsChanged(readyConditions(this.clock.timestamp(), false), this.node.status?.conditions ?? []);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      this.node = await this.client.get<Node>(NODES, undefined, name);
      await this.reportStatus(wanted.status, this.node);
    }
    await this.renewLease().catch(() => undefined);
    this.scheduleLease();
    this.scheduleStatus();
    return this.node;
  }

  stop(): void {
    this.stopped = true;
    this.leaseTimer?.cancel();
    this.statusTimer?.cancel();
  }

  /**
   * Reports node status now: conditions (keeping their transition times while their status
   * holds, recording an event when it changes) and images, over `fresh` status fields if given.
   * `known` is the node as this kubelet has just read or written it, to write over without
   * reading it again (read afresh if it has changed since).
   */
  async reportStatus(fresh?: NodeStatus, known?: Node): Promise<void> {
    if (!this.node || this.stopped) return;
    const read = () => this.client.get<Node>(NODES, undefined, this.node?.metadata.name ?? '');
    let current = known ?? (await read());
    let reported: Node;
    try {
      reported = await this.client.updateStatus<Node>(NODES, this.withStatus(current, fresh));
    } catch (error) {
      if (!known || !isConflict(error)) throw error;
      current = await read();
      reported = await this.client.updateStatus<Node>(NODES, this.withStatus(current, fresh));
    }
    this.events?.conditionsChanged(current.status?.conditions, reported.status?.conditions ?? []);
    this.node = reported;
  }

  private withStatus(current: Node, fresh: NodeStatus | undefined): Node {
    const conditions = readyConditions(this.clock.timestamp()).map((condition) => {
      const old = current.status?.conditions?.find((c) => c.type === condition.type);
      return old && old.status === condition.status ? { ...condition, lastTransitionTime: old.lastTransitionTime } : condition;
    });
    return { ...current, status: { ...current.status, ...fresh, conditions, images: this.images } };
  }

  private scheduleLease(): void {
    this.leaseTimer = this.clock.after(LEASE_RENEW_SECONDS * 1000, () => {
      if (this.stopped) return;
      void this.renewLease()
        .then(() => this.reportIfMarkedUnready())
        .catch(() => undefined)
        .finally(() => this.scheduleLease());
    });
  }

  /**
   * Reports status at once when the API shows this node other than Ready (the node lifecycle
   * controller marked it Unknown while the kubelet was cut off), as the kubelet's status
   * update loop does every 10 s, instead of waiting for the five-minute report.
   */
  private async reportIfMarkedUnready(): Promise<void> {
    if (!this.node || this.stopped) return;
    const current = await this.client.get<Node>(NODES, undefined, this.node.metadata.name ?? '');
    const ready = current.status?.conditions?.find((c) => c.type === 'Ready');
    if (ready?.status !== 'True' || ready.reason !== 'KubeletReady') await this.reportStatus();
  }

  private scheduleStatus(): void {
    this.statusTimer = this.clock.after(STATUS_REPORT_SECONDS * 1000, () => {
      if (this.stopped) return;
      void this.reportStatus()
        .catch(() => undefined)
        .finally(() => this.scheduleStatus());
    });
  }

  private async renewLease(): Promise<void> {
    if (!this.node || this.stopped) return;
    const name = this.node.metadata.name ?? '';
    try {
      const lease = await this.client.get<Lease>(LEASES, 'kube-node-lease', name);
      await this.client.update(LEASES, { ...lease, spec: { ...lease.spec, holderIdentity: name, renewTime: this.clock.microTimestamp() } });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.client.create(LEASES, 'kube-node-lease', nodeLease(this.node, this.clock));
    }
  }
}
