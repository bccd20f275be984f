// The store's persistence port: every write is handed over in revision order, and the API
// server waits on `flushed` before it acknowledges a write, so a reload loses nothing that was
// acknowledged. Backends (IndexedDB in the browser, a file in Node) only implement a batch
// write and a load; group commit lives here.

export type StoreMutation =
  | { type: 'put'; key: string; revision: number; value: unknown; createRevision: number }
  | { type: 'delete'; key: string; revision: number };

export interface PersistedState {
  revision: number;
  entries: { key: string; value: unknown; createRevision: number; modRevision: number }[];
  /** Small named values kept beside the objects (the cluster clock, for one). */
  meta: Record<string, unknown>;
}

export interface PersistenceBackend {
  load(): Promise<PersistedState | undefined>;
  writeBatch(mutations: StoreMutation[], meta: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

export interface Persistence {
  write(mutation: StoreMutation): void;
  setMeta(name: string, value: unknown): void;
  flushed(revision: number): Promise<void>;
}

/** Group commit: writes that arrive while a batch is in flight go together in the next one. */
export class BatchingPersistence implements Persistence {
  private pending: StoreMutation[] = [];
  private meta: Record<string, unknown> = {};
  private writtenRevision = 0;
  private inFlight: Promise<void> | undefined;
  private waiters: { revision: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private failure: unknown;

  constructor(
    private readonly backend: PersistenceBackend,
    restoredRevision = 0,
  ) {
    this.writtenRevision = restoredRevision;
  }

  write(mutation: StoreMutation): void {
    this.pending.push(mutation);
    this.schedule();
  }

  setMeta(name: string, value: unknown): void {
    this.meta[name] = value;
  }

  flushed(revision: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (revision <= this.writtenRevision) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ revision, resolve, reject }));
  }

  private schedule(): void {
    if (this.inFlight) return;
    this.inFlight = Promise.resolve().then(() => this.drain());
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.backend.writeBatch(batch, { ...this.meta });
      } catch (error) {
        this.failure = error;
        for (const waiter of this.waiters.splice(0)) waiter.reject(error);
        break;
      }
      this.writtenRevision = batch[batch.length - 1].revision;
      const ready = this.waiters.filter((w) => w.revision <= this.writtenRevision);
      this.waiters = this.waiters.filter((w) => w.revision > this.writtenRevision);
      for (const waiter of ready) waiter.resolve();
    }
    this.inFlight = undefined;
  }
}
