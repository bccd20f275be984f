// A whole kubetab cluster: the store, the API server, the control-plane components on this
// thread (scheduler, controllers, the control-plane node), and worker nodes started through the
// platform's NodeHost. The same code boots the cluster in the browser, in Node and in tests.

import type { KubeObject } from '../api/meta';
import { ApiServer } from '../apiserver/api-server';
import { ApiClient } from '../client/client';
import { ControllerManager } from '../controllers/controller-manager';
import { Scheduler } from '../scheduler/scheduler';
import { BatchingPersistence, type PersistenceBackend } from '../store/persistence';
import { MvccStore } from '../store/mvcc-store';
import type { NodeHeartbeat } from '../../workers/node/kubelet/node-heartbeat';
import type { NodeConfig } from '../../workers/node/protocol';
import { bootstrapCluster } from './bootstrap';
import { ClusterClock } from './clock';
import { ClusterNetwork } from './cluster-network';
import { startControlPlaneNode } from './control-plane-node';
import { HollowNodes } from './hollow/hollow-nodes';
import type { NodeHost } from './node-host';
import { NodePool } from './node-pool';
import { CONTROL_PLANE_NODE, workerConfig } from './topology';

export interface ClusterOptions {
  host: NodeHost;
  /** Worker nodes to start (kind's default playground has three). */
  workers?: number;
  clock?: ClusterClock;
  /** Where the store keeps its writes; omitted, the cluster lives in memory only. */
  persistence?: PersistenceBackend;
  /** Scales simulated image pull time (0 turns pulls instant, for benchmarks). */
  pullDelayScale?: number;
  /** Adjusts each worker node's configuration. */
  configureNode?: (config: NodeConfig) => NodeConfig;
  /** Hollow (kubemark-style) nodes to register at boot, besides the worker nodes. */
  hollowNodes?: number;
  /**
   * False: `start` resolves once the control plane is up, while worker nodes keep starting
   * (see `workersStarted`). The page uses this to show the cluster as nodes register.
   */
  waitForWorkers?: boolean;
}

export class Cluster {
  readonly client: ApiClient;
  readonly nodes: NodePool;
  /** Kubemark-style nodes without workers or containers (see `addHollowNodes`). */
  readonly hollowNodes: HollowNodes;
  private readonly scheduler: Scheduler;
  private readonly controllers: ControllerManager;
  private readonly controlPlaneNode: NodeHeartbeat;
  /** DNS, routing between nodes, and the control-plane node's way into the pod network. */
  readonly network: ClusterNetwork;
  /** One promise per worker node started at boot; each settles when that node has registered or failed. */
  workersStarted: Promise<void>[] = [];

  private constructor(
    readonly clock: ClusterClock,
    readonly store: MvccStore<KubeObject>,
    readonly apiServer: ApiServer,
    private readonly options: ClusterOptions,
  ) {
    this.client = new ApiClient(apiServer, 'kube-controller-manager');
    this.network = new ClusterNetwork(new ApiClient(apiServer, 'kube-proxy'), clock, () => this.nodes, (value) => options.host.proxy(value));
    this.nodes = new NodePool(options.host, apiServer, clock, options.host.proxy(this.network.port()));
    this.scheduler = new Scheduler({ client: new ApiClient(apiServer, 'kube-scheduler'), clock, hostName: CONTROL_PLANE_NODE });
    this.controllers = new ControllerManager(this.client, clock);
    this.controlPlaneNode = startControlPlaneNode(new ApiClient(apiServer, 'kubelet'), clock);
    this.hollowNodes = new HollowNodes(new ApiClient(apiServer, 'kubelet'), clock);
  }

  /** Builds the control plane, restores persisted state if any, and starts every node. */
  static async start(options: ClusterOptions): Promise<Cluster> {
    const clock = options.clock ?? new ClusterClock();
    let persistence: BatchingPersistence | undefined;
    const restored = options.persistence ? await options.persistence.load() : undefined;
    if (options.persistence) persistence = new BatchingPersistence(options.persistence, restored?.revision ?? 0);
    const store = new MvccStore<KubeObject>({ persistence });
    if (restored) {
      store.restore(restored.entries as { key: string; value: KubeObject; createRevision: number; modRevision: number }[], restored.revision);
      const savedClock = restored.meta.clock as { clusterAt?: number } | undefined;
      if (savedClock?.clusterAt && !clock.isManual && savedClock.clusterAt > clock.now()) clock.setState({ ...clock.snapshot(), clusterAt: savedClock.clusterAt });
    }
    if (persistence) {
      const saveClock = () => persistence?.setMeta('clock', clock.snapshot());
      saveClock();
      clock.subscribe(saveClock);
    }
    let cluster!: Cluster;
    const apiServer = new ApiServer({ clock, store, kubelets: { endpoint: (name) => cluster.nodes.endpoint(name) } });
    cluster = new Cluster(clock, store, apiServer, options);
    await cluster.boot();
    return cluster;
  }

  /** Starts worker nodes at once (they register as soon as the API answers), then the control plane. */
  private async boot(): Promise<void> {
    this.workersStarted = Array.from({ length: this.options.workers ?? 3 }, (_, i) => this.addWorker(i));
    await bootstrapCluster(this.client);
    this.controllers.start();
    this.scheduler.start();
    this.network.start();
    await this.controlPlaneNode.start();
    if (this.options.hollowNodes) await this.addHollowNodes(this.options.hollowNodes);
    if (this.options.waitForWorkers !== false) await Promise.all(this.workersStarted);
  }

  /** Registers `count` more hollow nodes (no workers, no containers); resolves with their names. */
  addHollowNodes(count: number): Promise<string[]> {
    return this.hollowNodes.add(count);
  }

  /** Starts worker node `index` (0-based) as this cluster's options configure it. */
  addWorker(index: number): Promise<void> {
    const configure = this.options.configureNode ?? ((config: NodeConfig) => config);
    return this.nodes.add(configure(workerConfig(index, { pullDelayScale: this.options.pullDelayScale ?? 1 })));
  }

  /** Stops every component and node worker. */
  async shutdown(): Promise<void> {
    this.scheduler.stop();
    this.controllers.stop();
    this.controlPlaneNode.stop();
    this.hollowNodes.shutdown();
    this.network.stop();
    await this.nodes.shutdown();
    this.clock.stop();
  }
}
