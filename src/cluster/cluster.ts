// A whole kubetab cluster: the store, the API server, the control-plane components on this
// thread (scheduler, controllers, the control-plane node's static pods), and the nodes started
// through the platform's NodeHost: the control-plane node and the worker nodes, each a worker
// with its own kubelet. The same code boots the cluster in the browser, in Node and in tests.
// The scheduler and controllers load as their own chunk (see `control-loops`): nodes register
// without them, so the page does not wait for their code. So do the control-plane node's
// static pods (see `static-pods`), published once that node has registered.

import type { Node } from '../api/core';
import type { KubeObject } from '../api/meta';
import { findResource } from '../api/scheme';
import { ApiServer } from '../apiserver/api-server';
import { ApiClient } from '../client/client';
import { BatchingPersistence, type PersistenceBackend } from '../store/persistence';
import { MvccStore } from '../store/mvcc-store';
import type { NodeConfig } from '../../workers/node/protocol';
import type { KubeletEndpoint } from '../apiserver/kubelet-connector';
import { createKubernetesService, createSystemNamespaces } from './bootstrap';
import { ClusterClock } from './clock';
import { ClusterNetwork } from './cluster-network';
import { loadControlLoops, type ControlLoops } from './control-loops';
import type { HollowNodes } from './hollow/hollow-nodes';
import type { NodeHost } from './node-host';
import { NodePool } from './node-pool';
import { controlPlaneKubeletEndpoint } from './static-pods/control-plane-endpoint';
import type { StaticPods } from './static-pods/start-static-pods';
import { CONTROL_PLANE_NODE, controlPlaneConfig, nodeIP, workerConfig, workerName } from './topology';

const NODES = findResource('', 'v1', 'nodes')!;

export interface ClusterOptions {
  host: NodeHost;
  /** Worker nodes to start (kind's default playground has three). */
  workers?: number;
  clock?: ClusterClock;
  /** Where the store keeps its writes; omitted, the cluster lives in memory only. */
  persistence?: PersistenceBackend;
  /** Scales simulated image pull time (0 turns pulls instant, for benchmarks). */
  pullDelayScale?: number;
  /** Adjusts each node's configuration. */
  configureNode?: (config: NodeConfig) => NodeConfig;
  /** Hollow (kubemark-style) nodes to register at boot, besides the worker nodes. */
  hollowNodes?: number;
  /**
   * False: `boot` resolves once the control plane is up, while worker nodes keep starting
   * (see `nodesStarted`) and the scheduler and controllers start once they have (see
   * `controlLoopsStarted`). The page uses this to show the cluster as nodes register.
   */
  waitForWorkers?: boolean;
}

export class Cluster {
  readonly client: ApiClient;
  readonly nodes: NodePool;
  /** Kubemark-style nodes without workers or containers, loaded on first use (see `addHollowNodes`). */
  private hollow?: Promise<HollowNodes>;
  private controlLoops?: ControlLoops;
  private staticPods?: StaticPods;
  /** The store's revision when this control plane started (after any restore). */
  private readonly startRevision: number;
  private stopped = false;
  /** DNS, routing between nodes, and the control-plane node's way into the pod network. */
  readonly network: ClusterNetwork;
  /** The nodes started at boot, the control-plane node first; each settles when that node has registered or failed. */
  nodesStarted: { name: string; started: Promise<void> }[] = [];
  /** Settles once the scheduler and the controllers run (or failed to load). */
  controlLoopsStarted: Promise<void> = Promise.resolve();
  /** Settles once the control-plane node's mirror pods and the kube-dns Service are published (or failed to). */
  staticPodsStarted: Promise<void> = Promise.resolve();

  private constructor(
    readonly clock: ClusterClock,
    readonly store: MvccStore<KubeObject>,
    readonly apiServer: ApiServer,
    private readonly options: ClusterOptions,
  ) {
    this.client = new ApiClient(apiServer, 'kube-controller-manager');
    this.network = new ClusterNetwork(new ApiClient(apiServer, 'kube-proxy'), clock, () => this.nodes, (value) => options.host.proxy(value));
    this.nodes = new NodePool(options.host, apiServer, clock, options.host.proxy(this.network.port()));
    this.startRevision = store.revision;
  }

  /** The kubelet of `nodeName` (on the control-plane node, its static pods' part too). */
  kubeletEndpoint(nodeName: string): KubeletEndpoint | undefined {
    const endpoint = this.nodes.endpoint(nodeName);
    if (nodeName !== CONTROL_PLANE_NODE || !this.staticPods || !endpoint) return endpoint;
    return controlPlaneKubeletEndpoint(this.staticPods, endpoint);
  }

