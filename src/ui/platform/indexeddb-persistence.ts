// The store's persistence in the browser: IndexedDB database `kubetab` with the store's entries
// by key, and one record holding the revision and the meta values (the cluster clock). Each
// batch is one transaction, acknowledged when it commits, so a reload loses nothing the API
// server acknowledged. A database created by this page load holds nothing, so it is not read.
// `seal` refuses further writes, so a reset cannot be undone by a write still on its way.

import type { PersistedState, PersistenceBackend, StoreMutation } from '../../store/persistence';

const DATABASE = 'kubetab';
const VERSION = 1;
const ENTRIES = 'entries';
const STATE = 'state';
const STATE_KEY = 'store';

interface EntryRecord {
  key: string;
  value: unknown;
  createRevision: number;
  modRevision: number;
}

interface StateRecord {
  revision: number;
  meta: Record<string, unknown>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

interface OpenedDatabase {
  db: IDBDatabase;
  /** The database was created just now, so it holds no cluster. */
  created: boolean;
}

function openDatabase(): Promise<OpenedDatabase> {
  const open = indexedDB.open(DATABASE, VERSION);
  let created = false;
  open.onupgradeneeded = (event) => {
    created = event.oldVersion === 0;
    const db = open.result;
    if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: 'key' });
    if (!db.objectStoreNames.contains(STATE)) db.createObjectStore(STATE);
  };
  return new Promise((resolve, reject) => {
    open.onsuccess = () => resolve({ db: open.result, created });
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error('the kubetab database is held open by another tab'));
  });
}

export class IndexedDbPersistence implements PersistenceBackend {
  private database?: Promise<OpenedDatabase>;
  private preloaded?: Promise<PersistedState | undefined>;
  private written = false;
  private sealed = false;

  private opened(): Promise<OpenedDatabase> {
    this.database ??= openDatabase();
    return this.database;
  }

  private async db(): Promise<IDBDatabase> {
    return (await this.opened()).db;
  }

  /** Opens the database, so a browser without usable IndexedDB is known before the cluster boots. */
  async open(): Promise<void> {
    await this.db();
  }

  /** Starts reading the stored cluster ahead of `load`, which then answers with what this read. */
  preload(): void {
    this.preloaded ??= this.read();
    this.preloaded.catch(() => undefined);
  }

  load(): Promise<PersistedState | undefined> {
    const preloaded = this.preloaded;
    this.preloaded = undefined;
    return preloaded ?? this.read();
  }

  private async read(): Promise<PersistedState | undefined> {
    const { db, created } = await this.opened();
    if (created && !this.written) return undefined;
    const tx = db.transaction([ENTRIES, STATE], 'readonly');
    const [entries, state] = await Promise.all([
      request(tx.objectStore(ENTRIES).getAll() as IDBRequest<EntryRecord[]>),
      request(tx.objectStore(STATE).get(STATE_KEY) as IDBRequest<StateRecord | undefined>),
    ]);
    if (!state) return undefined;
    return { revision: state.revision, entries, meta: state.meta };
  }

  async writeBatch(mutations: StoreMutation[], meta: Record<string, unknown>): Promise<void> {
    if (this.sealed) throw new Error('the cluster is being reset');
    if (mutations.length === 0) return;
    this.written = true;
    const db = await this.db();
    // Relaxed durability: a committed transaction is what the next page load reads, which is
    // the promise we make (a reload loses nothing); only an OS crash could lose the last batch.
    const tx = db.transaction([ENTRIES, STATE], 'readwrite', { durability: 'relaxed' });
    const entries = tx.objectStore(ENTRIES);
    for (const mutation of mutations) {
      if (mutation.type === 'put') {
        const record: EntryRecord = { key: mutation.key, value: mutation.value, createRevision: mutation.createRevision, modRevision: mutation.revision };
        entries.put(record);
      } else {
        entries.delete(mutation.key);
      }
    }
    const state: StateRecord = { revision: mutations[mutations.length - 1].revision, meta };
    tx.objectStore(STATE).put(state, STATE_KEY);
    await committed(tx);
  }

  /** Refuses every later write (before a reset and reload). */
  seal(): void {
    this.sealed = true;
  }

  async clear(): Promise<void> {
    const db = await this.db();
    const tx = db.transaction([ENTRIES, STATE], 'readwrite');
    tx.objectStore(ENTRIES).clear();
    tx.objectStore(STATE).clear();
    await committed(tx);
  }
}
