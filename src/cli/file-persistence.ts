// The store's persistence in Node: the whole state in one JSON file, rewritten atomically
// (write a temporary file of this writer's own, then rename) for each batch of writes.

import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PersistedState, PersistenceBackend, StoreMutation } from '../store/persistence';

let writers = 0;

export class FilePersistence implements PersistenceBackend {
  private state: PersistedState = { revision: 0, entries: [], meta: {} };
  /** Never shared with another writer of the same file, whose rename would take it away. */
  private readonly temporary: string;

  constructor(private readonly path: string) {
    this.temporary = `${path}.${process.pid}.${++writers}.tmp`;
  }

  async load(): Promise<PersistedState | undefined> {
    try {
      this.state = JSON.parse(await readFile(this.path, 'utf8')) as PersistedState;
      return this.state;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async writeBatch(mutations: StoreMutation[], meta: Record<string, unknown>): Promise<void> {
    const entries = new Map(this.state.entries.map((e) => [e.key, e]));
    for (const m of mutations) {
      if (m.type === 'delete') entries.delete(m.key);
      else entries.set(m.key, { key: m.key, value: m.value, createRevision: m.createRevision, modRevision: m.revision });
      this.state.revision = m.revision;
    }
    this.state = { revision: this.state.revision, entries: [...entries.values()], meta };
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(this.temporary, JSON.stringify(this.state));
    await rename(this.temporary, this.path);
  }

  async clear(): Promise<void> {
    this.state = { revision: 0, entries: [], meta: {} };
    await rm(this.path, { force: true });
  }
}
