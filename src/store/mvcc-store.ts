// The etcd-shaped store behind the API server: one global revision, per-key create and mod
// revisions, compare-and-swap writes, a bounded event history for watches from a past revision
// (Compacted past it), and a persistence port that every write goes through.

import type { Persistence, StoreMutation } from './persistence';

export interface StoredEntry<T> {
  readonly key: string;
  readonly value: T;
  readonly createRevision: number;
  readonly modRevision: number;
}

export type StoreEventType = 'put' | 'delete';

export interface StoreEvent<T> {
  readonly type: StoreEventType;
  readonly key: string;
  readonly revision: number;
  /** The value after a put; the last value before a delete. */
  readonly value: T;
  readonly prevValue?: T;
  /** The entry this write replaced or removed (absent for a create). */
  readonly prevEntry?: StoredEntry<T>;
  readonly created: boolean;
}

export class StoreError extends Error {
  constructor(
    readonly code: 'KeyExists' | 'KeyNotFound' | 'Conflict' | 'Compacted',
    message: string,
  ) {
    super(message);
  }
}

export interface StoreWatcher<T> {
  cancel(): void;
  /** Delivered after each write (synchronously), in revision order. */
  readonly onEvent: (event: StoreEvent<T>) => void;
}

interface WatchRegistration<T> {
  prefix: string;
  onEvent: (event: StoreEvent<T>) => void;
  cancelled: boolean;
}

export interface MvccStoreOptions {
  /** How many past events a watch can resume from before it gets Compacted. */
  historySize?: number;
  persistence?: Persistence;
}

export class MvccStore<T> {
  private entries = new Map<string, StoredEntry<T>>();
  private history: StoreEvent<T>[] = [];
  private historyStart = 0;
  private readonly historySize: number;
  /** Replaced, never changed in place, so a write can deliver to the list as it was. */
  private watchers: readonly WatchRegistration<T>[] = [];
  /**
   * The watchers whose prefix a key's directory (the key up to its last `/`) starts with,
   * worked out once per directory and forgotten when the watchers change. Prefixes end with
   * `/`, so a prefix of the key is a prefix of its directory.
   */
  private watchersByDirectory = new Map<string, readonly WatchRegistration<T>[]>();
  private revisionCounter = 1;
  private readonly persistence?: Persistence;

  constructor(options: MvccStoreOptions = {}) {
    this.historySize = options.historySize ?? 10_000;
    this.persistence = options.persistence;
  }

  /** Rebuilds the store from persisted entries, keeping their revisions. */
  restore(entries: readonly { key: string; value: T; createRevision: number; modRevision: number }[], revision: number): void {
    this.entries.clear();
    for (const entry of entries) this.entries.set(entry.key, { ...entry });
    this.revisionCounter = Math.max(revision, 1);
    this.history = [];
    this.historyStart = this.revisionCounter + 1;
  }

  get revision(): number {
    return this.revisionCounter;
  }

  /** The oldest revision a watch can still start after. */
  get compactedRevision(): number {
    return this.history.length > 0 ? this.history[0].revision - 1 : this.historyStart - 1;
  }

  get(key: string): StoredEntry<T> | undefined {
    return this.entries.get(key);
  }

  /** Entries under a prefix, sorted by key (as etcd range reads return them). */
  list(prefix: string): { entries: StoredEntry<T>[]; revision: number } {
    const entries: StoredEntry<T>[] = [];
    for (const [key, entry] of this.entries) if (key.startsWith(prefix)) entries.push(entry);
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { entries, revision: this.revisionCounter };
  }

