// WASI preview1 path functions: opening files and directories, status, creating and removing
// directories, unlinking and renaming, all relative to an open directory descriptor.

import { resolvePath } from '../fs/paths';
import { Errno } from '../wasi/errno';
import { FdFlags, OpenFlags } from '../wasi/layout';
import { nodeFileType, writeFilestat } from './file-stat';
import type { HostFunction } from './host-function';
import type { ProcessContext } from './process-context';
import type { Location } from './vfs';

const FST_MTIM = 4;
const FST_MTIM_NOW = 8;
const RIGHT_FD_READ = 1n << 1n;
const RIGHT_FD_WRITE = 1n << 6n;

export function pathFunctions(ctx: ProcessContext): Record<string, HostFunction> {
  const { memory, fds, vfs } = ctx;

  /** The absolute path and location named by (directory fd, path string), or an errno. */
  const locate = (dirfd: number, pathPtr: number, pathLen: number): { absolute: string; location: Location } | number => {
    const dir = fds.get(dirfd);
    if (!dir) return Errno.BADF;
    if (dir.kind !== 'dir') return Errno.NOTDIR;
    const path = memory.string(pathPtr, pathLen);
    if (path.length === 0) return Errno.NOENT;
    const absolute = resolvePath(dir.path, path);
    return { absolute, location: vfs.locate(absolute) };
  };

  const changeAt = (dirfd: number, pathPtr: number, pathLen: number, op: 'mkdir' | 'unlink' | 'rmdir'): number => {
    const target = locate(dirfd, pathPtr, pathLen);
    if (typeof target === 'number') return target;
    return vfs.change(target.location.mount, { op, path: target.location.relative });
  };

  return {
    path_open: (dirfd: number, _dirflags: number, pathPtr: number, pathLen: number, oflags: number, rightsBase: bigint, _inheriting: bigint, fdflags: number, fdPtr: number) => {
      const target = locate(dirfd, pathPtr, pathLen);
      if (typeof target === 'number') return target;
      const { mount, relative } = target.location;
      let node = mount.fs.lookup(relative);
      const readable = (rightsBase & RIGHT_FD_READ) !== 0n;
      const writable = (rightsBase & RIGHT_FD_WRITE) !== 0n;
      if (node && (oflags & OpenFlags.CREAT) !== 0 && (oflags & OpenFlags.EXCL) !== 0) return Errno.EXIST;
      if (!node) {
        if ((oflags & OpenFlags.CREAT) === 0 || (oflags & OpenFlags.DIRECTORY) !== 0) return Errno.NOENT;
        const errno = vfs.change(mount, { op: 'create', path: relative });
        if (errno !== Errno.SUCCESS) return errno;
        node = mount.fs.lookup(relative);
        if (!node) return Errno.NOENT;
      }
      if (node.kind === 'dir') {
        if ((oflags & OpenFlags.TRUNC) !== 0) return Errno.ISDIR;
        const fd = fds.add({ kind: 'dir', path: target.absolute });
        if (fd === undefined) return Errno.MFILE;
        memory.setU32(fdPtr, fd);
        return Errno.SUCCESS;
      }
      if ((oflags & OpenFlags.DIRECTORY) !== 0) return Errno.NOTDIR;
      if ((oflags & OpenFlags.TRUNC) !== 0) {
        const errno = vfs.change(mount, { op: 'truncate', path: relative, size: 0 });
        if (errno !== Errno.SUCCESS) return errno;
      }
      const fd = fds.add({ kind: 'file', mount, relative, node, position: 0, append: (fdflags & FdFlags.APPEND) !== 0, readable, writable });
      if (fd === undefined) return Errno.MFILE;
      memory.setU32(fdPtr, fd);
      return Errno.SUCCESS;
    },
    path_filestat_get: (dirfd: number, _flags: number, pathPtr: number, pathLen: number, statPtr: number) => {
      const target = locate(dirfd, pathPtr, pathLen);
      if (typeof target === 'number') return target;
      const node = target.location.mount.fs.lookup(target.location.relative);
      if (!node) return Errno.NOENT;
      writeFilestat(memory, statPtr, nodeFileType(node), node);
      return Errno.SUCCESS;
    },
    path_filestat_set_times: (dirfd: number, _flags: number, pathPtr: number, pathLen: number, _atim: bigint, mtim: bigint, fstFlags: number) => {
      const target = locate(dirfd, pathPtr, pathLen);
      if (typeof target === 'number') return target;
      const mtime = modificationTime(ctx, mtim, fstFlags);
      if (mtime === undefined) return target.location.mount.fs.lookup(target.location.relative) ? Errno.SUCCESS : Errno.NOENT;
      return vfs.change(target.location.mount, { op: 'times', path: target.location.relative, mtime });
    },
    path_readlink: (dirfd: number, pathPtr: number, pathLen: number) => {
      const target = locate(dirfd, pathPtr, pathLen);
      if (typeof target === 'number') return target;
      return target.location.mount.fs.lookup(target.location.relative) ? Errno.INVAL : Errno.NOENT;
    },
    path_create_directory: (dirfd: number, pathPtr: number, pathLen: number) => changeAt(dirfd, pathPtr, pathLen, 'mkdir'),
    path_unlink_file: (dirfd: number, pathPtr: number, pathLen: number) => changeAt(dirfd, pathPtr, pathLen, 'unlink'),
    path_remove_directory: (dirfd: number, pathPtr: number, pathLen: number) => changeAt(dirfd, pathPtr, pathLen, 'rmdir'),
    path_rename: (oldfd: number, oldPtr: number, oldLen: number, newfd: number, newPtr: number, newLen: number) => {
      const from = locate(oldfd, oldPtr, oldLen);
      const to = locate(newfd, newPtr, newLen);
      if (typeof from === 'number') return from;
      if (typeof to === 'number') return to;
      if (from.location.mount.fsId !== to.location.mount.fsId) return Errno.XDEV;
      return vfs.change(from.location.mount, { op: 'rename', from: from.location.relative, to: to.location.relative });
    },
  };
}

/** The new modification time (cluster ms) a set_times call asks for, if any. */
export function modificationTime(ctx: ProcessContext, mtim: bigint, fstFlags: number): number | undefined {
  if ((fstFlags & FST_MTIM_NOW) !== 0) return ctx.clock.now();
  if ((fstFlags & FST_MTIM) !== 0) return Number(mtim / 1000n) / 1000;
  return undefined;
}
