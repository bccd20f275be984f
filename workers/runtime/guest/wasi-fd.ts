// WASI preview1 descriptor functions: reading and writing streams, files and sockets, seeking,
// closing, status, preopened directories and directory listings.

import { truncateFile, writeToFile, type FileNode } from '../fs/mem-fs';
import type { OutputStream } from '../runtime-api';
import { Errno } from '../wasi/errno';
import { DIRENT_SIZE, FdFlags, Whence } from '../wasi/layout';
import type { Descriptor, FileDescriptor, InboundBytes } from './descriptors';
import { fileTypeOf, nodeFileType, writeFdstat, writeFilestat } from './file-stat';
import type { HostFunction, HostModule } from './host-function';
import { WOULD_BLOCK, type ProcessContext } from './process-context';
import { modificationTime } from './wasi-path';

const encoder = new TextEncoder();

/** Reads from a stream into iovecs, waiting for data unless the descriptor is non-blocking. */
export function readStream(ctx: ProcessContext, inbound: InboundBytes, iovs: number, count: number, nreadPtr: number, nonblocking: boolean, peek = false): number | Promise<number> {
  const attempt = (): number => {
    const data = inbound.take(ctx.memory.capacity(iovs, count), peek);
    if (data === undefined) return nonblocking ? Errno.AGAIN : WOULD_BLOCK;
    ctx.memory.setU32(nreadPtr, ctx.memory.scatter(iovs, count, data));
    return Errno.SUCCESS;
  };
  return ctx.block(attempt);
}

/** Applies a write through an open file: replicated while the path still names this file. */
function writeFile(ctx: ProcessContext, file: FileDescriptor, offset: number, data: Uint8Array): number {
  if (file.mount.fs.lookup(file.relative) === file.node) {
    return ctx.vfs.change(file.mount, { op: 'write', path: file.relative, offset, data });
  }
  if (file.mount.readOnly) return Errno.ROFS;
  writeToFile(file.node, offset, data, ctx.clock.now());
  return Errno.SUCCESS;
}

function readFile(node: FileNode, offset: number, max: number): Uint8Array {
  return node.data.subarray(Math.min(offset, node.size), Math.min(offset + max, node.size));
}

