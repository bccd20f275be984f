// The filesystem a process sees: its container's root plus the pod volumes mounted into it, each
// a replica of the sandbox's authoritative copy. Local writes apply at once and are forwarded in
// order to the sandbox; writes by other processes arrive as remote changes (see README.md).

import type { FsChange, FsOp, FsSnapshot } from '../fs/fs-ops';
import { MemFs, type FsNode } from '../fs/mem-fs';
import { isWithin, joinRelative } from '../fs/paths';
import type { MountSpec } from '../protocol';
import { Errno } from '../wasi/errno';

export interface Mount {
  path: string;
  fsId: string;
  fs: MemFs;
  base: string;
  readOnly: boolean;
}

/** An absolute path resolved to the mount that holds it and the path inside that filesystem. */
export interface Location {
  mount: Mount;
  relative: string;
}

export class Vfs {
  private readonly mounts: Mount[];
  private readonly byId = new Map<string, MemFs>();

  constructor(
    mounts: MountSpec[],
    filesystems: Record<string, FsSnapshot>,
    now: () => number,
    private readonly forward: (changes: FsChange[]) => void,
  ) {
    for (const [fsId, snapshot] of Object.entries(filesystems)) this.byId.set(fsId, MemFs.fromSnapshot(snapshot, now));
    this.mounts = mounts
      .map((spec) => {
        const fs = this.byId.get(spec.fsId);
        if (!fs) throw new Error(`mount ${spec.path}: no filesystem ${spec.fsId}`);
        return { ...spec, fs };
      })
      .sort((a, b) => b.path.length - a.path.length);
    if (!this.mounts.some((m) => m.path === '/')) throw new Error('no root filesystem mounted at /');
  }

  locate(absolute: string): Location {
    const mount = this.mounts.find((m) => isWithin(absolute, m.path)) as Mount;
    const inside = mount.path === '/' ? absolute.slice(1) : absolute.slice(mount.path.length + 1);
    return { mount, relative: joinRelative(mount.base, inside) };
  }

  lookup(absolute: string): FsNode | undefined {
    const { mount, relative } = this.locate(absolute);
    return mount.fs.lookup(relative);
  }

  /** Applies a write made by this process and forwards it; returns a WASI errno. */
  change(mount: Mount, op: FsOp): number {
    if (mount.readOnly) return Errno.ROFS;
    const errno = mount.fs.apply(op);
    if (errno === Errno.SUCCESS) this.forward([{ fsId: mount.fsId, op }]);
    return errno;
  }

  /** Applies writes made elsewhere (other processes, volume updates), in the sandbox's order. */
  applyRemote(changes: FsChange[]): void {
    for (const { fsId, op } of changes) this.byId.get(fsId)?.apply(op);
  }
}
