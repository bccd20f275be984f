import { describe, expect, it } from 'vitest';
import { MvccStore, StoreError, type StoreEvent } from './mvcc-store';

describe('MvccStore', () => {
  it('gives every write the next global revision and keeps create and mod revisions', () => {
    const store = new MvccStore<string>();
    const a = store.create('/a', () => 'one');
    const b = store.create('/b', () => 'two');
    const a2 = store.update('/a', a.modRevision, () => 'uno');
    expect([a.modRevision, b.modRevision, a2.modRevision]).toEqual([2, 3, 4]);
    expect(a2.createRevision).toBe(a.createRevision);
    expect(store.revision).toBe(4);
  });

  it('refuses a compare-and-swap against a stale revision', () => {
    const store = new MvccStore<string>();
    const a = store.create('/a', () => 'one');
    store.update('/a', a.modRevision, () => 'two');
    expect(() => store.update('/a', a.modRevision, () => 'three')).toThrowError(StoreError);
    expect(store.get('/a')?.value).toBe('two');
  });

  it('refuses to create a key twice and to update a missing key', () => {
    const store = new MvccStore<string>();
    store.create('/a', () => 'one');
    expect(() => store.create('/a', () => 'again')).toThrow(/key exists/);
    expect(() => store.update('/missing', undefined, () => 'x')).toThrow(/key not found/);
  });

  it('replays history to a watch that starts in the past, then delivers live events', () => {
    const store = new MvccStore<string>();
    const a = store.create('/pods/a', () => 'a1');
    store.create('/nodes/n', () => 'n1');
    store.update('/pods/a', a.modRevision, () => 'a2');
    const seen: StoreEvent<string>[] = [];
    store.watch('/pods/', a.modRevision, (e) => seen.push(e));
    store.delete('/pods/a');
    expect(seen.map((e) => [e.type, e.value])).toEqual([
      ['put', 'a2'],
      ['delete', 'a2'],
    ]);
  });

  it('answers Compacted for a watch older than its history', () => {
    const store = new MvccStore<string>({ historySize: 2 });
    for (let i = 0; i < 5; i++) store.create(`/k${i}`, () => String(i));
    expect(() => store.watch('/', 1, () => undefined)).toThrowError(/compacted/);
    expect(() => store.watch('/', store.revision - 1, () => undefined)).not.toThrow();
  });

  it('lists keys under a prefix in key order', () => {
    const store = new MvccStore<string>();
    store.create('/p/b', () => 'b');
    store.create('/p/a', () => 'a');
    store.create('/q/c', () => 'c');
    expect(store.list('/p/').entries.map((e) => e.value)).toEqual(['a', 'b']);
  });
});
