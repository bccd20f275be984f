// Registration and heartbeats for every hollow node from one timer: each node's Lease is renewed
// every 10 s (nodes spread over the period, so a thousand nodes make a steady trickle, not a
// burst), and its status is posted when the API shows other conditions than its kubelet would
// (after the node lifecycle controller marked it Unknown) or every five minutes. Each hollow
// kubelet records the events a real one records about its node, as kubemark's do.

import type { Lease } from '../../api/apps';
import type { Node } from '../../api/core';
import { findResource } from '../../api/scheme';
import { isAlreadyExists, isConflict, isNotFound, type ApiClient } from '../../client/client';
import { LEASE_RENEW_SECONDS, nodeLease, readyConditions, registrationNode, STATUS_REPORT_SECONDS } from '../../../workers/node/kubelet/node-status';
import { NodeEvents } from '../../../workers/node/kubelet/node-events';
import type { NodeConfig } from '../../../workers/node/protocol';
import type { ClusterClock, Timer } from '../clock';
import { HOLLOW_ANNOTATION, HOLLOW_EXPLANATION, HOLLOW_IDENTITY } from './hollow-node-config';

const NODES = findResource('', 'v1', 'nodes')!;
const LEASES = findResource('coordination.k8s.io', 'v1', 'leases')!;
const TICK_MS = 1000;

interface Beating {
  config: NodeConfig;
  events: NodeEvents;
  lease?: Lease;
  nextLeaseAt: number;
  nextStatusAt: number;
  silent: boolean;
}

export class HollowHeartbeats {
  private readonly beating = new Map<string, Beating>();
  private timer?: Timer;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    /** The node as the API shows it now (the hollow nodes' node informer). */
    private readonly current: (name: string) => Node | undefined,
  ) {}

  /** Registers a hollow node (or takes over an existing Node of that name) and starts its heartbeat. */
  async register(config: NodeConfig): Promise<void> {
    const node = registrationNode(config, HOLLOW_IDENTITY, this.clock);
    node.metadata.annotations = { ...node.metadata.annotations, [HOLLOW_ANNOTATION]: HOLLOW_EXPLANATION };
    node.spec.providerID = `kubetab://hollow/${config.name}`;
    const events = new NodeEvents(this.client, this.clock, config.name);
    events.started();
    events.conditionsChanged(undefined, node.status?.conditions ?? []);
    events.allocatableEnforced();
    let registered: Node;
    try {
      registered = await this.client.create<Node>(NODES, undefined, node);
      events.conditionsChanged(readyConditions(this.clock.timestamp(), false), registered.status?.conditions ?? []);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const existing = await this.client.get<Node>(NODES, undefined, config.name);
      registered = await this.client.updateStatus<Node>(NODES, { ...existing, status: { ...node.status, conditions: readyConditions(this.clock.timestamp()) } });
      events.conditionsChanged(existing.status?.conditions, registered.status?.conditions ?? []);
    }
    const now = this.clock.now();
    const spread = (this.beating.size * 37) % (LEASE_RENEW_SECONDS * 1000);
    const entry: Beating = { config, events, nextLeaseAt: now + spread, nextStatusAt: now + STATUS_REPORT_SECONDS * 1000, silent: false };
    this.beating.set(config.name, entry);
    await this.renewLease(entry, registered);
    this.ensureTimer();
  }

  /** Stops or resumes a node's heartbeats (a crash or partition of a hollow node). */
  setSilent(name: string, silent: boolean): void {
    const entry = this.beating.get(name);
    if (!entry) return;
    entry.silent = silent;
    if (!silent) {
      entry.nextLeaseAt = this.clock.now();
      entry.nextStatusAt = this.clock.now();
    }
  }

  isSilent(name: string): boolean {
    return this.beating.get(name)?.silent ?? false;
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.beating.clear();
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = this.clock.after(TICK_MS, () => {
      this.timer = undefined;
      void this.tick().finally(() => {
        if (this.beating.size > 0) this.ensureTimer();
      });
    });
  }

  private async tick(): Promise<void> {
    const now = this.clock.now();
    for (const entry of this.beating.values()) {
      if (entry.silent) continue;
      try {
        if (now >= entry.nextLeaseAt) {
          entry.nextLeaseAt = now + LEASE_RENEW_SECONDS * 1000;
          await this.renewLease(entry);
        }
        await this.reportStatus(entry, now);
      } catch {
        // The next tick tries again, as a kubelet retries its heartbeat.
      }
    }
  }

  private async renewLease(entry: Beating, node?: Node): Promise<void> {
    const name = entry.config.name;
    if (entry.lease) {
      try {
        entry.lease = await this.client.update<Lease>(LEASES, { ...entry.lease, spec: { ...entry.lease.spec, holderIdentity: name, renewTime: this.clock.microTimestamp() } });
        return;
      } catch (error) {
        if (!isConflict(error) && !isNotFound(error)) throw error;
        entry.lease = undefined;
      }
    }
    try {
      const existing = await this.client.get<Lease>(LEASES, 'kube-node-lease', name);
      entry.lease = await this.client.update<Lease>(LEASES, { ...existing, spec: { ...existing.spec, holderIdentity: name, renewTime: this.clock.microTimestamp() } });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      const owner = node ?? this.current(name);
      if (!owner) return;
      entry.lease = await this.client.create<Lease>(LEASES, 'kube-node-lease', nodeLease(owner, this.clock));
    }
  }

  /** Posts Ready conditions when the API shows something else, or when the report is due. */
  private async reportStatus(entry: Beating, now: number): Promise<void> {
    const node = this.current(entry.config.name);
    if (!node) return;
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    const healthy = ready?.status === 'True' && ready.reason === 'KubeletReady';
    if (healthy && now < entry.nextStatusAt) return;
    entry.nextStatusAt = now + STATUS_REPORT_SECONDS * 1000;
    const timestamp = this.clock.timestamp();
    const conditions = readyConditions(timestamp).map((fresh) => {
      const old = node.status?.conditions?.find((c) => c.type === fresh.type);
      return old && old.status === fresh.status ? { ...fresh, lastTransitionTime: old.lastTransitionTime } : fresh;
    });
    const reported = await this.client.updateStatus<Node>(NODES, { ...node, metadata: { ...node.metadata, resourceVersion: undefined }, status: { ...node.status, conditions } });
    entry.events.conditionsChanged(node.status?.conditions, reported.status?.conditions ?? []);
  }
}
