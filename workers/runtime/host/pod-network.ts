// A pod's network namespace: the ports its containers listen on, connections between its
// containers over localhost (delivered here, without the fabric), connections in from the node
// and out through the fabric, and name resolution with the pod's namespace.

import type { NetworkFabric, NetworkStream } from '../runtime-api';
import { streamPair, type Endpoint } from './stream-pair';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', 'localhost.localdomain']);

/** A process that owns listeners: receives accepted connections for them. */
export interface ListenerOwner {
  accept(listenerId: number, stream: NetworkStream): void;
}

interface Listener {
  listenerId: number;
  owner: ListenerOwner;
  unregister?: () => void;
  closed: boolean;
}

export type ConnectOutcome = { stream: NetworkStream; ip: string } | { errno: unknown };

export class PodNetwork {
  private readonly listeners = new Map<number, Listener>();
  private nextEphemeralPort = 32768;
  /** Called when the set of listened ports changes (processes keep a copy for EADDRINUSE). */
  onPortsChanged: (ports: number[]) => void = () => undefined;

  constructor(
    private readonly podIP: string,
    private readonly namespace: string,
    private readonly fabric: NetworkFabric,
  ) {}

  ports(): number[] {
    return [...this.listeners.keys()];
  }

  /** Registers a listener; false when the port is taken in the pod. */
  listen(owner: ListenerOwner, listenerId: number, port: number): boolean {
    if (this.listeners.has(port)) return false;
    const listener: Listener = { listenerId, owner, closed: false };
    this.listeners.set(port, listener);
    this.fabric.listen(this.podIP, port, (stream) => this.deliver(port, stream)).then(
      (unregister) => {
        if (listener.closed) unregister();
        else listener.unregister = unregister;
      },
      () => undefined,
    );
    this.onPortsChanged(this.ports());
    return true;
  }

  closeListener(owner: ListenerOwner, listenerId?: number): void {
    let changed = false;
    for (const [port, listener] of this.listeners) {
      if (listener.owner !== owner || (listenerId !== undefined && listener.listenerId !== listenerId)) continue;
      listener.closed = true;
      listener.unregister?.();
      this.listeners.delete(port);
      changed = true;
    }
    if (changed) this.onPortsChanged(this.ports());
  }

  /** Hands an incoming connection to whoever listens on `port`; false when nobody does. */
  deliver(port: number, stream: NetworkStream): boolean {
    const listener = this.listeners.get(port);
    if (!listener) return false;
    listener.owner.accept(listener.listenerId, stream);
    return true;
  }

  /** A connection from `from` to a port in this pod, without the fabric (localhost, probes). */
  connectInside(port: number, from: Endpoint, to: string): NetworkStream | undefined {
    if (!this.listeners.has(port)) return undefined;
    const [client, server] = streamPair(from, { address: to, port });
    this.deliver(port, server);
    return client;
  }

  async resolve(name: string): Promise<string[]> {
    const host = name.toLowerCase().replace(/\.$/, '');
    if (LOOPBACK.has(host)) return ['127.0.0.1'];
    if (IPV4.test(host)) return [host];
    return this.fabric.resolve(name.toLowerCase(), this.namespace);
  }

  async connect(host: string, port: number): Promise<ConnectOutcome> {
    const loopback = LOOPBACK.has(host.toLowerCase());
    let ip: string;
    if (loopback) ip = '127.0.0.1';
    else {
      const addresses = await this.resolve(host).catch(() => []);
      if (addresses.length === 0) return { errno: 'ENOENT' };
      ip = addresses[0];
    }
    if (ip === '127.0.0.1' || ip === this.podIP) {
      const from = { address: ip === '127.0.0.1' ? '127.0.0.1' : this.podIP, port: this.ephemeralPort() };
      const stream = this.connectInside(port, from, ip);
      return stream ? { stream, ip } : { errno: 'ECONNREFUSED' };
    }
    try {
      return { stream: await this.fabric.connect(this.podIP, ip, port), ip };
    } catch (errno) {
      return { errno };
    }
  }

  closeAll(): void {
    for (const listener of this.listeners.values()) {
      listener.closed = true;
      listener.unregister?.();
    }
    this.listeners.clear();
  }

  ephemeralPort(): number {
    const port = this.nextEphemeralPort;
    this.nextEphemeralPort = port >= 60999 ? 32768 : port + 1;
    return port;
  }
}
