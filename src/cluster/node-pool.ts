// The nodes, the control-plane node and the workers: each a worker started through the
// NodeHost, linked to the API server and the cluster network, following the cluster clock. Also
// the chaos controls: stop (a crash), start, partition, heal and kubelet restart. The control
// plane never learns of these from here; it only sees heartbeats stop or resume. Images loaded
// from files go to every node, and to nodes that start later.

import type { AttachOptions, ExecInput, ExecOptions, KubeletConnector, KubeletEndpoint, LogOptions } from '../apiserver/kubelet-connector';
import type { ApiRequest, ApiTransport, StreamSink } from '../apiserver/request';
import type { LoadedImage, LoadedImageSummary } from '../../workers/node/images/loaded-images';
import type { ClusterNetworkPort, ControlPlaneLink, NodeConfig } from '../../workers/node/protocol';
import type { ClusterClock } from './clock';
import type { NodeHost, NodeWorkerHandle } from './node-host';

export type NodeState = 'running' | 'stopped' | 'partitioned';

/** How long (real time) shutdown waits for a worker to stop its containers before ending it. */
const SHUTDOWN_WAIT_MS = 2000;

interface PoolEntry {
  config: NodeConfig;
  handle?: NodeWorkerHandle;
  state: NodeState;
}

export class NodePool implements KubeletConnector {
  private readonly entries = new Map<string, PoolEntry>();
  private readonly loadedImages = new Map<string, LoadedImage>();
  private readonly unsubscribeClock: () => void;

  constructor(
    private readonly host: NodeHost,
    private readonly api: ApiTransport,
    private readonly clock: ClusterClock,
    private readonly network: ClusterNetworkPort,
  ) {
    this.unsubscribeClock = clock.subscribe((state) => {
      for (const entry of this.entries.values()) if (entry.handle) void entry.handle.api.setClock(state).catch(() => undefined);
    });
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  state(name: string): NodeState | undefined {
    return this.entries.get(name)?.state;
  }

  /** Adds a node and starts its worker; resolves once its kubelet has registered. */
  async add(config: NodeConfig): Promise<void> {
    if (this.entries.has(config.name)) throw new Error(`node ${config.name} already exists`);
    const entry: PoolEntry = { config, state: 'stopped' };
    this.entries.set(config.name, entry);
    await this.startWorker(entry);
  }

  /** Crashes a node: its worker ends at once, heartbeats stop, its containers die. */
  async stop(name: string): Promise<void> {
    const entry = this.require(name);
    const handle = entry.handle;
    entry.handle = undefined;
    entry.state = 'stopped';
    await handle?.terminate();
  }

  /** Boots a stopped node again; its kubelet re-registers and restarts its pods' containers. */
  async start(name: string): Promise<void> {
    const entry = this.require(name);
    if (entry.handle) return;
    await this.startWorker(entry);
  }

  /** Cuts a node off from the control plane (or heals it); its containers keep running. */
  async setPartitioned(name: string, partitioned: boolean): Promise<void> {
    const entry = this.require(name);
    if (!entry.handle) throw new Error(`node ${name} is stopped`);
    await entry.handle.api.setPartitioned(partitioned);
    entry.state = partitioned ? 'partitioned' : 'running';
  }

  async restartKubelet(name: string): Promise<void> {
    const entry = this.require(name);
    if (!entry.handle) throw new Error(`node ${name} is stopped`);
    await entry.handle.api.restartKubelet();
  }

  /**
   * Loads a WebAssembly file as image `reference` on every node, as `kind load` does; throws
   * ImageLoadError for a bad name or file.
   */
  async loadImage(reference: string, path: string, bytes: Uint8Array): Promise<LoadedImageSummary> {
    const { prepareLoadedImage } = await import('../../workers/node/images/prepare-loaded-image');
    const image = prepareLoadedImage(reference, path, bytes);
    this.loadedImages.set(image.name, image);
    const summary: LoadedImageSummary = { name: image.name, digest: image.digest, sizeBytes: bytes.length, loadedOn: [], alreadyOn: [] };
    await Promise.all(
      [...this.entries].map(async ([name, entry]) => {
        if (!entry.handle) return;
        const outcome = await entry.handle.api.loadImage(image);
        (outcome === 'present' ? summary.alreadyOn : summary.loadedOn).push(name);
      }),
    );
    summary.loadedOn.sort();
    summary.alreadyOn.sort();
    return summary;
  }

  /** The kubelet of a node the API server can reach (running, not partitioned). */
  endpoint(nodeName: string): KubeletEndpoint | undefined {
    const entry = this.entries.get(nodeName);
    if (!entry?.handle || entry.state !== 'running') return undefined;
    const api = entry.handle.api;
    const proxy = this.host.proxy.bind(this.host);
    return {
      containerLogs: (options: LogOptions, sink: StreamSink) => api.containerLogs(options, proxy(sink)),
      exec: (options: ExecOptions, sink: StreamSink) => api.exec(options, proxy(sink)),
      attach: (options: AttachOptions, sink: StreamSink) => api.attach(options, proxy(sink)),
      streamInput: (streamId: number, input: ExecInput) => api.streamInput(streamId, input),
      cancel: (streamId: number) => api.cancel(streamId),
    };
  }

  /** The worker handle of a running node (for the network to deliver connections). */
  handle(nodeName: string): NodeWorkerHandle | undefined {
    return this.entries.get(nodeName)?.handle;
  }

  async shutdown(): Promise<void> {
    this.unsubscribeClock();
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        const handle = entry.handle;
        entry.handle = undefined;
        entry.state = 'stopped';
        if (!handle) return;
        await Promise.race([handle.api.shutdown().catch(() => undefined), new Promise<void>((resolve) => setTimeout(() => resolve(), SHUTDOWN_WAIT_MS))]);
        await handle.terminate();
      }),
    );
  }

  private require(name: string): PoolEntry {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`node ${name} not found`);
    return entry;
  }

  private async startWorker(entry: PoolEntry): Promise<void> {
    const handle = this.host.spawnNode(entry.config.name);
    entry.handle = handle;
    entry.state = 'running';
    const api = this.api;
    const link: ControlPlaneLink = {
      api: {
        request: (req: ApiRequest) => api.request(req),
        stream: (req: ApiRequest, sink: StreamSink) => api.stream(req, sink),
        streamInput: (id: number, chunk: unknown) => api.streamInput(id, chunk),
        cancel: (id: number) => api.cancel(id),
      },
      network: this.network,
    };
    await handle.api.start(entry.config, this.host.proxy(link), this.clock.snapshot());
    for (const image of this.loadedImages.values()) await handle.api.loadImage(image);
  }
}
