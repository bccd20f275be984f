// The node's side of the pod network: the NetworkFabric the container runtime uses. Pods on
// this node listen here; connections to them from this node are joined in memory, connections
// to pods elsewhere go through the cluster network on the main thread, and connections arriving
// from other nodes are handed to the listening pod. Service virtual IPs are translated first
// by the node's kube-proxy (its `translate`).

import type { NetworkFabric, NetworkStream } from '../runtime/runtime-api';
import { streamPair } from '../runtime/host/stream-pair';
import { RemoteStream } from './network/remote-stream';
import type { ClusterNetworkPort, StreamEvents } from './protocol';

type Listener = (stream: NetworkStream) => void;

/** Translates a service address to a backend (kube-proxy), or leaves it alone. */
export type AddressTranslator = (ip: string, port: number, fromIP: string) => { ip: string; port: number } | 'reject' | undefined;

export class NodeNetwork implements NetworkFabric {
  private readonly listeners = new Map<string, Listener>();
  private readonly inbound = new Map<number, NetworkStream>();
  private nextInbound = 1;
  private nextPort = 33000;
  translate: AddressTranslator = () => undefined;

  constructor(
    private readonly nodeName: string,
    private readonly cluster: ClusterNetworkPort,
    private readonly proxy: <T extends object>(value: T) => T,
  ) {}

  resolve(name: string, fromNamespace: string): Promise<string[]> {
    return this.cluster.resolve(name, fromNamespace);
  }

  async listen(podIP: string, port: number, onConnection: Listener): Promise<() => void> {
    const key = `${podIP}:${port}`;
    if (this.listeners.has(key)) throw new Error('EADDRINUSE');
    this.listeners.set(key, onConnection);
    return () => {
      if (this.listeners.get(key) === onConnection) this.listeners.delete(key);
    };
  }

  async connect(fromPodIP: string, ip: string, port: number): Promise<NetworkStream> {
    const translated = this.translate(ip, port, fromPodIP);
    if (translated === 'reject') throw 'ECONNREFUSED';
    const target = translated ?? { ip, port };
    const fromPort = this.ephemeralPort();
    const local = this.listeners.get(`${target.ip}:${target.port}`);
    if (local) {
      const [client, server] = streamPair({ address: fromPodIP, port: fromPort }, { address: target.ip, port: target.port });
      local(server);
      return client;
    }
    let streamId: number | undefined;
    const queued: (Uint8Array | null)[] = [];
    const stream = new RemoteStream(target.ip, target.port, (data) => {
      if (streamId === undefined) queued.push(data);
      else void this.cluster.send(streamId, data).catch(() => undefined);
    });
    const events: StreamEvents = { data: (chunk) => stream.deliver(chunk) };
    try {
      streamId = await this.cluster.connect(this.nodeName, fromPodIP, target.ip, target.port, this.proxy(events));
    } catch (error) {
      throw error instanceof Error ? error.message : error;
    }
    for (const data of queued.splice(0)) void this.cluster.send(streamId, data).catch(() => undefined);
    return stream;
  }

  /** A connection from another node for a pod here; returns the id its data arrives under. */
  acceptConnection(fromIP: string, fromPort: number, ip: string, port: number, events: StreamEvents): number {
    const listener = this.listeners.get(`${ip}:${port}`);
    if (!listener) throw new Error('ECONNREFUSED');
    const [client, server] = streamPair({ address: fromIP, port: fromPort }, { address: ip, port });
    const id = this.nextInbound++;
    this.inbound.set(id, client);
    client.onData((data) => {
      events.data(data.length === 0 ? null : data);
      if (data.length === 0) this.inbound.delete(id);
    });
    listener(server);
    return id;
  }

  /** Data for an accepted connection (null ends it). */
  connectionData(id: number, data: Uint8Array | null): void {
    const stream = this.inbound.get(id);
    if (!stream) return;
    if (data === null) stream.end();
    else stream.write(data);
  }

  private ephemeralPort(): number {
    this.nextPort = this.nextPort >= 60999 ? 33000 : this.nextPort + 1;
    return this.nextPort;
  }
}
