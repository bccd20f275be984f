import { beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api-server';
import type { ConfigMap } from '../../api/core';
import { findResource } from '../../api/scheme';
import type { ApiRequest } from '../request';

const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!;
const PATH = '/api/v1/namespaces/default/configmaps';

interface Event {
  type: string;
  object: { metadata?: { name?: string; resourceVersion?: string; annotations?: Record<string, string> }; code?: number; reason?: string; columnDefinitions?: unknown[] };
}

function configMap(name: string, labels: Record<string, string> = {}): ConfigMap {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: { k: name } };
}

async function watch(t: TestApi, query: Record<string, string>, headers: Record<string, string> = {}) {
  const events: Event[] = [];
  let ended = false;
  const response = await t.server.stream({ method: 'GET', path: PATH, query: { watch: 'true', ...query }, headers } as ApiRequest, {
    data: (chunk) => events.push(chunk as Event),
    end: () => (ended = true),
  });
  return { response, events, ended: () => ended };
}

describe('watch', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await startTestApi({ historySize: 50 });
  });

  it('starts with the current state when no resourceVersion is given, then streams changes', async () => {
    await t.client.create(CONFIG_MAPS, 'default', configMap('a'));
    const w = await watch(t, {});
    await t.client.create(CONFIG_MAPS, 'default', configMap('b'));
    await t.client.delete(CONFIG_MAPS, 'default', 'a');
    expect(w.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['ADDED a', 'ADDED b', 'DELETED a']);
  });

  it('replays what happened after a past resourceVersion', async () => {
    const a = await t.client.create<ConfigMap>(CONFIG_MAPS, 'default', configMap('a'));
    await t.client.patch(CONFIG_MAPS, 'default', 'a', { data: { k: 'changed' } });
    const w = await watch(t, { resourceVersion: a.metadata.resourceVersion ?? '' });
    expect(w.events.map((e) => e.type)).toEqual(['MODIFIED']);
  });

  it('answers a compacted resourceVersion with a 410 Expired ERROR event and ends', async () => {
    const first = await t.client.create<ConfigMap>(CONFIG_MAPS, 'default', configMap('first'));
    for (let i = 0; i < 60; i++) await t.client.patch(CONFIG_MAPS, 'default', 'first', { data: { k: String(i) } });
    const w = await watch(t, { resourceVersion: first.metadata.resourceVersion ?? '' });
    expect(w.response.status).toBe(200);
    expect(w.events).toHaveLength(1);
    expect(w.events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    expect((w.events[0].object as { message: string }).message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
    expect(w.ended()).toBe(true);
  });

  it('sends initial events and the initial-events-end bookmark when asked', async () => {
    await t.client.create(CONFIG_MAPS, 'default', configMap('a'));
    const w = await watch(t, { sendInitialEvents: 'true', allowWatchBookmarks: 'true', resourceVersionMatch: 'NotOlderThan' });
    expect(w.events.map((e) => e.type)).toEqual(['ADDED', 'BOOKMARK']);
    expect(w.events[1].object.metadata).toEqual({ resourceVersion: String(t.store.revision), annotations: { 'k8s.io/initial-events-end': 'true' } });
  });

  it('refuses sendInitialEvents without resourceVersionMatch=NotOlderThan', async () => {
    const response = await t.send({ method: 'GET', path: PATH, query: { watch: 'true', sendInitialEvents: 'true' } });
    expect(response.status).toBe(422);
    expect((response.body as { message: string }).message).toBe('ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan');
  });

  it('sends bookmarks on the cluster clock and ends at timeoutSeconds', async () => {
    const w = await watch(t, { allowWatchBookmarks: 'true', timeoutSeconds: '150' });
    await t.clock.advance(60_000);
    expect(w.events.map((e) => e.type)).toEqual(['BOOKMARK']);
    expect(w.events[0].object.metadata?.resourceVersion).toBe(String(t.store.revision));
    await t.clock.advance(60_000);
    expect(w.events).toHaveLength(2);
    expect(w.ended()).toBe(false);
    await t.clock.advance(30_000);
    expect(w.ended()).toBe(true);
    expect(t.server.openStreams).toBe(0);
  });

  it('reports an object leaving or entering a selection as DELETED or ADDED', async () => {
    await t.client.create(CONFIG_MAPS, 'default', configMap('a', { tier: 'web' }));
    const w = await watch(t, { labelSelector: 'tier=web' });
    await t.client.patch(CONFIG_MAPS, 'default', 'a', { metadata: { labels: { tier: 'db' } } });
    await t.client.patch(CONFIG_MAPS, 'default', 'a', { metadata: { labels: { tier: 'web' } } });
    expect(w.events.map((e) => e.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
  });

  it('follows one object by field selector until it is deleted, as kubectl wait --for=delete does', async () => {
    await t.client.create(CONFIG_MAPS, 'default', configMap('a'));
    await t.client.create(CONFIG_MAPS, 'default', configMap('b'));
    const w = await watch(t, { fieldSelector: 'metadata.name=a' });
    await t.client.delete(CONFIG_MAPS, 'default', 'b');
    await t.client.delete(CONFIG_MAPS, 'default', 'a');
    expect(w.events.map((e) => `${e.type} ${e.object.metadata?.name}`)).toEqual(['ADDED a', 'DELETED a']);
    expect(Number(w.events[1].object.metadata?.resourceVersion)).toBe(t.store.revision);
  });

  it('sends Tables with the column definitions in the first event only', async () => {
    await t.client.create(CONFIG_MAPS, 'default', configMap('a'));
    const w = await watch(t, {}, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    await t.client.create(CONFIG_MAPS, 'default', configMap('b'));
    expect(w.events.map((e) => e.object.columnDefinitions?.length)).toEqual([3, 0]);
  });

  it('stops delivering once cancelled', async () => {
    const w = await watch(t, {});
    expect(t.server.openStreams).toBe(1);
    await t.server.cancel(w.response.streamId ?? -1);
    await t.client.create(CONFIG_MAPS, 'default', configMap('late'));
    expect(w.events).toEqual([]);
    expect(t.server.openStreams).toBe(0);
  });
});
