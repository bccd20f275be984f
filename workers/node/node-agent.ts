// Everything one node worker runs, behind the NodeWorkerApi the control plane talks to: a
// mirror of the cluster clock, an API client over the link (cut while partitioned), the
// image cache (with images loaded from files), the container runtime, the kube-proxy in front
// of the node's network, the kubelet and its server side. The platform entry (entry-web.ts,
// entry-node.ts) supplies only how to start container workers and load images.

import { ApiError } from '../../src/apiserver/errors';
import type { AttachOptions, ExecInput, ExecOptions, LogOptions } from '../../src/apiserver/kubelet-connector';
import type { ApiRequest, ApiTransport, StreamSink } from '../../src/apiserver/request';
import { ClusterClock, type ClockState } from '../../src/cluster/clock';
import { ApiClient } from '../../src/client/client';
import { ImageCache, type ImageRegistry } from './images/image-cache';
import { NodeImageRegistry, type LoadedImage } from './images/loaded-images';
import { KubeProxy } from './kube-proxy/kube-proxy';
import { Kubelet } from './kubelet/kubelet';
import { KubeletServer } from './kubelet/kubelet-server';
import { NodeNetwork } from './node-network';
import type { ControlPlaneLink, NetworkStream, NodeConfig, NodeWorkerApi, StreamEvents } from './protocol';
import { createContainerRuntime, NetworkError, type KubetabContainerRuntime } from '../runtime/container-runtime';
import type { RuntimePlatform } from '../runtime/platform';

export interface NodePlatform {
  registry: ImageRegistry;
  /** How container workers start on this platform. */
  runtime: RuntimePlatform;
  /** Marks a callback object to be passed by reference across threads. */
  proxy<T extends object>(value: T): T;
  /**
   * When the warm pool of container workers boots: with the node (Node, where tests and
   * benchmarks want the first pod fast), or with the node's first pod (the browser, so the
   * first page load neither fetches nor boots container workers before anyone needs one).
   */
  warmPool: 'with-node' | 'with-first-pod';
}

const UNREACHABLE = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 503, reason: 'ServiceUnavailable', message: 'node is partitioned from the control plane' };

/** Rethrows an API error as its Status, which survives the trip across threads. */
function asStatus(error: unknown): never {
  throw error instanceof ApiError ? error.status : error;
}

export class NodeAgent implements NodeWorkerApi {
  private clock?: ClusterClock;
  private kubelet?: Kubelet;
  private runtime?: KubetabContainerRuntime;
  private network?: NodeNetwork;
  private kubeProxy?: KubeProxy;
  private images?: ImageCache;
  private readonly registry: NodeImageRegistry;
  private partitioned = false;
  private readonly server: KubeletServer;
  /** Streams from the API server, cut when the node is partitioned. */
  private readonly openStreams = new Map<number, { sink: StreamSink; api: ApiTransport }>();

  constructor(private readonly platform: NodePlatform) {
    this.registry = new NodeImageRegistry(platform.registry);
    this.server = new KubeletServer(
      () => this.kubelet,
      () => this.clock?.now() ?? Date.now(),
    );
  }

  async start(config: NodeConfig, link: ControlPlaneLink, clockState: ClockState): Promise<void> {
    const clock = new ClusterClock(clockState);
    this.clock = clock;
    const transport = this.gatedTransport(link.api);
    const client = new ApiClient(transport, `kubelet/${config.name}`);
    this.network = new NodeNetwork(config.name, link.network, (value) => this.platform.proxy(value));
    this.kubeProxy = new KubeProxy(new ApiClient(transport, `kube-proxy/${config.name}`), clock, config.name);
    this.network.translate = this.kubeProxy.translate;
    this.kubeProxy.start();
    this.runtime = createContainerRuntime({ platform: this.platform.runtime, clock, fabric: this.network, warmOnStart: false });
    const images = new ImageCache(this.registry, clock, config.pullDelayScale);
    this.images = images;
    const runtime = this.runtime;
    const warmWithPods = this.platform.warmPool === 'with-first-pod';
    this.kubelet = new Kubelet({
      client,
      clock,
      config,
      runtime,
      images,
      connect: (ip, port) => this.connectFromNode(config.internalIP, ip, port),
      onPodAdmitted: warmWithPods ? () => runtime.warm() : undefined,
    });
    await this.kubelet.start();
    if (!warmWithPods) runtime.warm();
  }

