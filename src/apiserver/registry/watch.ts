// Watches over one resource: the initial state (when no resourceVersion is given), then every
// change after it, filtered by selectors so that an object moving into or out of the selection
// is seen as ADDED or DELETED, as the API server's watch cache does. Upstream:
// staging/src/k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go.

import type { KubeObject } from '../../api/meta';
import { StoreError, type MvccStore, type StoreEvent } from '../../store/mvcc-store';
import { errors } from '../errors';
import type { ListOptions } from './options';
import type { ResourceRegistry } from './resource-registry';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: unknown;
}

/** Starts a watch; returns its cancel function. Throws Gone when the revision is compacted. */
export function startWatch(
  registry: ResourceRegistry,
  store: MvccStore<KubeObject>,
  namespace: string | undefined,
  options: ListOptions,
  emit: (event: WatchEvent) => void,
): () => void {
  registry.checkFieldSelector(options);
  const prefix = registry.collectionPrefix(namespace);
  const fromState = options.resourceVersion === undefined || options.resourceVersion === '0' || options.sendInitialEvents;
  let after: number;
  if (fromState) {
    const { entries, revision } = store.list(prefix);
    for (const entry of entries) if (registry.selects(entry.value, options)) emit({ type: 'ADDED', object: entry.value });
    after = revision;
    if (options.sendInitialEvents && options.allowWatchBookmarks) {
      emit({ type: 'BOOKMARK', object: bookmark(registry, revision, true) });
    }
  } else {
    after = Number(options.resourceVersion);
    if (!Number.isInteger(after) || after < 0) throw errors.badRequest(`invalid resource version: ${options.resourceVersion}`);
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
  if (event.type === 'delete') return registry.selects(event.value, options) ? { type: 'DELETED', object: deletedAt(event) } : undefined;
  const now = registry.selects(event.value, options);
  const before = event.prevValue !== undefined && registry.selects(event.prevValue, options);
  if (event.created) return now ? { type: 'ADDED', object: event.value } : undefined;
  if (now && before) return { type: 'MODIFIED', object: event.value };
  if (now) return { type: 'ADDED', object: event.value };
  if (before) return { type: 'DELETED', object: event.value };
  return undefined;
}

/** A deleted object is reported with the revision of its deletion. */
function deletedAt(event: StoreEvent<KubeObject>): KubeObject {
  return { ...event.value, metadata: { ...event.value.metadata, resourceVersion: String(event.revision) } };
}

export function bookmark(registry: ResourceRegistry, revision: number, initialEventsEnd = false): unknown {
  const metadata: Record<string, unknown> = { resourceVersion: String(revision) };
  if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
  return { kind: registry.type.kind, apiVersion: registry.type.group ? `${registry.type.group}/${registry.type.version}` : registry.type.version, metadata };
}
