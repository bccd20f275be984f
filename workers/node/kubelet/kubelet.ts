// The kubelet of one node: registers the node and heartbeats, watches the pods bound to it,
// runs a pod worker for each, writes their status, deletes them once terminated, and serves
// container logs to the API server. Upstream: pkg/kubelet/kubelet.go.

import type { ConfigMap, Pod, Secret, Service } from '../../../src/api/core';
import { findResource } from '../../../src/api/scheme';
import type { ClusterClock } from '../../../src/cluster/clock';
import { isNotFound, type ApiClient } from '../../../src/client/client';
import { EventRecorder } from '../../../src/client/event-recorder';
import { Informer } from '../../../src/client/informer';
import type { ImageCache } from '../image-cache';
import type { NodeConfig } from '../protocol';
import type { ContainerRuntime } from '../../runtime/runtime-api';
import { Backoff } from './backoff';
import type { EnvSources } from './container-env';
import { IpAllocator } from './ip-allocator';
import { NodeHeartbeat } from './node-heartbeat';
import { nodeResources, registrationNode, WORKER_IDENTITY } from './node-status';
import { PodWorker } from './pod-worker';
import type { VolumeSources } from './pod-volumes';
import { StatusManager } from './status-manager';

const PODS = findResource('', 'v1', 'pods')!;
const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!;
const SECRETS = findResource('', 'v1', 'secrets')!;
const SERVICES = findResource('', 'v1', 'services')!;

export interface KubeletOptions {
  client: ApiClient;
  clock: ClusterClock;
  config: NodeConfig;
  runtime: ContainerRuntime;
  images: ImageCache;
}

export class Kubelet {
  readonly workers = new Map<string, PodWorker>();
  private readonly heartbeat: NodeHeartbeat;
  private readonly statuses: StatusManager;
  private readonly recorder: EventRecorder;
  private readonly backoff = new Backoff();
  private readonly ips: IpAllocator;
  private pods?: Informer<Pod>;

  constructor(private readonly options: KubeletOptions) {
    const { client, clock, config } = options;
    this.heartbeat = new NodeHeartbeat(client, clock, () => registrationNode(config, WORKER_IDENTITY, clock));
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
    pods.start();
    await pods.waitForSync();
  }

  /** Stops watching and heartbeating; containers keep running (a kubelet restart). */
  stop(): void {
    this.heartbeat.stop();
    this.pods?.stop();
    this.pods = undefined;
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

  /** A pod bound here was added or changed; status-only changes (often our own writes) do not resync. */
  private podChanged(pod: Pod, resync: boolean): void {
    const uid = pod.metadata.uid ?? '';
    let worker = this.workers.get(uid);
    if (!worker) {
      const phase = pod.status?.phase;
      if ((phase === 'Succeeded' || phase === 'Failed') && !pod.metadata.deletionTimestamp) return;
      worker = new PodWorker(pod, {
        clock: this.options.clock,
        runtime: this.options.runtime,
        images: this.options.images,
        recorder: this.recorder,
        backoff: this.backoff,
        ips: this.ips,
        env: this.envSources(),
        volumes: this.volumeSources(),
        hostIP: this.options.config.internalIP,
        publish: (p, status) => this.statuses.set(p, status),
        remove: (p) => this.deletePod(p),
      });
      this.workers.set(uid, worker);
      resync = true;
    }
    worker.update(pod, resync);
  }

  private async podRemoved(pod: Pod): Promise<void> {
    const uid = pod.metadata.uid ?? '';
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
      configMap: (ns, name) => this.getOrUndefined(() => client.get<ConfigMap>(CONFIG_MAPS, ns, name)),
      secret: (ns, name) => this.getOrUndefined(() => client.get<Secret>(SECRETS, ns, name)),
      services: async (ns) => (await client.list<Service>(SERVICES, ns)).items,
      nodeAllocatable: nodeResources(this.options.config),
    };
  }

  private volumeSources(): VolumeSources {
    const env = this.envSources();
    return { configMap: env.configMap, secret: env.secret, now: () => this.options.clock.now() };
  }
}

function specOrMetaChanged(old: Pod, pod: Pod): boolean {
  const phaseChanged = old.status?.phase !== pod.status?.phase;
  return phaseChanged || JSON.stringify(old.spec) !== JSON.stringify(pod.spec) || JSON.stringify(old.metadata) !== JSON.stringify({ ...pod.metadata, resourceVersion: old.metadata.resourceVersion });
}