  /**
   * Entries under a prefix as they were at `revision` (an etcd read at a past revision),
   * rebuilt by undoing the retained history after it. Throws Compacted when that history is gone.
   */
  listAt(prefix: string, revision: number): StoredEntry<T>[] {
    if (revision >= this.revisionCounter) return this.list(prefix).entries;
    if (revision < this.compactedRevision) {
      throw new StoreError('Compacted', `required revision ${revision} has been compacted (oldest ${this.compactedRevision})`);
    }
    const state = new Map<string, StoredEntry<T>>();
    for (const [key, entry] of this.entries) if (key.startsWith(prefix)) state.set(key, entry);
    for (let i = this.history.length - 1; i >= 0 && this.history[i].revision > revision; i--) {
      const event = this.history[i];
      if (!event.key.startsWith(prefix)) continue;
      if (event.prevEntry) state.set(event.key, event.prevEntry);
      else state.delete(event.key);
    }
    return [...state.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  count(prefix: string): number {
    let n = 0;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) n++;
    return n;
  }

  /**
   * Creates a key. `build` receives the revision the write will have, so that the stored value
   * can carry its own resourceVersion.
   */
  create(key: string, build: (revision: number) => T): StoredEntry<T> {
    if (this.entries.has(key)) throw new StoreError('KeyExists', `key exists: ${key}`);
    const revision = this.revisionCounter + 1;
    const entry: StoredEntry<T> = { key, value: build(revision), createRevision: revision, modRevision: revision };
    this.commit(entry, { type: 'put', key, revision, value: entry.value, created: true });
    return entry;
  }

  /** Replaces a key if its mod revision is still `expectedModRevision` (when given). */
  update(key: string, expectedModRevision: number | undefined, build: (revision: number) => T): StoredEntry<T> {
    const current = this.entries.get(key);
    if (!current) throw new StoreError('KeyNotFound', `key not found: ${key}`);
    if (expectedModRevision !== undefined && current.modRevision !== expectedModRevision) {
      throw new StoreError('Conflict', `revision mismatch for ${key}: have ${current.modRevision}, want ${expectedModRevision}`);
    }
    const revision = this.revisionCounter + 1;
    const entry: StoredEntry<T> = { key, value: build(revision), createRevision: current.createRevision, modRevision: revision };
    this.commit(entry, { type: 'put', key, revision, value: entry.value, prevValue: current.value, prevEntry: current, created: false });
    return entry;
  }

  delete(key: string, expectedModRevision?: number): StoredEntry<T> {
    const current = this.entries.get(key);
    if (!current) throw new StoreError('KeyNotFound', `key not found: ${key}`);
    if (expectedModRevision !== undefined && current.modRevision !== expectedModRevision) {
      throw new StoreError('Conflict', `revision mismatch for ${key}: have ${current.modRevision}, want ${expectedModRevision}`);
    }
    const revision = this.revisionCounter + 1;
    this.entries.delete(key);
    this.revisionCounter = revision;
    const event: StoreEvent<T> = { type: 'delete', key, revision, value: current.value, prevValue: current.value, prevEntry: current, created: false };
    this.record(event, { type: 'delete', key, revision });
    return current;
  }

  /**
   * Watches keys under `prefix` for events after `afterRevision`, replaying retained history
   * first. Throws Compacted when that history is gone.
   */
  watch(prefix: string, afterRevision: number, onEvent: (event: StoreEvent<T>) => void): () => void {
    if (afterRevision < this.compactedRevision) {
      throw new StoreError('Compacted', `required revision ${afterRevision} has been compacted (oldest ${this.compactedRevision})`);
    }
    for (const event of this.history) {
      if (event.revision > afterRevision && event.key.startsWith(prefix)) onEvent(event);
    }
    const registration: WatchRegistration<T> = { prefix, onEvent, cancelled: false };
    this.watchers = [...this.watchers, registration];
    this.watchersByDirectory = new Map();
    return () => {
      if (registration.cancelled) return;
      registration.cancelled = true;
      this.watchers = this.watchers.filter((w) => w !== registration);
      this.watchersByDirectory = new Map();
    };
  }

  /** Resolves once every write up to `revision` is durable in the persistence port. */
  durable(revision: number): Promise<void> {
    return this.persistence ? this.persistence.flushed(revision) : Promise.resolve();
  }

  private commit(entry: StoredEntry<T>, event: StoreEvent<T>): void {
    this.entries.set(entry.key, entry);
    this.revisionCounter = event.revision;
    this.record(event, {
      type: 'put',
      key: entry.key,
      revision: event.revision,
      value: entry.value,
      createRevision: entry.createRevision,
    });
  }

  private record(event: StoreEvent<T>, mutation: StoreMutation): void {
    this.history.push(event);
    // Trimmed in chunks (up to a quarter more kept), so a write does not shift the whole history.
    if (this.history.length > this.historySize + (this.historySize >> 2)) {
      this.history.splice(0, this.history.length - this.historySize);
    }
    this.persistence?.write(mutation);
    for (const watcher of this.watchersOf(event.key)) {
      if (!watcher.cancelled) watcher.onEvent(event);
    }
  }

  private watchersOf(key: string): readonly WatchRegistration<T>[] {
    const directory = key.slice(0, key.lastIndexOf('/') + 1);
    let found = this.watchersByDirectory.get(directory);
    if (!found) {
      found = this.watchers.filter((w) => directory.startsWith(w.prefix));
      this.watchersByDirectory.set(directory, found);
    }
    return found;
  }
}
