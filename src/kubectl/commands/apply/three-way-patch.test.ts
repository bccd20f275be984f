import { describe, expect, it } from 'vitest';
import type { PatchMeta } from '../../../apiserver/patch/strategic-merge';
import { threeWayPatch, twoWayPatch } from './three-way-patch';

const meta: PatchMeta = (path) => (path[path.length - 1] === 'containers' ? { mergeKey: 'name' } : path[path.length - 1] === 'finalizers' ? { set: true } : undefined);

describe('three-way strategic merge patch', () => {
  const original = { metadata: { labels: { app: 'web', old: 'x' } }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }] } };

  it('is empty when the file matches the live object, whatever else the server set', () => {
    const live = { ...original, status: { phase: 'Running' }, metadata: { ...original.metadata, uid: '1' } };
    expect(threeWayPatch(original, original, live, meta)).toEqual({});
  });

  it('deletes what was removed from the file since the last apply, and only that', () => {
    const modified = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
    const live = { metadata: { labels: { app: 'web', old: 'x', added: 'by-someone-else' } }, spec: original.spec };
    expect(threeWayPatch(original, modified, live, meta)).toEqual({
      metadata: { labels: { old: null } },
      spec: { containers: [{ name: 'b', $patch: 'delete' }] },
    });
  });

  it('merges keyed lists by key and keeps the file order', () => {
    const modified = { ...original, spec: { containers: [{ name: 'a', image: 'nginx:1.25' }, { name: 'b', image: 'redis' }] } };
    expect(threeWayPatch(original, modified, original, meta)).toEqual({
      spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [{ name: 'a', image: 'nginx:1.25' }] },
    });
  });

  it('replaces lists whole when there is no patch metadata', () => {
    const modified = { ...original, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
    expect(twoWayPatch(original, modified, undefined)).toEqual({ spec: { containers: [{ name: 'a', image: 'nginx' }] } });
  });
});
