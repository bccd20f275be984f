// Two connected NetworkStream ends held in memory: connections inside a pod (over localhost or
// the pod's own IP) and connections the node opens to a pod (probes).

import type { NetworkStream } from '../runtime-api';

export interface Endpoint {
  address: string;
  port: number;
}

class PairedEnd implements NetworkStream {
  peer!: PairedEnd;
  private listener: ((data: Uint8Array) => void) | undefined;
  private backlog: Uint8Array[] = [];
  private writable = true;
  private receivedEnd = false;

  constructor(
    readonly remoteAddress: string,
    readonly remotePort: number,
  ) {}

  write(data: Uint8Array): void {
    if (this.writable && data.length > 0) this.peer.receive(data.slice());
  }

  end(): void {
    if (!this.writable) return;
    this.writable = false;
    this.peer.receive(new Uint8Array(0));
  }

  onData(listener: (data: Uint8Array) => void): void {
    this.listener = listener;
    const waiting = this.backlog;
    this.backlog = [];
    for (const data of waiting) queueMicrotask(() => listener(data));
  }

  close(): void {
    this.end();
    this.peer.end();
  }

  private receive(data: Uint8Array): void {
    if (this.receivedEnd) return;
    if (data.length === 0) this.receivedEnd = true;
    const listener = this.listener;
    if (listener) queueMicrotask(() => listener(data));
    else this.backlog.push(data);
  }
}

/** A connected pair: what `a` writes `b` reads, and the other way round. */
export function streamPair(a: Endpoint, b: Endpoint): [NetworkStream, NetworkStream] {
  const endA = new PairedEnd(b.address, b.port);
  const endB = new PairedEnd(a.address, a.port);
  endA.peer = endB;
  endB.peer = endA;
  return [endA, endB];
}
