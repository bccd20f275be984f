// The cluster network on the main thread: cluster DNS, delivery of connections between pods on
// different nodes (routed by pod IP to the node that runs the pod), and the control-plane
// node's own way into the pod network, with its kube-proxy, which the terminal's curl, wget and
// nslookup use. Service virtual IPs are translated before connections get here, by the
// kube-proxy of the sending node.

import type { Pod } from '../api/core';
import { findResource } from '../api/scheme';
import type { ApiClient } from '../client/client';
import { Informer } from '../client/informer';
import { KubeProxy } from '../../workers/node/kube-proxy/kube-proxy';
import { RemoteStream } from '../../workers/node/network/remote-stream';
import type { ClusterNetworkPort, StreamEvents } from '../../workers/node/protocol';
import type { NetworkStream } from '../../workers/runtime/runtime-api';
import type { ClusterClock } from './clock';
import { ClusterDns } from './cluster-dns';
import type { NodePool } from './node-pool';
import { CONTROL_PLANE_NODE, nodeIP } from './topology';

const PODS = findResource('', 'v1', 'pods')!;

export class NetworkError extends Error {
  constructor(readonly errno: 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ENOENT') {
    super(errno);
  }
}

/** The control-plane node's view of the pod network: what the terminal's network tools use. */
export interface HostNetwork {
  /** The node's own address (connections come from here). */
  readonly address: string;
  /** Cluster DNS as a pod in `namespace` would see it. */
  resolve(name: string, namespace: string): Promise<string[]>;
  /** Connects through kube-proxy; rejects with a NetworkError. */
  connect(ip: string, port: number): Promise<NetworkStream>;
}

interface Route {
  node: string;
  remoteId: number;
}

export class ClusterNetwork {
  readonly pods: Informer<Pod>;
  /** The control-plane node's kube-proxy rules, as the terminal's connections meet them. */
  readonly proxy: KubeProxy;
  private readonly dns: ClusterDns;
  private readonly routes = new Map<number, Route>();
  private nextStreamId = 1;
  private nextHostPort = 40000;

  constructor(
    client: ApiClient,
    clock: ClusterClock,
    private readonly nodes: () => NodePool,
    private readonly passOn: <T extends object>(value: T) => T,
  ) {
    this.pods = new Informer<Pod>(client, PODS, clock);
    this.proxy = new KubeProxy(client, clock, CONTROL_PLANE_NODE);
    this.dns = new ClusterDns(this.proxy.services, this.proxy.endpointSlices);
  }

  /** Follows the API; the control-plane node's own kube-proxy (in its worker) announces its start. */
  start(): void {
    this.pods.start();
    this.proxy.follow();
  }

  stop(): void {
    this.pods.stop();
    this.proxy.stop();
  }

  /** Cluster DNS: addresses for `name` as a pod in `fromNamespace` would resolve it. */
  resolve(name: string, fromNamespace: string): string[] {
    return this.dns.resolve(name, fromNamespace);
  }

  /** The node running the pod with this IP. */
  nodeOf(ip: string): string | undefined {
    return this.pods.list().find((pod) => pod.status?.podIP === ip && pod.status.phase === 'Running')?.spec.nodeName;
  }

  /** The port node workers use: resolve, and streams to pods on any node. */
  port(): ClusterNetworkPort {
    return {
      resolve: async (name, fromNamespace) => this.resolve(name, fromNamespace),
      connect: async (_fromNode: string, fromIP: string, ip: string, port: number, events: StreamEvents) => this.open(fromIP, 40000 + (this.nextStreamId % 20000), ip, port, this.passOn(events)),
      send: async (streamId, data) => this.send(streamId, data),
      close: async (streamId) => {
        const route = this.routes.get(streamId);
        this.routes.delete(streamId);
        if (route) await this.nodes().handle(route.node)?.api.connectionData(route.remoteId, null);
      },
    };
  }

  /** The control-plane node's network, with its kube-proxy in front. */
  host(): HostNetwork {
    const address = nodeIP(0);
    return {
      address,
      resolve: async (name, namespace) => this.resolve(name, namespace),
      connect: async (ip, port) => {
        const translated = this.proxy.translate(ip, port, address);
        if (translated === 'reject') throw new NetworkError('ECONNREFUSED');
        const target = translated ?? { ip, port };
        let streamId: number | undefined;
        const queued: (Uint8Array | null)[] = [];
        const stream = new RemoteStream(target.ip, target.port, (data) => {
          if (streamId === undefined) queued.push(data);
          else void this.send(streamId, data).catch(() => undefined);
        });
        this.nextHostPort = this.nextHostPort >= 60999 ? 40000 : this.nextHostPort + 1;
        const events: StreamEvents = { data: (chunk) => stream.deliver(chunk) };
        try {
          streamId = await this.open(address, this.nextHostPort, target.ip, target.port, this.passOn(events));
        } catch (error) {
          throw error instanceof NetworkError ? error : new NetworkError(errnoOf(error));
        }
        for (const data of queued.splice(0)) void this.send(streamId, data).catch(() => undefined);
        return stream;
      },
    };
  }

  private async open(fromIP: string, fromPort: number, ip: string, port: number, events: StreamEvents): Promise<number> {
    const nodes = this.nodes();
    const node = this.nodeOf(ip);
    const handle = node ? nodes.handle(node) : undefined;
    if (!node || !handle || nodes.state(node) !== 'running') throw new NetworkError('EHOSTUNREACH');
    const id = this.nextStreamId++;
    const remoteId = await handle.api.acceptConnection(fromIP, fromPort, ip, port, events);
    this.routes.set(id, { node, remoteId });
    return id;
  }

  private async send(streamId: number, data: Uint8Array | null): Promise<void> {
    const route = this.routes.get(streamId);
    if (!route) return;
    if (data === null) this.routes.delete(streamId);
    await this.nodes().handle(route.node)?.api.connectionData(route.remoteId, data);
  }
}

/** The errno a failed connection reports (a node's refusal arrives as an Error named after it). */
function errnoOf(error: unknown): NetworkError['errno'] {
  const text = error instanceof Error ? error.message : String(error);
  return text.includes('ECONNREFUSED') ? 'ECONNREFUSED' : 'EHOSTUNREACH';
}
