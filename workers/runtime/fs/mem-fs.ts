// MemFs: one in-memory filesystem (a volume or a container's root), a tree of directory and file
// nodes. Every change goes through `apply(op)`, so the same ordered operations can be replayed
// on each replica; reads go straight to the nodes.

import type { FileTree } from '../runtime-api';
import { Errno } from '../wasi/errno';
import type { FsOp, FsSnapshot } from './fs-ops';
import { joinRelative, splitParent } from './paths';

export interface FileNode {
  kind: 'file';
  ino: number;
  /** Backing store; only the first `size` bytes are the file's contents. */
  data: Uint8Array;
  size: number;
  mtime: number;
}

export interface DirNode {
  kind: 'dir';
  ino: number;
  entries: Map<string, FsNode>;
  mtime: number;
}

export type FsNode = FileNode | DirNode;

let nextIno = 1;
const encoder = new TextEncoder();

export class MemFs {
  root: DirNode;

  constructor(private readonly now: () => number) {
    this.root = this.newDir();
  }

  static fromSnapshot(snapshot: FsSnapshot, now: () => number): MemFs {
    const fs = new MemFs(now);
    for (const dir of snapshot.dirs) fs.apply({ op: 'mkdir', path: dir });
    for (const [path, data] of Object.entries(snapshot.files)) fs.putFile(path, data);
    return fs;
  }

  static fromTree(files: FileTree, now: () => number): MemFs {
    const fs = new MemFs(now);
    fs.fill(files);
    return fs;
  }

  lookup(path: string): FsNode | undefined {
    let node: FsNode = this.root;
    if (path === '') return node;
    for (const part of path.split('/')) {
      if (node.kind !== 'dir') return undefined;
      const child: FsNode | undefined = node.entries.get(part);
      if (!child) return undefined;
      node = child;
    }
    return node;
  }

  /** Applies one write; returns a WASI errno (0 when applied). */
  apply(op: FsOp): number {
    switch (op.op) {
      case 'write':
        return this.write(op.path, op.offset, op.data);
      case 'truncate':
        return this.truncate(op.path, op.size);
      case 'create':
        return this.create(op.path);
      case 'mkdir':
        return this.mkdir(op.path);
      case 'unlink':
        return this.remove(op.path, 'file');
      case 'rmdir':
        return this.remove(op.path, 'dir');
      case 'rename':
        return this.rename(op.from, op.to);
      case 'times': {
        const node = this.lookup(op.path);
        if (!node) return Errno.NOENT;
        node.mtime = op.mtime;
        return Errno.SUCCESS;
      }
      case 'replace':
        this.root = this.newDir();
        this.fill(op.files);
        return Errno.SUCCESS;
    }
  }

  snapshot(): FsSnapshot {
    const snapshot: FsSnapshot = { dirs: [], files: {} };
    const walk = (dir: DirNode, prefix: string): void => {
      for (const [name, node] of dir.entries) {
        const path = joinRelative(prefix, name);
        if (node.kind === 'dir') {
          snapshot.dirs.push(path);
          walk(node, path);
        } else {
          snapshot.files[path] = node.data.slice(0, node.size);
        }
      }
    };
    walk(this.root, '');
    return snapshot;
  }

  /** Creates parent directories as needed and writes a whole file (image and volume contents). */
  putFile(path: string, data: Uint8Array): void {
    const { parent } = splitParent(path);
    this.mkdirs(parent);
    this.create(path);
    this.truncate(path, 0);
    this.write(path, 0, data);
  }

  mkdirs(path: string): void {
    let prefix = '';
    for (const part of path.split('/').filter(Boolean)) {
      prefix = joinRelative(prefix, part);
      this.mkdir(prefix);
    }
  }

  private fill(files: FileTree): void {
    for (const [path, content] of Object.entries(files)) {
      const relative = path.split('/').filter(Boolean).join('/');
      if (relative === '') continue;
      this.putFile(relative, typeof content === 'string' ? encoder.encode(content) : content);
    }
  }

  private newDir(): DirNode {
    return { kind: 'dir', ino: nextIno++, entries: new Map(), mtime: this.now() };
  }