export function fdFunctions(ctx: ProcessContext): HostModule {
  const { memory, fds } = ctx;
  const flags = ctx.fdFlags;
  const decoders: Record<OutputStream, TextDecoder> = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const nonblocking = (d: Descriptor): boolean => ((flags.get(d) ?? 0) & FdFlags.NONBLOCK) !== 0;
  const file = (fd: number): FileDescriptor | number => {
    const d = fds.get(fd);
    if (!d) return Errno.BADF;
    return d.kind === 'file' ? d : Errno.SPIPE;
  };

  const blocking: Record<string, HostFunction> = {
    fd_read: (fd: number, iovs: number, count: number, nreadPtr: number) => {
      const d = fds.get(fd);
      if (!d) return Errno.BADF;
      if (d.kind === 'stdin') return readStream(ctx, ctx.stdin, iovs, count, nreadPtr, nonblocking(d));
      if (d.kind === 'socket') return readStream(ctx, d.inbound, iovs, count, nreadPtr, nonblocking(d));
      if (d.kind === 'dir') return Errno.ISDIR;
      if (d.kind !== 'file' || !d.readable) return Errno.BADF;
      const data = readFile(d.node, d.position, memory.capacity(iovs, count));
      d.position += data.length;
      memory.setU32(nreadPtr, memory.scatter(iovs, count, data));
      return Errno.SUCCESS;
    },
  };

  const immediate: Record<string, HostFunction> = {
    fd_write: (fd: number, iovs: number, count: number, nwrittenPtr: number) => {
      const d = fds.get(fd);
      if (!d) return Errno.BADF;
      const data = memory.gather(iovs, count);
      if (d.kind === 'output') {
        const text = decoders[d.stream].decode(data, { stream: true });
        if (text.length > 0) ctx.host.output(d.stream, text);
      } else if (d.kind === 'socket') {
        if (d.writeShut) return Errno.PIPE;
        if (data.length > 0) ctx.host.send(d.connId, data);
      } else if (d.kind === 'file' && d.writable) {
        const offset = d.append ? d.node.size : d.position;
        const errno = writeFile(ctx, d, offset, data);
        if (errno !== Errno.SUCCESS) return errno;
        d.position = offset + data.length;
      } else {
        return Errno.BADF;
      }
      memory.setU32(nwrittenPtr, data.length);
      return Errno.SUCCESS;
    },
    fd_pread: (fd: number, iovs: number, count: number, offset: bigint, nreadPtr: number) => {
      const d = file(fd);
      if (typeof d === 'number') return d;
      if (!d.readable) return Errno.BADF;
      const data = readFile(d.node, Number(offset), memory.capacity(iovs, count));
      memory.setU32(nreadPtr, memory.scatter(iovs, count, data));
      return Errno.SUCCESS;
    },
    fd_pwrite: (fd: number, iovs: number, count: number, offset: bigint, nwrittenPtr: number) => {
      const d = file(fd);
      if (typeof d === 'number') return d;
      if (!d.writable) return Errno.BADF;
      const data = memory.gather(iovs, count);
      const errno = writeFile(ctx, d, Number(offset), data);
      if (errno === Errno.SUCCESS) memory.setU32(nwrittenPtr, data.length);
      return errno;
    },
    fd_seek: (fd: number, offset: bigint, whence: number, newOffsetPtr: number) => {
      const d = file(fd);
      if (typeof d === 'number') return d;
      const base = whence === Whence.SET ? 0 : whence === Whence.CUR ? d.position : whence === Whence.END ? d.node.size : undefined;
      if (base === undefined) return Errno.INVAL;
      const target = base + Number(offset);
      if (target < 0) return Errno.INVAL;
      d.position = target;
      memory.setU64(newOffsetPtr, target);
      return Errno.SUCCESS;
    },
    fd_tell: (fd: number, offsetPtr: number) => {
      const d = file(fd);
      if (typeof d === 'number') return d;
      memory.setU64(offsetPtr, d.position);
      return Errno.SUCCESS;
    },
    fd_close: (fd: number) => {
      const d = fds.remove(fd);
      if (!d) return Errno.BADF;
      if (d.kind === 'socket') {
        ctx.connections.delete(d.connId);
        ctx.host.closeConnection(d.connId);
      } else if (d.kind === 'listener') {
        ctx.listeners.delete(d.listenerId);
        ctx.host.closeListener(d.listenerId);
      }
      return Errno.SUCCESS;
    },
    fd_renumber: (from: number, to: number) => {
      const d = fds.get(from);
      if (!d || !fds.get(to)) return Errno.BADF;
      fds.remove(from);
      fds.set(to, d);
      return Errno.SUCCESS;
    },
    fd_fdstat_get: (fd: number, ptr: number) => {
      const d = fds.get(fd);
      if (!d) return Errno.BADF;
      writeFdstat(memory, ptr, d, (flags.get(d) ?? 0) | (d.kind === 'file' && d.append ? FdFlags.APPEND : 0));
      return Errno.SUCCESS;
    },
    fd_fdstat_set_flags: (fd: number, newFlags: number) => {
      const d = fds.get(fd);
      if (!d) return Errno.BADF;
      if (d.kind === 'file') d.append = (newFlags & FdFlags.APPEND) !== 0;
      flags.set(d, newFlags & FdFlags.NONBLOCK);
      return Errno.SUCCESS;
    },
    fd_fdstat_set_rights: (fd: number) => (fds.get(fd) ? Errno.SUCCESS : Errno.BADF),
    fd_filestat_get: (fd: number, ptr: number) => {
      const d = fds.get(fd);
      if (!d) return Errno.BADF;
      const node = d.kind === 'file' ? d.node : d.kind === 'dir' ? ctx.vfs.lookup(d.path) : undefined;
      writeFilestat(memory, ptr, node ? nodeFileType(node) : fileTypeOf(d), node);
      return Errno.SUCCESS;
    },
    fd_filestat_set_size: (fd: number, size: bigint) => {
      const d = file(fd);
      if (typeof d === 'number') return d === Errno.SPIPE ? Errno.INVAL : d;
      if (!d.writable) return Errno.BADF;
      if (d.mount.fs.lookup(d.relative) === d.node) return ctx.vfs.change(d.mount, { op: 'truncate', path: d.relative, size: Number(size) });
      truncateFile(d.node, Number(size), ctx.clock.now());
      return Errno.SUCCESS;
    },
    fd_filestat_set_times: (fd: number, _atim: bigint, mtim: bigint, fstFlags: number) => {
      const d = file(fd);
      if (typeof d === 'number') return d === Errno.SPIPE ? Errno.SUCCESS : d;
      const mtime = modificationTime(ctx, mtim, fstFlags);
      if (mtime === undefined) return Errno.SUCCESS;
      if (d.mount.fs.lookup(d.relative) === d.node) return ctx.vfs.change(d.mount, { op: 'times', path: d.relative, mtime });
      d.node.mtime = mtime;
      return Errno.SUCCESS;
    },
    fd_sync: (fd: number) => (fds.get(fd) ? Errno.SUCCESS : Errno.BADF),
    fd_datasync: (fd: number) => (fds.get(fd) ? Errno.SUCCESS : Errno.BADF),
    fd_advise: (fd: number) => (fds.get(fd) ? Errno.SUCCESS : Errno.BADF),
    fd_prestat_get: (fd: number, ptr: number) => {
      const d = fds.get(fd);
      if (!d || d.kind !== 'dir' || d.preopen === undefined) return Errno.BADF;
      memory.setU32(ptr, 0);
      memory.setU32(ptr + 4, encoder.encode(d.preopen).length);
      return Errno.SUCCESS;
    },
    fd_prestat_dir_name: (fd: number, path: number, len: number) => {
      const d = fds.get(fd);
      if (!d || d.kind !== 'dir' || d.preopen === undefined) return Errno.BADF;
      memory.writeString(path, len, d.preopen);
      return Errno.SUCCESS;
    },
    fd_readdir: (fd: number, buf: number, bufLen: number, cookie: bigint, bufUsedPtr: number) => {
      const d = fds.get(fd);
      if (!d) return Errno.BADF;
      if (d.kind !== 'dir') return Errno.NOTDIR;
      const node = ctx.vfs.lookup(d.path);
      if (!node || node.kind !== 'dir') return Errno.NOENT;
      const entries: [string, number, number][] = [
        ['.', node.ino, nodeFileType(node)],
        ['..', node.ino, nodeFileType(node)],
        ...[...node.entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, child]): [string, number, number] => [name, child.ino, nodeFileType(child)]),
      ];
      const record = new Uint8Array(bufLen);
      let used = 0;
      for (let index = Number(cookie); index < entries.length && used < bufLen; index++) {
        const [name, ino, type] = entries[index];
        const nameBytes = encoder.encode(name);
        const entry = new Uint8Array(DIRENT_SIZE + nameBytes.length);
        const entryView = new DataView(entry.buffer);
        entryView.setBigUint64(0, BigInt(index + 1), true);
        entryView.setBigUint64(8, BigInt(ino), true);
        entryView.setUint32(16, nameBytes.length, true);
        entryView.setUint8(20, type);
        entry.set(nameBytes, DIRENT_SIZE);
        const fits = entry.subarray(0, bufLen - used);
        record.set(fits, used);
        used += fits.length;
      }
      memory.write(buf, record.subarray(0, used));
      memory.setU32(bufUsedPtr, used);
      return Errno.SUCCESS;
    },
  };
  return { immediate, blocking };
}
