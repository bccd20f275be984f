// A secondary index over an informer's cache (pods by namespace, by node, by owner), kept
// current from the informer's events, so a reconcile reads the few objects it needs instead of
// scanning every object in the cluster. Upstream: client-go tools/cache Indexer.

import type { KubeObject } from '../../api/meta';
import { objectKey } from '../../api/meta';
import type { Informer } from '../../client/informer';

/** The index values an object is filed under (none to leave it out). */
export type IndexFunction<T> = (object: T) => readonly string[];

export class InformerIndex<T extends KubeObject> {
  private readonly buckets = new Map<string, Map<string, T>>();

  constructor(
    informer: Informer<T>,
    private readonly indexOf: IndexFunction<T>,
  ) {
    informer.addHandlers({
      onAdd: (object) => this.file(object),
      onUpdate: (old, object) => this.refile(old, object),
      onDelete: (object) => this.unfile(object),
    });
  }

  /** The objects filed under `value`, in no particular order. */
  get(value: string): T[] {
    const bucket = this.buckets.get(value);
    return bucket ? [...bucket.values()] : [];
  }

  /** The objects filed under `value`, without a copy: for reading before the next event. */
  values(value: string): Iterable<T> {
    return this.buckets.get(value)?.values() ?? NOTHING;
  }

  count(value: string): number {
    return this.buckets.get(value)?.size ?? 0;
  }

  private file(object: T): void {
    const key = objectKey(object.metadata);
    for (const value of this.indexOf(object)) {
      let bucket = this.buckets.get(value);
      if (!bucket) this.buckets.set(value, (bucket = new Map()));
      bucket.set(key, object);
    }
  }

  /** An update: filed in place when it keeps its index values, as most updates do. */
  private refile(old: T, object: T): void {
    const before = this.indexOf(old);
    const after = this.indexOf(object);
    if (before.length !== after.length || before.some((value, i) => value !== after[i])) {
      this.unfile(old);
      this.file(object);
      return;
    }
    const key = objectKey(object.metadata);
    for (const value of after) this.buckets.get(value)?.set(key, object);
  }

  private unfile(object: T): void {
    const key = objectKey(object.metadata);
    for (const value of this.indexOf(object)) {
      const bucket = this.buckets.get(value);
      if (!bucket) continue;
      bucket.delete(key);
      if (bucket.size === 0) this.buckets.delete(value);
    }
  }
}

const NOTHING: readonly never[] = [];

export const byNamespace = <T extends KubeObject>(object: T): readonly string[] => [object.metadata.namespace ?? ''];

export const byControllerUid = <T extends KubeObject>(object: T): readonly string[] => {
  const ref = object.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref ? [ref.uid] : [];
};

export const byNodeName = <T extends KubeObject & { spec?: { nodeName?: string } }>(object: T): readonly string[] => (object.spec?.nodeName ? [object.spec.nodeName] : []);