  setClock(state: ClockState): void {
    this.clock?.setState(state);
  }

  containerLogs(options: LogOptions, sink: StreamSink): Promise<{ streamId: number }> {
    return this.server.containerLogs(options, sink).catch(asStatus);
  }

  exec(options: ExecOptions, sink: StreamSink): Promise<{ streamId: number }> {
    return this.server.exec(options, sink).catch(asStatus);
  }

  attach(options: AttachOptions, sink: StreamSink): Promise<{ streamId: number }> {
    return this.server.attach(options, sink).catch(asStatus);
  }

  streamInput(streamId: number, input: ExecInput): Promise<void> {
    return this.server.streamInput(streamId, input);
  }

  cancel(streamId: number): Promise<void> {
    return this.server.cancel(streamId);
  }

  async acceptConnection(fromIP: string, fromPort: number, ip: string, port: number, events: StreamEvents): Promise<number> {
    if (!this.network) throw new Error('EHOSTUNREACH');
    return this.network.acceptConnection(fromIP, fromPort, ip, port, events);
  }

  async connectionData(streamId: number, data: Uint8Array | null): Promise<void> {
    this.network?.connectionData(streamId, data);
  }

  async loadImage(image: LoadedImage): Promise<'loaded' | 'present'> {
    if (this.registry.has(image) && this.images?.present(image.name)) return 'present';
    await this.registry.add(image);
    await this.images?.store(image.name);
    return 'loaded';
  }

  setPartitioned(partitioned: boolean): void {
    this.partitioned = partitioned;
    if (!partitioned) return;
    for (const [id, stream] of this.openStreams) {
      this.openStreams.delete(id);
      void stream.api.cancel(id).catch(() => undefined);
      stream.sink.end();
    }
  }

  async restartKubelet(): Promise<void> {
    const kubelet = this.kubelet;
    if (!kubelet) return;
    kubelet.stop();
    await kubelet.start();
  }

  async shutdown(): Promise<void> {
    this.kubeProxy?.stop();
    await this.kubelet?.shutdown();
    await this.runtime?.shutdown();
    this.clock?.stop();
  }

  /** A connection the node itself opens (probes, hooks): straight into a pod here, else over the pod network. */
  private async connectFromNode(nodeIP: string, ip: string, port: number): Promise<NetworkStream> {
    const runtime = this.runtime;
    const network = this.network;
    if (!runtime || !network) throw 'EHOSTUNREACH';
    try {
      return await runtime.connect(ip, port);
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      if (error.errno !== 'EHOSTUNREACH') throw error.errno;
      return network.connect(nodeIP, ip, port);
    }
  }

  /** The link to the API server, refusing every request while the node is partitioned. */
  private gatedTransport(api: ApiTransport): ApiTransport {
    const proxy = this.platform.proxy.bind(this.platform);
    return {
      request: async (req: ApiRequest) => {
        if (this.partitioned) return { status: 503, headers: {}, body: UNREACHABLE };
        return api.request(req);
      },
      stream: async (req: ApiRequest, sink: StreamSink) => {
        if (this.partitioned) return { status: 503, headers: {}, body: UNREACHABLE };
        let id: number | undefined;
        const tracked: StreamSink = {
          data: (chunk) => sink.data(chunk),
          end: () => {
            if (id !== undefined) this.openStreams.delete(id);
            sink.end();
          },
        };
        const response = await api.stream(req, proxy(tracked));
        id = response.streamId;
        if (id !== undefined) this.openStreams.set(id, { sink, api });
        return response;
      },
      streamInput: (id, chunk) => api.streamInput(id, chunk),
      cancel: (id) => api.cancel(id),
    };
  }
}
