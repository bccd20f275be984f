// The cluster's hollow nodes: kubemark-style nodes run on the main thread for scale and speed.
// `add` registers more of them; `stop`/`start` and `setPartitioned` are their chaos controls
// (a hollow node has no containers, so stopping and partitioning both just silence it).

import type { Node } from '../../api/core';
import { findResource } from '../../api/scheme';
import type { ApiClient } from '../../client/client';
import { Informer } from '../../client/informer';
import type { ClusterClock } from '../clock';
import { HollowHeartbeats } from './hollow-heartbeats';
import { HOLLOW_LABEL, hollowConfig } from './hollow-node-config';
import { HollowPodDriver } from './hollow-pod-driver';

const NODES = findResource('', 'v1', 'nodes')!;

export class HollowNodes {
  private readonly nodes: Informer<Node>;
  private readonly heartbeats: HollowHeartbeats;
  private readonly driver: HollowPodDriver;
  private readonly added: string[] = [];
  private started?: Promise<void>;

  constructor(client: ApiClient, clock: ClusterClock) {
    this.nodes = new Informer<Node>(client, NODES, clock, { labelSelector: `${HOLLOW_LABEL}=true` });
    this.heartbeats = new HollowHeartbeats(client, clock, (name) => this.nodes.get(name));
    this.driver = new HollowPodDriver(client, clock, (name) => this.heartbeats.isSilent(name));
  }

  get names(): string[] {
    return [...this.added];
  }

  has(name: string): boolean {
    return this.added.includes(name);
  }

  /** Registers `count` more hollow nodes; resolves with their names once all are registered. */
  async add(count: number): Promise<string[]> {
    this.started ??= this.start();
    await this.started;
    const configs = Array.from({ length: count }, (_, i) => hollowConfig(this.added.length + i));
    this.added.push(...configs.map((c) => c.name));
    for (const config of configs) this.driver.addHost(config);
    const batch = 50;
    for (let i = 0; i < configs.length; i += batch) await Promise.all(configs.slice(i, i + batch).map((c) => this.heartbeats.register(c)));
    return configs.map((c) => c.name);
  }

  private async start(): Promise<void> {
    this.nodes.start();
    this.driver.start();
    await Promise.all([this.nodes.waitForSync(), this.driver.pods.waitForSync()]);
  }

  /** Silences a hollow node (its heartbeats and pod updates stop) or brings it back. */
  setSilent(name: string, silent: boolean): void {
    this.heartbeats.setSilent(name, silent);
    if (!silent) this.driver.resync(name);
  }

  state(name: string): 'running' | 'stopped' | undefined {
    if (!this.has(name)) return undefined;
    return this.heartbeats.isSilent(name) ? 'stopped' : 'running';
  }

  shutdown(): void {
    this.heartbeats.stop();
    this.driver.stop();
    this.nodes.stop();
  }
}
