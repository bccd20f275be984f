// The local end of a connection whose other end lives on another thread: writes are handed to
// a send function (null ends the stream), and data from the far side is delivered here, held
// until a reader attaches.

import type { NetworkStream } from '../../runtime/runtime-api';

export class RemoteStream implements NetworkStream {
  private listener?: (data: Uint8Array) => void;
  private backlog: Uint8Array[] = [];
  private ended = false;

  constructor(
    readonly remoteAddress: string,
    readonly remotePort: number,
    private readonly send: (data: Uint8Array | null) => void,
  ) {}

  write(data: Uint8Array): void {
    if (!this.ended && data.length > 0) this.send(data.slice());
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.send(null);
  }

  close(): void {
    this.end();
  }

  onData(listener: (data: Uint8Array) => void): void {
    this.listener = listener;
    for (const data of this.backlog.splice(0)) listener(data);
  }

  /** Data (or the end, as null) from the far side. */
  deliver(data: Uint8Array | null): void {
    const chunk = data ?? new Uint8Array(0);
    if (this.listener) this.listener(chunk);
    else this.backlog.push(chunk);
  }
}
