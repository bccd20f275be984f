// The kubelet of one node: registers the node and heartbeats, watches the pods bound to it,
// admits each (or rejects it as OutOfcpu, OutOfmemory…), runs a pod worker for each, writes
// their status, deletes them once terminated, and serves container logs to the API server. It
// watches ConfigMaps and Secrets so pods' volumes and environments read them from its cache,
// and its own Node, whose labels and taints as they are now decide admission (read afresh from
// the API server before a pod is refused for its node affinity).
// Upstream: pkg/kubelet/kubelet.go.

import type { ConfigMap, Node, Pod, Secret, Service } from '../../../src/api/core';
import { objectKey } from '../../../src/api/meta';
import { isMirrorPod } from '../../../src/api/mirror-pods';
import { findResource } from '../../../src/api/scheme';
import type { ClusterClock } from '../../../src/cluster/clock';
import { isNotFound, type ApiClient } from '../../../src/client/client';
import { EventRecorder } from '../../../src/client/event-recorder';
import { Informer } from '../../../src/client/informer';
import type { ImageCache } from '../images/image-cache';
import type { NodeConfig } from '../protocol';
import type { ContainerRuntime, NetworkStream } from '../../runtime/runtime-api';
import { Backoff } from './backoff';
import type { EnvSources } from './container-env';
import { IpAllocator } from './ip-allocator';
import { NodeHeartbeat } from './node-heartbeat';
import { nodeResources, registrationNode, WORKER_IDENTITY } from './node-status';
import { admitPod, allocatableOf } from './pod-admission';
import { PodWorker } from './pod-worker';
import type { VolumeSources } from './pod-volumes';
import { StatusManager } from './status-manager';

const PODS = findResource('', 'v1', 'pods')!;
const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!;
const SECRETS = findResource('', 'v1', 'secrets')!;
const SERVICES = findResource('', 'v1', 'services')!;
const NODES = findResource('', 'v1', 'nodes')!;

export interface KubeletOptions {
  client: ApiClient;
  clock: ClusterClock;
  config: NodeConfig;
  runtime: ContainerRuntime;
  images: ImageCache;
  /** Opens a connection from the node into the pod network (probes, hooks); rejects with an errno. */
  connect(ip: string, port: number): Promise<NetworkStream>;
  /** Told each time a pod worker starts for a pod newly bound here. */
  onPodAdmitted?: () => void;
}

export class Kubelet {
  readonly workers = new Map<string, PodWorker>();
  private readonly heartbeat: NodeHeartbeat;
  private readonly statuses: StatusManager;
  private readonly recorder: EventRecorder;
  private readonly backoff = new Backoff();
  private readonly ips: IpAllocator;
  private pods?: Informer<Pod>;
  private configMaps?: Informer<ConfigMap>;
  private secrets?: Informer<Secret>;
  private node?: Informer<Node>;
  /** Pods refused at admission (their Failed status may not have come back yet). */
  private readonly rejected = new Set<string>();
  /** Pods whose admission waits for the node read from the API server (see recheckNode). */
  private readonly awaitingNode = new Set<string>();
  /** Pods whose admission already had the node read from the API server. */
  private readonly nodeRead = new Set<string>();
  /** The node as last read from the API server, when the watched copy may have been behind. */
  private readNode?: Node;

  constructor(private readonly options: KubeletOptions) {
    const { client, clock, config } = options;
    this.heartbeat = new NodeHeartbeat(client, clock, () => registrationNode(config, WORKER_IDENTITY, clock, config.registerWithTaints));
    this.statuses = new StatusManager(client, clock);
    this.recorder = new EventRecorder(client, clock, { component: 'kubelet', host: config.name });
    this.ips = new IpAllocator(config.podCIDR);
    options.images.onPulled(() => void this.reportImages());
  }

  get nodeName(): string {
    return this.options.config.name;
  }

  /** Registers the node and starts serving its pods. */
  async start(): Promise<void> {
    await this.heartbeat.start();
    const pods = new Informer<Pod>(this.options.client, PODS, this.options.clock, { fieldSelector: `spec.nodeName=${this.nodeName}` });
    pods.addHandlers({
      onAdd: (pod) => this.podChanged(pod, true),
      onUpdate: (old, pod) => this.podChanged(pod, specOrMetaChanged(old, pod)),
      onDelete: (pod) => void this.podRemoved(pod),
    });
    this.pods = pods;
    const { client, clock } = this.options;
    this.configMaps = new Informer<ConfigMap>(client, CONFIG_MAPS, clock);
    this.secrets = new Informer<Secret>(client, SECRETS, clock);
    this.node = new Informer<Node>(client, NODES, clock, { fieldSelector: `metadata.name=${this.nodeName}` });
    this.configMaps.start();
    this.secrets.start();
    this.node.start();
    await this.node.waitForSync();
    pods.start();
    await pods.waitForSync();
  }

  /** Stops watching and heartbeating; containers keep running (a kubelet restart). */
  stop(): void {
    this.heartbeat.stop();
    this.pods?.stop();
    this.pods = undefined;
    this.configMaps?.stop();
    this.secrets?.stop();
    this.node?.stop();
    this.configMaps = undefined;
    this.secrets = undefined;
    this.node = undefined;
  }

  /** Kills every container (the node is going away). */
  async shutdown(): Promise<void> {
    this.stop();
    await Promise.all([...this.workers.values()].map((w) => w.kill()));
    this.workers.clear();
  }

  /** The pod worker for a pod on this node, by namespace and name. */
  worker(namespace: string, name: string): PodWorker | undefined {
    for (const worker of this.workers.values()) {
      const meta = worker.current.metadata;
      if (meta.namespace === namespace && meta.name === name) return worker;
    }
    return undefined;
  }