  /** The worker nodes' names (the nodes the chaos controls act on). */
  workerNodeNames(): string[] {
    return this.nodes.names.filter((name) => name !== CONTROL_PLANE_NODE);
  }

  /** Builds the control plane, restores persisted state if any, and starts every node. */
  static async start(options: ClusterOptions): Promise<Cluster> {
    const cluster = await Cluster.create(options);
    await cluster.boot();
    return cluster;
  }

  /**
   * Builds the control plane and restores persisted state if any, starting nothing: the API
   * server answers at once (the page watches it while `boot` runs).
   */
  static async create(options: ClusterOptions): Promise<Cluster> {
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
    const apiServer = new ApiServer({ clock, store, kubelets: { endpoint: (name) => cluster.kubeletEndpoint(name) } });
    cluster = new Cluster(clock, store, apiServer, options);
    return cluster;
  }

  /**
   * Starts every node at once (they register as soon as the API answers), then the control
   * plane: the network, the system namespaces, the scheduler and controllers, and the
   * `kubernetes` Service; the static pods once the control-plane node has registered. Without
   * `waitForWorkers`, the scheduler and controllers start once the nodes have (informers list,
   * then watch, so starting them later loses nothing).
   */
  async boot(): Promise<void> {
    const controlPlane = this.addNode(controlPlaneConfig());
    const workers = Array.from({ length: this.options.workers ?? 3 }, (_, i) => ({ name: workerName(i), started: this.addNode(workerConfig(i)) }));
    this.nodesStarted = [{ name: CONTROL_PLANE_NODE, started: controlPlane }, ...workers];
    const started = this.nodesStarted.map((node) => node.started);
    const deferControlLoops = this.options.waitForWorkers === false;
    this.network.start();
    await createSystemNamespaces(this.client);
    if (!deferControlLoops) {
      this.controlLoopsStarted = this.startControlLoops();
      await this.controlLoopsStarted;
    }
    this.staticPodsStarted = controlPlane
      .then(() => this.client.get<Node>(NODES, undefined, CONTROL_PLANE_NODE))
      .then((node) => this.startStaticPods(node))
      .catch(() => undefined);
    await createKubernetesService(this.client);
    if (this.options.hollowNodes) await this.addHollowNodes(this.options.hollowNodes);
    if (deferControlLoops) {
      this.controlLoopsStarted = Promise.allSettled(started).then(() => this.startControlLoops());
      return;
    }
    await Promise.all([...started, this.staticPodsStarted]);
  }

  /** Loads the control-plane node's static pods and publishes them, with the kube-dns Service. */
  private async startStaticPods(node: Node): Promise<void> {
    const [{ startStaticPods }, { createKubeDnsService }] = await Promise.all([import('./static-pods/start-static-pods'), import('./kube-dns-service')]);
    if (this.stopped) return;
    this.staticPods = startStaticPods(this.apiServer, this.clock, node, nodeIP(0), this.startRevision);
    await Promise.all([this.staticPods.published, createKubeDnsService(this.client)]);
  }

  private async startControlLoops(): Promise<void> {
    const create = await loadControlLoops();
    if (this.stopped) return;
    const loops = create(this.apiServer, this.client, this.clock);
    this.controlLoops = loops;
    loops.start();
  }

  /** Registers `count` more hollow nodes (no workers, no containers); resolves with their names. */
  async addHollowNodes(count: number): Promise<string[]> {
    return (await this.hollowNodes()).add(count);
  }

  /** The hollow node driver; its code is only fetched when a cluster first asks for hollow nodes. */
  hollowNodes(): Promise<HollowNodes> {
    this.hollow ??= import('./hollow/hollow-nodes').then(({ HollowNodes }) => new HollowNodes(new ApiClient(this.apiServer, 'kubelet'), this.clock));
    return this.hollow;
  }

  /** Starts a node's worker as this cluster's options configure it. */
  private addNode(config: NodeConfig): Promise<void> {
    const configure = this.options.configureNode ?? ((node: NodeConfig) => node);
    return this.nodes.add(configure({ ...config, pullDelayScale: this.options.pullDelayScale ?? 1 }));
  }

  /** Stops every component and node worker. */
  async shutdown(): Promise<void> {
    this.stopped = true;
    this.controlLoops?.stop();
    this.staticPods?.stop();
    if (this.hollow) (await this.hollow).shutdown();
    this.network.stop();
    await this.nodes.shutdown();
    this.clock.stop();
    // Every acknowledged write is already durable; this waits for the rest (a stopping
    // component's last status write), so a cluster started next on the same files finds them settled.
    await this.store.durable(this.store.revision).catch(() => undefined);
  }
}
