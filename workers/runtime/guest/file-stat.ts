// Writes WASI filestat and fdstat records for nodes and descriptors.

import type { FsNode } from '../fs/mem-fs';
import { ALL_RIGHTS, FileType, TTY_RIGHTS } from '../wasi/layout';
import type { Descriptor } from './descriptors';
import type { GuestMemory } from './guest-memory';

export function fileTypeOf(descriptor: Descriptor): number {
  switch (descriptor.kind) {
    case 'stdin':
    case 'output':
      return descriptor.tty ? FileType.CHARACTER_DEVICE : FileType.UNKNOWN;
    case 'file':
      return FileType.REGULAR_FILE;
    case 'dir':
      return FileType.DIRECTORY;
    case 'socket':
    case 'listener':
      return FileType.SOCKET_STREAM;
  }
}

export function nodeFileType(node: FsNode): number {
  return node.kind === 'dir' ? FileType.DIRECTORY : FileType.REGULAR_FILE;
}

export function writeFilestat(memory: GuestMemory, ptr: number, fileType: number, node?: FsNode): void {
  const nanos = BigInt(Math.floor((node?.mtime ?? 0) * 1000)) * 1000n;
  memory.setU64(ptr, 0);
  memory.setU64(ptr + 8, node?.ino ?? 0);
  memory.setU8(ptr + 16, fileType);
  memory.setU64(ptr + 24, 1);
  memory.setU64(ptr + 32, node?.kind === 'file' ? node.size : 0);
  memory.setU64(ptr + 40, nanos);
  memory.setU64(ptr + 48, nanos);
  memory.setU64(ptr + 56, nanos);
}

export function writeFdstat(memory: GuestMemory, ptr: number, descriptor: Descriptor, flags: number): void {
  const tty = (descriptor.kind === 'stdin' || descriptor.kind === 'output') && descriptor.tty;
  const rights = tty ? TTY_RIGHTS : ALL_RIGHTS;
  memory.setU8(ptr, fileTypeOf(descriptor));
  memory.setU16(ptr + 2, flags);
  memory.setU64(ptr + 8, rights);
  memory.setU64(ptr + 16, descriptor.kind === 'dir' ? ALL_RIGHTS : 0n);
}