  /** Reports images to node status after a pull. */
  async reportImages(): Promise<void> {
    this.heartbeat.images = this.options.images.list();
    await this.heartbeat.reportStatus().catch(() => undefined);
  }

  /**
   * A pod bound here was added or changed; status-only changes (often our own writes) do not
   * resync. Mirror pods are not run from the API: their static pods run from manifests.
   */
  private podChanged(pod: Pod, resync: boolean): void {
    if (isMirrorPod(pod)) return;
    const uid = pod.metadata.uid ?? '';
    let worker = this.workers.get(uid);
    if (!worker) {
      const phase = pod.status?.phase;
      if ((phase === 'Succeeded' || phase === 'Failed' || this.rejected.has(uid)) && !pod.metadata.deletionTimestamp) return;
      if (this.awaitingNode.has(uid)) return;
      if (!pod.metadata.deletionTimestamp && !pod.status?.startTime && this.reject(pod)) return;
      worker = new PodWorker(pod, {
        clock: this.options.clock,
        runtime: this.options.runtime,
        images: this.options.images,
        recorder: this.recorder,
        backoff: this.backoff,
        ips: this.ips,
        env: this.envSources(),
        volumes: this.volumeSources(),
        actions: { clock: this.options.clock, connect: this.options.connect },
        hostIP: this.options.config.internalIP,
        publish: (p, status) => this.statuses.set(p, status),
        remove: (p) => this.deletePod(p),
      });
      this.workers.set(uid, worker);
      this.options.onPodAdmitted?.();
      resync = true;
    }
    worker.update(pod, resync);
  }

  /**
   * Admission: refuses a pod that does not fit what the node has left; true when refused, or
   * when the decision waits for the node to be read afresh.
   */
  private reject(pod: Pod): boolean {
    const config = this.options.config;
    const uid = pod.metadata.uid ?? '';
    const active = [...[...this.workers.values()].filter((w) => w.isActive).map((w) => w.current), ...this.runningStaticPods()];
    const rejection = admitPod(pod, active, this.currentNode(), allocatableOf(nodeResources(config)));
    const reread = this.nodeRead.delete(uid);
    if (!rejection) return false;
    if (rejection.reason === 'NodeAffinity' && !reread) {
      void this.recheckNode(pod);
      return true;
    }
    this.rejected.add(uid);
    this.recorder.event(pod, 'Warning', rejection.reason, rejection.message);
    this.statuses.set(pod, { phase: 'Failed', reason: rejection.reason, message: `Pod was rejected: ${rejection.message}`, qosClass: pod.status?.qosClass });
    return true;
  }

  /** The newer of the watched node and the one last read from the API server. */
  private currentNode(): Node {
    const name = this.options.config.name;
    const watched = this.node?.get(name);
    const read = this.readNode;
    if (watched && read) return Number(read.metadata.resourceVersion) > Number(watched.metadata.resourceVersion) ? read : watched;
    return watched ?? read ?? { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: this.options.config.labels }, spec: {} };
  }

  /**
   * A pod the node's labels do not seem to admit may have been scheduled on labels the node's
   * watch has not brought yet: the node is read from the API server and admission runs again
   * with it, as upstream's kubelet does in releases after 1.32 (kubernetes#134445).
   */
  private async recheckNode(pod: Pod): Promise<void> {
    const uid = pod.metadata.uid ?? '';
    this.awaitingNode.add(uid);
    try {
      this.readNode = await this.options.client.get<Node>(NODES, undefined, this.options.config.name);
    } catch {
      // Unreachable API server: admission decides with the watched node.
    }
    this.awaitingNode.delete(uid);
    this.nodeRead.add(uid);
    const latest = this.pods?.get(objectKey(pod.metadata));
    if (latest?.metadata.uid === uid) this.podChanged(latest, true);
    else this.nodeRead.delete(uid);
  }

  /** The static pods this node runs, as their mirror pods show them: admission counts what they request. */
  private runningStaticPods(): Pod[] {
    return (this.pods?.list() ?? []).filter((pod) => isMirrorPod(pod) && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed');
  }

  private async podRemoved(pod: Pod): Promise<void> {
    const uid = pod.metadata.uid ?? '';
    this.rejected.delete(uid);
    const worker = this.workers.get(uid);
    this.workers.delete(uid);
    this.statuses.forget(uid);
    if (worker && !worker.isFinished) await worker.kill();
  }

  private async deletePod(pod: Pod): Promise<void> {
    await this.statuses.idle();
    try {
      await this.options.client.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '', {
        gracePeriodSeconds: 0,
        preconditions: { uid: pod.metadata.uid },
      });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private async getOrUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private envSources(): EnvSources {
    const client = this.options.client;
    return {
      configMap: async (ns, name) => this.configMaps?.get(`${ns}/${name}`) ?? this.getOrUndefined(() => client.get<ConfigMap>(CONFIG_MAPS, ns, name)),
      secret: async (ns, name) => this.secrets?.get(`${ns}/${name}`) ?? this.getOrUndefined(() => client.get<Secret>(SECRETS, ns, name)),
      services: async (ns) => (await client.list<Service>(SERVICES, ns)).items,
      nodeAllocatable: nodeResources(this.options.config),
    };
  }

  private volumeSources(): VolumeSources {
    const env = this.envSources();
    return { configMap: env.configMap, secret: env.secret, now: () => this.options.clock.now(), tokens: new Map() };
  }
}

function specOrMetaChanged(old: Pod, pod: Pod): boolean {
  const phaseChanged = old.status?.phase !== pod.status?.phase;
  return phaseChanged || JSON.stringify(old.spec) !== JSON.stringify(pod.spec) || JSON.stringify(old.metadata) !== JSON.stringify({ ...pod.metadata, resourceVersion: old.metadata.resourceVersion });
}