  private parentDir(path: string): { dir: DirNode; name: string } | number {
    const { parent, name } = splitParent(path);
    const dir = this.lookup(parent);
    if (!dir) return Errno.NOENT;
    if (dir.kind !== 'dir') return Errno.NOTDIR;
    if (name === '') return Errno.INVAL;
    return { dir, name };
  }

  private file(path: string): FileNode | number {
    const node = this.lookup(path);
    if (!node) return Errno.NOENT;
    return node.kind === 'file' ? node : Errno.ISDIR;
  }

  private write(path: string, offset: number, data: Uint8Array): number {
    const file = this.file(path);
    if (typeof file === 'number') return file;
    writeToFile(file, offset, data, this.now());
    return Errno.SUCCESS;
  }

  private truncate(path: string, size: number): number {
    const file = this.file(path);
    if (typeof file === 'number') return file;
    truncateFile(file, size, this.now());
    return Errno.SUCCESS;
  }

  private create(path: string): number {
    const target = this.parentDir(path);
    if (typeof target === 'number') return target;
    const existing = target.dir.entries.get(target.name);
    if (existing) return existing.kind === 'file' ? Errno.SUCCESS : Errno.ISDIR;
    target.dir.entries.set(target.name, { kind: 'file', ino: nextIno++, data: new Uint8Array(0), size: 0, mtime: this.now() });
    target.dir.mtime = this.now();
    return Errno.SUCCESS;
  }

  private mkdir(path: string): number {
    const target = this.parentDir(path);
    if (typeof target === 'number') return target;
    if (target.dir.entries.has(target.name)) return Errno.EXIST;
    target.dir.entries.set(target.name, this.newDir());
    target.dir.mtime = this.now();
    return Errno.SUCCESS;
  }

  private remove(path: string, kind: FsNode['kind']): number {
    const target = this.parentDir(path);
    if (typeof target === 'number') return target;
    const node = target.dir.entries.get(target.name);
    if (!node) return Errno.NOENT;
    if (kind === 'file' && node.kind === 'dir') return Errno.ISDIR;
    if (kind === 'dir' && node.kind !== 'dir') return Errno.NOTDIR;
    if (node.kind === 'dir' && node.entries.size > 0) return Errno.NOTEMPTY;
    target.dir.entries.delete(target.name);
    target.dir.mtime = this.now();
    return Errno.SUCCESS;
  }

  private rename(from: string, to: string): number {
    const source = this.parentDir(from);
    const dest = this.parentDir(to);
    if (typeof source === 'number') return source;
    if (typeof dest === 'number') return dest;
    const node = source.dir.entries.get(source.name);
    if (!node) return Errno.NOENT;
    if (node.kind === 'dir' && (to === from || to.startsWith(`${from}/`))) return Errno.INVAL;
    const replaced = dest.dir.entries.get(dest.name);
    if (replaced && replaced !== node) {
      if (replaced.kind === 'dir' && node.kind !== 'dir') return Errno.ISDIR;
      if (replaced.kind !== 'dir' && node.kind === 'dir') return Errno.NOTDIR;
      if (replaced.kind === 'dir' && replaced.entries.size > 0) return Errno.NOTEMPTY;
    }
    source.dir.entries.delete(source.name);
    dest.dir.entries.set(dest.name, node);
    source.dir.mtime = dest.dir.mtime = this.now();
    return Errno.SUCCESS;
  }
}

/** Writes into a file node directly (also for a file that is open but no longer linked). */
export function writeToFile(file: FileNode, offset: number, data: Uint8Array, now: number): void {
  const end = offset + data.length;
  if (end > file.data.length) {
    const grown = new Uint8Array(Math.max(end, file.data.length * 2, 64));
    grown.set(file.data.subarray(0, file.size));
    file.data = grown;
  }
  if (offset > file.size) file.data.fill(0, file.size, offset);
  file.data.set(data, offset);
  file.size = Math.max(file.size, end);
  file.mtime = now;
}

export function truncateFile(file: FileNode, size: number, now: number): void {
  if (size > file.data.length) {
    const grown = new Uint8Array(size);
    grown.set(file.data.subarray(0, file.size));
    file.data = grown;
  } else if (size > file.size) {
    file.data.fill(0, file.size, size);
  }
  file.size = size;
  file.mtime = now;
}
