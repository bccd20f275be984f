// Watches over one resource: the initial state when asked for it (no resourceVersion, "0", or
// sendInitialEvents=true, which ends with a bookmark annotated k8s.io/initial-events-end), then
// every change after it, filtered by selectors so that an object moving into or out of the
// selection is seen as ADDED or DELETED, as the API server's watch cache does. Upstream:
// staging/src/k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go.

import type { KubeObject } from '../../api/meta';
import { StoreError, type MvccStore, type StoreEvent } from '../../store/mvcc-store';
import { errors } from '../errors';
import { parseResourceVersion, tooLargeResourceVersion, validateListOptions } from './list';
import type { ListOptions } from './options';
import type { ResourceRegistry } from './resource-registry';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: unknown;
}

/** Where the watch starts: after which revision, and whether the current state comes first. */
function startingPoint(store: MvccStore<KubeObject>, options: ListOptions): { withState: boolean; after: number } {
  const rv = options.resourceVersion;
  const requested = rv === undefined || rv === '0' ? undefined : parseResourceVersion(rv);
  if (requested !== undefined && requested > store.revision) throw tooLargeResourceVersion(requested, store.revision);
  if (options.sendInitialEvents === true) return { withState: true, after: store.revision };
  if (options.sendInitialEvents === false) return { withState: false, after: requested ?? store.revision };
  if (requested === undefined) return { withState: true, after: store.revision };
  return { withState: false, after: requested };
}

/** Starts a watch; returns its cancel function. Throws Gone when the revision is compacted. */
export function startWatch(
  registry: ResourceRegistry,
  store: MvccStore<KubeObject>,
  namespace: string | undefined,
  options: ListOptions,
  emit: (event: WatchEvent) => void,
): () => void {
  validateListOptions(options, true);
  registry.checkFieldSelector(options);
  const prefix = registry.collectionPrefix(namespace);
  const { withState, after } = startingPoint(store, options);
  if (withState) {
    for (const entry of store.list(prefix).entries) {
      const object = registry.present(entry.value);
      if (registry.selects(object, options)) emit({ type: 'ADDED', object });
    }
    if (options.sendInitialEvents && options.allowWatchBookmarks) emit({ type: 'BOOKMARK', object: bookmark(registry, after, true) });
  }
  try {
    return store.watch(prefix, after, (event) => {
      const translated = translate(registry, event, options);
      if (translated) emit(translated);
    });
  } catch (error) {
    if (error instanceof StoreError && error.code === 'Compacted') {
      throw errors.gone(`too old resource version: ${after} (${store.compactedRevision + 1})`);
    }
    throw error;
  }
}

function translate(registry: ResourceRegistry, event: StoreEvent<KubeObject>, options: ListOptions): WatchEvent | undefined {
  const object = registry.present(event.value);
  if (event.type === 'delete') return registry.selects(object, options) ? { type: 'DELETED', object: deletedAt(object, event.revision) } : undefined;
  const now = registry.selects(object, options);
  const before = event.prevValue !== undefined && registry.selects(registry.present(event.prevValue), options);
  if (event.created) return now ? { type: 'ADDED', object } : undefined;
  if (now && before) return { type: 'MODIFIED', object };
  if (now) return { type: 'ADDED', object };
  if (before) return { type: 'DELETED', object };
  return undefined;
}

/** A deleted object is reported with the revision of its deletion. */
function deletedAt(object: KubeObject, revision: number): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
}

export function bookmark(registry: ResourceRegistry, revision: number, initialEventsEnd = false): unknown {
  const metadata: Record<string, unknown> = { resourceVersion: String(revision) };
  if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
  return { kind: registry.type.kind, apiVersion: registry.apiVersion, metadata };
}
