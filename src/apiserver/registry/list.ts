// List requests over the store with upstream's resourceVersion semantics: unset or "0" read the
// latest state, a version with NotOlderThan (the default) reads the latest if it is at least that
// new, Exact reads the state at that revision (410 once compacted), and limit/continue pages
// through one consistent snapshot. Upstream:
// staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go (GetList) and
// staging/src/k8s.io/apimachinery/pkg/apis/meta/internalversion/validation (ValidateListOptions).

import { fieldError, type FieldError } from '../../api/field-errors';
import type { KubeList, KubeObject } from '../../api/meta';
import { StoreError, type MvccStore, type StoredEntry } from '../../store/mvcc-store';
import { errors } from '../errors';
import type { ListOptions } from './options';
import type { ResourceRegistry } from './resource-registry';

const TOO_OLD_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** Checks the combination of list options as upstream's ValidateListOptions does. */
export function validateListOptions(options: ListOptions, watch: boolean): void {
  const errs: FieldError[] = [];
  const match = options.resourceVersionMatch;
  if (watch) {
    if (options.sendInitialEvents !== undefined && match !== 'NotOlderThan') {
      errs.push(fieldError.forbidden('resourceVersionMatch', 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
    }
    if (match) {
      if (options.sendInitialEvents === undefined) errs.push(fieldError.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
      if (match !== 'NotOlderThan') errs.push(fieldError.notSupported('resourceVersionMatch', match, ['NotOlderThan']));
      if (options.continueToken) errs.push(fieldError.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    }
  } else {
    if (match) {
      if (!options.resourceVersion) errs.push(fieldError.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
      if (options.continueToken) errs.push(fieldError.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
      if (match !== 'Exact' && match !== 'NotOlderThan') errs.push(fieldError.notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
      if (match === 'Exact' && options.resourceVersion === '0') errs.push(fieldError.forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
    }
    if (options.sendInitialEvents !== undefined) errs.push(fieldError.forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  }
  if (errs.length > 0) throw errors.invalid('ListOptions', 'meta.k8s.io', '', errs);
}

/** A resourceVersion query parameter as a revision number. */
export function parseResourceVersion(text: string): number {
  if (!/^\d+$/.test(text)) throw errors.badRequest(`invalid resource version: ${text}`);
  return Number(text);
}

export function tooLargeResourceVersion(requested: number, current: number) {
  return errors.timeout(`Too large resource version: ${requested}, current: ${current}`, [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], 1);
}

function encodeContinue(revision: number, lastKey: string, prefix: string): string {
  return btoa(JSON.stringify({ v: 'meta.k8s.io/v1', rv: revision, start: lastKey.slice(prefix.length) }));
}

function decodeContinue(token: string, prefix: string): { revision: number; lastKey: string } {
  try {
    const parsed = JSON.parse(atob(token)) as { rv?: unknown; start?: unknown };
    if (typeof parsed.rv === 'number' && typeof parsed.start === 'string') return { revision: parsed.rv, lastKey: prefix + parsed.start };
  } catch {
    // an undecodable token gets the same answer as a malformed one, below
  }
  throw errors.badRequest('continue key is not valid: illegal base64 data at input byte 0');
}

/** The entries a list reads, and the revision the list reports. */
function snapshot(store: MvccStore<KubeObject>, prefix: string, options: ListOptions): { entries: StoredEntry<KubeObject>[]; revision: number } {
  const current = store.revision;
  const read = (revision: number, gone: string) => {
    try {
      return { entries: store.listAt(prefix, revision), revision };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'Compacted') throw errors.gone(gone);
      throw error;
    }
  };
  if (options.continueToken) return read(decodeContinue(options.continueToken, prefix).revision, TOO_OLD_CONTINUE);
  if (options.resourceVersion === undefined || options.resourceVersion === '0') return store.list(prefix);
  const requested = parseResourceVersion(options.resourceVersion);
  if (requested > current) throw tooLargeResourceVersion(requested, current);
  if (options.resourceVersionMatch === 'Exact') return read(requested, 'The resourceVersion for the provided list is too old.');
  return store.list(prefix);
}

export function listObjects(registry: ResourceRegistry, store: MvccStore<KubeObject>, namespace: string | undefined, options: ListOptions): KubeList {
  validateListOptions(options, false);
  registry.checkFieldSelector(options);
  const prefix = registry.collectionPrefix(namespace);
  const { entries, revision } = snapshot(store, prefix, options);
  let start = 0;
  if (options.continueToken) {
    const lastKey = decodeContinue(options.continueToken, prefix).lastKey;
    start = entries.findIndex((entry) => entry.key > lastKey);
    if (start < 0) start = entries.length;
  }
  const items: KubeObject[] = [];
  let next: string | undefined;
  let remaining = 0;
  for (let i = start; i < entries.length; i++) {
    const object = registry.present(entries[i].value);
    if (!registry.selects(object, options)) continue;
    if (options.limit !== undefined && items.length >= options.limit) {
      next ??= encodeContinue(revision, entries[i - 1].key, prefix);
      remaining++;
      continue;
    }
    items.push(object);
  }
  const metadata: KubeList['metadata'] = { resourceVersion: String(revision) };
  if (next !== undefined) {
    metadata.continue = next;
    if (options.labelSelector.length === 0 && options.fieldSelector.length === 0) metadata.remainingItemCount = remaining;
  }
  return { kind: registry.type.listKind, apiVersion: registry.apiVersion, metadata, items };
}
