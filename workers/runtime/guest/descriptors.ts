// The open file descriptors of a process: standard streams, files and directories of its
// filesystem, connected sockets and listening sockets, and the table that numbers them.

import type { FileNode } from '../fs/mem-fs';
import type { OutputStream } from '../runtime-api';
import type { Mount } from './vfs';

/** Bytes arriving on a stream (stdin or a connection), consumed by reads. */
export class InboundBytes {
  private chunks: Uint8Array[] = [];
  /** No more data will come (the other side ended the stream or stdin closed). */
  ended = false;

  push(data: Uint8Array): void {
    this.chunks.push(data);
  }

  /** Whether a read would return now (data, a one-time end-of-file marker, or the end). */
  get readable(): boolean {
    return this.chunks.length > 0 || this.ended;
  }

  get available(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  /**
   * Takes up to `max` bytes; an empty result means end-of-file. Undefined when a read would
   * block. An empty chunk in the queue is a single end-of-file (Ctrl+D on a terminal).
   */
  take(max: number, peek = false): Uint8Array | undefined {
    if (this.chunks.length === 0) return this.ended ? new Uint8Array(0) : undefined;
    if (this.chunks[0].length === 0) {
      if (!peek) this.chunks.shift();
      return new Uint8Array(0);
    }
    const out = new Uint8Array(Math.min(max, this.available));
    let offset = 0;
    let index = 0;
    const consumed: Uint8Array[] = [];
    while (offset < out.length && index < this.chunks.length && this.chunks[index].length > 0) {
      const chunk = this.chunks[index];
      const part = chunk.subarray(0, out.length - offset);
      out.set(part, offset);
      offset += part.length;
      consumed.push(part.length < chunk.length ? chunk.subarray(part.length) : new Uint8Array(0));
      index++;
    }
    if (!peek) {
      this.chunks.splice(0, index, ...consumed.filter((rest) => rest.length > 0));
    }
    return out.subarray(0, offset);
  }
}

export interface StdinDescriptor {
  kind: 'stdin';
  tty: boolean;
}

export interface OutputDescriptor {
  kind: 'output';
  stream: OutputStream;
  tty: boolean;
}

export interface FileDescriptor {
  kind: 'file';
  mount: Mount;
  /** Path inside the mount's filesystem, used to replicate writes. */
  relative: string;
  node: FileNode;
  position: number;
  append: boolean;
  readable: boolean;
  writable: boolean;
}

export interface DirectoryDescriptor {
  kind: 'dir';
  /** Absolute path in the container. */
  path: string;
  /** The name a preopened directory is announced with. */
  preopen?: string;
}

export interface SocketDescriptor {
  kind: 'socket';
  connId: number;
  remote: string;
  inbound: InboundBytes;
  writeShut: boolean;
}

export interface ListenerDescriptor {
  kind: 'listener';
  listenerId: number;
  port: number;
  backlog: { connId: number; remote: string }[];
}

export type Descriptor = StdinDescriptor | OutputDescriptor | FileDescriptor | DirectoryDescriptor | SocketDescriptor | ListenerDescriptor;

const MAX_FDS = 1024;

export class FdTable {
  private readonly open = new Map<number, Descriptor>();

  get(fd: number): Descriptor | undefined {
    return this.open.get(fd);
  }

  /** Places a descriptor at the lowest free number; undefined when the table is full. */
  add(descriptor: Descriptor): number | undefined {
    for (let fd = 0; fd < MAX_FDS; fd++) {
      if (!this.open.has(fd)) {
        this.open.set(fd, descriptor);
        return fd;
      }
    }
    return undefined;
  }

  set(fd: number, descriptor: Descriptor): void {
    this.open.set(fd, descriptor);
  }

  remove(fd: number): Descriptor | undefined {
    const descriptor = this.open.get(fd);
    this.open.delete(fd);
    return descriptor;
  }

  values(): IterableIterator<Descriptor> {
    return this.open.values();
  }
}
