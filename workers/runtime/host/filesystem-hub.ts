// The sandbox's authoritative filesystems (pod volumes and container root filesystems) and the
// processes that hold replicas of them: writes from one process are applied here in arrival
// order and passed on to every other process that mounts the same filesystem.

import type { FsChange, FsSnapshot } from '../fs/fs-ops';
import type { MemFs } from '../fs/mem-fs';
import type { FileTree } from '../runtime-api';

export type FsSubscriber = (changes: FsChange[]) => void;

interface Entry {
  fs: MemFs;
  subscribers: Set<FsSubscriber>;
}

export class FilesystemHub {
  private readonly entries = new Map<string, Entry>();

  add(fsId: string, fs: MemFs): void {
    this.entries.set(fsId, { fs, subscribers: new Set() });
  }

  remove(fsId: string): void {
    this.entries.delete(fsId);
  }

  get(fsId: string): MemFs | undefined {
    return this.entries.get(fsId)?.fs;
  }

  snapshot(fsId: string): FsSnapshot {
    const entry = this.entries.get(fsId);
    if (!entry) throw new Error(`no filesystem ${fsId}`);
    return entry.fs.snapshot();
  }

  /** Sends `subscriber` every later change to these filesystems made by someone else. */
  subscribe(fsIds: string[], subscriber: FsSubscriber): () => void {
    const entries = fsIds.map((id) => this.entries.get(id)).filter((e): e is Entry => e !== undefined);
    for (const entry of entries) entry.subscribers.add(subscriber);
    return () => {
      for (const entry of entries) entry.subscribers.delete(subscriber);
    };
  }

  /** Applies changes made by `origin` (already applied on its own replica) and fans them out. */
  apply(changes: FsChange[], origin?: FsSubscriber): void {
    const outgoing = new Map<FsSubscriber, FsChange[]>();
    for (const change of changes) {
      const entry = this.entries.get(change.fsId);
      if (!entry) continue;
      entry.fs.apply(change.op);
      for (const subscriber of entry.subscribers) {
        if (subscriber === origin) continue;
        let list = outgoing.get(subscriber);
        if (!list) outgoing.set(subscriber, (list = []));
        list.push(change);
      }
    }
    for (const [subscriber, list] of outgoing) subscriber(list);
  }

  /** Replaces a filesystem's contents everywhere (a configMap or secret update). */
  replace(fsId: string, files: FileTree): void {
    this.apply([{ fsId, op: { op: 'replace', files } }]);
  }
}
