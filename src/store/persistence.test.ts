import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../test/support/api-server';
import type { ConfigMap } from '../api/core';
import type { KubeObject } from '../api/meta';
import { findResource } from '../api/scheme';
import { ApiServer } from '../apiserver/api-server';
import { ApiClient } from '../client/client';
import { MvccStore } from './mvcc-store';
import { BatchingPersistence, type PersistedState, type PersistenceBackend, type StoreMutation } from './persistence';

const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!;

/** A backend in memory whose batch writes, while `holding`, complete only on `release()`. */
class HeldBackend implements PersistenceBackend {
  state: PersistedState = { revision: 0, entries: [], meta: {} };
  batches: StoreMutation[][] = [];
  holding = false;
  private held: (() => void)[] = [];

  async load(): Promise<PersistedState | undefined> {
    return this.state.revision === 0 ? undefined : structuredClone(this.state);
  }

  writeBatch(mutations: StoreMutation[]): Promise<void> {
    this.batches.push(mutations);
    const apply = () => {
      const entries = new Map(this.state.entries.map((e) => [e.key, e]));
      for (const m of mutations) {
        if (m.type === 'delete') entries.delete(m.key);
        else entries.set(m.key, { key: m.key, value: m.value, createRevision: m.createRevision, modRevision: m.revision });
        this.state.revision = m.revision;
      }
      this.state.entries = [...entries.values()];
    };
    if (!this.holding) {
      apply();
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.held.push(() => {
        apply();
        resolve();
      }),
    );
  }

  async clear(): Promise<void> {
    this.state = { revision: 0, entries: [], meta: {} };
  }

  release(): void {
    for (const write of this.held.splice(0)) write();
  }
}

function configMap(name: string): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { v: name } };
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('persistence', () => {
  it('acknowledges a write only once it is durable', async () => {
    const backend = new HeldBackend();
    const t = await startTestApi({ persistence: new BatchingPersistence(backend) });
    backend.holding = true;
    let acknowledged = false;
    const pending = t.client.create(CONFIG_MAPS, 'default', configMap('a')).then(() => (acknowledged = true));
    await settle();
    expect(acknowledged).toBe(false);
    expect(backend.state.entries.some((e) => e.key === '/registry/configmaps/default/a')).toBe(false);
    backend.release();
    await pending;
    expect(acknowledged).toBe(true);
    expect(backend.state.entries.some((e) => e.key === '/registry/configmaps/default/a')).toBe(true);
  });

  it('groups writes that arrive while a batch is in flight into the next batch', async () => {
    const backend = new HeldBackend();
    backend.holding = true;
    const persistence = new BatchingPersistence(backend);
    const store = new MvccStore<string>({ persistence });
    store.create('/a', () => 'a');
    await settle();
    store.create('/b', () => 'b');
    store.create('/c', () => 'c');
    backend.release();
    await settle();
    backend.release();
    await persistence.flushed(4);
    expect(backend.batches.map((batch) => batch.map((m) => m.key))).toEqual([['/a'], ['/b', '/c']]);
  });

  it('restores a persisted state and keeps serving, resourceVersions continuing', async () => {
    const backend = new HeldBackend();
    const first = await startTestApi({ persistence: new BatchingPersistence(backend) });
    const a = await first.client.create<ConfigMap>(CONFIG_MAPS, 'default', configMap('a'));
    const lastRevision = first.store.revision;

    const restored = (await backend.load()) as PersistedState;
    const store = new MvccStore<KubeObject>({ persistence: new BatchingPersistence(backend, restored.revision) });
    store.restore(restored.entries as { key: string; value: KubeObject; createRevision: number; modRevision: number }[], restored.revision);
    const server = new ApiServer({ clock: first.clock, store, kubelets: { endpoint: () => undefined } });
    const client = new ApiClient(server, 'test');
    expect(await client.get<ConfigMap>(CONFIG_MAPS, 'default', 'a')).toEqual(a);
    const b = await client.create<ConfigMap>(CONFIG_MAPS, 'default', configMap('b'));
    expect(Number(b.metadata.resourceVersion)).toBe(lastRevision + 1);
    expect((await backend.load())?.entries.some((e) => e.key === '/registry/configmaps/default/b')).toBe(true);
    const atRestore = await server.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', query: { resourceVersion: String(lastRevision), resourceVersionMatch: 'Exact' } });
    expect((atRestore.body as { items: unknown[] }).items).toEqual([a]);
    const beforeRestore = await server.request({ method: 'GET', path: '/api/v1/namespaces/default/configmaps', query: { resourceVersion: '2', resourceVersionMatch: 'Exact' } });
    expect(beforeRestore.status).toBe(410);
  });
});
