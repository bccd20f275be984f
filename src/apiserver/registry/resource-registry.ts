// The generic registry: get, list, create, update, delete and watch for one resource over the
// MVCC store, with the rules every resource shares (names, uids, generation, compare-and-swap,
// graceful deletion, finalizers, dry run, Go-shaped stored objects) and a Strategy for what
// differs. Upstream: staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go.

import type { FieldError } from '../../api/field-errors';
import { matchesFields } from '../../api/fields';
import { matches } from '../../api/labels';
import type { KubeList, KubeObject, ObjectMeta } from '../../api/meta';
import { clone, deepFreeze, jsonEqual } from '../../api/objects';
import { normalizeWithSchema } from '../../api/schema/decode';
import type { StructSchema } from '../../api/schema/model';
import { schemaForKind } from '../../api/schema/registry';
import { groupVersion } from '../../api/scheme';
import { StoreError, type MvccStore } from '../../store/mvcc-store';
import { errors } from '../errors';
import type { AdmissionChain } from './admission';
import { keepAllButStatus, keepMetadataNotSent, keepStatus } from './kept-fields';
import { listObjects } from './list';
import { prepareMetaForCreate, prepareMetaForUpdate, validateObjectMeta, validateObjectMetaUpdate, type NameValidator } from './object-meta';
import type { DeleteOptions, ListOptions, WriteOptions } from './options';
import type { AnyStrategy, StrategyContext } from './strategy';

export interface RegistryDeps {
  store: MvccStore<KubeObject>;
  context(): StrategyContext;
  admission: AdmissionChain;
  validateName: NameValidator;
}

export interface WriteResult {
  object: KubeObject;
  /** False when an update changed nothing and so wrote nothing. */
  changed: boolean;
}

export interface DeleteResult {
  object: KubeObject;
  /** True when the object is gone; false when it only got a deletionTimestamp. */
  deleted: boolean;
}

function requireSchema(group: string, version: string, kind: string): StructSchema {
  const schema = schemaForKind(group, version, kind);
  if (!schema) throw new Error(`no schema for ${group}/${version} ${kind}`);
  return schema;
}

export class ResourceRegistry {
  readonly prefix: string;
  readonly apiVersion: string;
  /** The served kind's schema: what Go's struct for it holds. */
  readonly schema: StructSchema;
  private readonly storageSchema: StructSchema;
  /** Stored values written straight from a normalization (as opposed to a graceful delete's copy). */
  private readonly normalizedValues = new WeakSet<KubeObject>();
  /** Selectable fields of stored objects (see fields). */
  private readonly storedFields = new WeakMap<KubeObject, Record<string, string>>();

  constructor(
    readonly strategy: AnyStrategy,
    private readonly deps: RegistryDeps,
  ) {
    const type = strategy.type;
    const storage = strategy.storage;
    this.prefix = `/registry/${storage ? storage.prefix : `${type.group ? `${type.group}/` : ''}${type.resource}`}/`;
    this.apiVersion = groupVersion(type);
    this.schema = requireSchema(type.group, type.version, type.kind);
    this.storageSchema = storage ? requireSchema(storage.kind.group, storage.kind.version, storage.kind.kind) : this.schema;
  }

  get type() {
    return this.strategy.type;
  }

  key(namespace: string | undefined, name: string): string {
    return this.type.namespaced ? `${this.prefix}${namespace}/${name}` : `${this.prefix}${name}`;
  }

  collectionPrefix(namespace: string | undefined): string {
    return this.type.namespaced && namespace ? `${this.prefix}${namespace}/` : this.prefix;
  }

  /** A stored object as this resource serves it (converted when stored as another kind). */
  present(stored: KubeObject): KubeObject {
    return this.strategy.storage ? deepFreeze(this.strategy.storage.fromStorage(stored)) : stored;
  }

  /**
   * The object as Go would marshal it: zero values written, empty optional fields dropped.
   * `base` is a stored object it was built from, whose untouched parts need no second look.
   */
  normalize(object: KubeObject, base?: KubeObject): KubeObject {
    const known = base && this.normalizedValues.has(base) ? (base as unknown as Record<string, unknown>) : undefined;
    return normalizeWithSchema(object, this.schema, known) as KubeObject;
  }

  find(namespace: string | undefined, name: string): KubeObject | undefined {
    const stored = this.deps.store.get(this.key(namespace, name))?.value;
    return stored && this.present(stored);
  }

  get(namespace: string | undefined, name: string): KubeObject {
    const found = this.find(namespace, name);
    if (!found) throw errors.notFound(this.type, name);
    return found;
  }

  /** Whether an object passes a list or watch request's selectors. */
  selects(object: KubeObject, options: Pick<ListOptions, 'labelSelector' | 'fieldSelector'>): boolean {
    if (!matches(options.labelSelector, object.metadata.labels)) return false;
    if (options.fieldSelector.length === 0) return true;
    return matchesFields(options.fieldSelector, this.fields(object));
  }

  /**
   * The fields an object can be selected on. A stored object never changes (it is frozen), so
   * its fields are worked out once, however many field-selecting watchers (a kubelet per node)
   * look at it.
   */
  fields(object: KubeObject): Record<string, string> {
    const known = this.storedFields.get(object);
    if (known) return known;
    const fields: Record<string, string> = { 'metadata.name': object.metadata.name ?? '' };
    if (this.type.namespaced) fields['metadata.namespace'] = object.metadata.namespace ?? '';
    Object.assign(fields, this.strategy.selectableFields?.(object));
    if (Object.isFrozen(object)) this.storedFields.set(object, fields);
    return fields;
  }

  /** Checks that every field selector names a field this resource can select on. */
  checkFieldSelector(options: Pick<ListOptions, 'fieldSelector'>): void {
    if (options.fieldSelector.length === 0) return;
    const known = new Set(['metadata.name', 'metadata.namespace', ...Object.keys(this.strategy.selectableFields?.({ apiVersion: '', kind: '', metadata: {} } as KubeObject) ?? {})]);
    for (const req of options.fieldSelector) {
      if (!known.has(req.field)) throw errors.badRequest(`field label not supported: ${req.field}`);
    }
  }

  list(namespace: string | undefined, options: ListOptions): KubeList {
    return listObjects(this, this.deps.store, namespace, options);
  }

  /** Creates an object from `body`, which it takes over: callers pass a freshly decoded body. */
  async create(namespace: string | undefined, body: KubeObject, options: WriteOptions): Promise<KubeObject> {
    const context = this.deps.context();
    let object = body;
    object.metadata ??= {};
    if (this.type.namespaced && object.metadata.namespace && namespace && object.metadata.namespace !== namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    this.strategy.defaults?.(object);
    prepareMetaForCreate(object, this.type.namespaced ? namespace : undefined, context.timestamp, this.strategy.tracksGeneration ?? false);
    this.strategy.prepareForCreate?.(object, context);
    const attributes = { operation: 'CREATE' as const, type: this.type, namespace, name: object.metadata.name, object, dryRun: options.dryRun, context };
    this.deps.admission.admit(attributes);
    object = this.normalize(attributes.object);
    this.throwIfInvalid(object, [
      ...validateObjectMeta(object.metadata, this.type.namespaced, this.deps.validateName),
      ...(this.strategy.validate?.(object, context) ?? []),
    ]);
    this.deps.admission.validate({ ...attributes, object });
    options.warnings?.push(...(this.strategy.warningsOnCreate?.(object) ?? []));
    const name = object.metadata.name as string;
    const key = this.key(namespace, name);
    if (this.deps.store.get(key)) throw errors.alreadyExists(this.type, name);
    if (options.dryRun) return deepFreeze(object);
    try {
      const entry = this.deps.store.create(key, (revision) => this.stamp(object, revision));
      await this.deps.store.durable(entry.modRevision);
      return this.present(entry.value);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'KeyExists') throw errors.alreadyExists(this.type, name);
      throw error;
    }
  }

  /**
   * Replaces an object (PUT). `subresource` is '' for the main resource or 'status'. An
   * unconditional update (no resourceVersion) is retried on conflict by re-reading.
   */
  async update(namespace: string | undefined, name: string, body: KubeObject, options: WriteOptions, subresource = ''): Promise<WriteResult> {
    const key = this.key(namespace, name);
    const current = this.deps.store.get(key);
    if (!current) throw errors.notFound(this.type, name);
    if (!body.metadata) throw errors.badRequest('metadata is required');
    if (body.metadata.name !== undefined && body.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`);
    }
    if (this.type.namespaced && body.metadata.namespace && body.metadata.namespace !== namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    const old = this.present(current.value);
    const requested = body.metadata.resourceVersion;
    if (requested && requested !== old.metadata.resourceVersion) throw errors.modified(this.type, name);
    if (body.metadata.uid && body.metadata.uid !== old.metadata.uid) {
      throw errors.conflict(this.type, name, `Precondition failed: UID in precondition: ${body.metadata.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    const context = this.deps.context();
    let object = clone(body);
    object.metadata.name = name;
    if (this.type.namespaced) object.metadata.namespace = namespace;
    this.strategy.defaults?.(object);
    prepareMetaForUpdate(object, old);
    if (subresource === 'status') {
      // A status write keeps everything outside status but metadata's labels, annotations,
      // finalizers and owners, which upstream lets status writers change. (Those the body leaves
      // out are kept too, where upstream would clear them: kubetab's kubelet writes a status
      // with its pod's name only.)
      keepAllButStatus(object, old);
      keepMetadataNotSent(object, old);
      this.strategy.prepareForStatusUpdate?.(object, old, context);
    } else {
      if (this.strategy.hasStatus) keepStatus(object, old);
      this.strategy.prepareForUpdate?.(object, old, context);
    }
    const attributes = { operation: 'UPDATE' as const, type: this.type, subresource, namespace, name, object, oldObject: old, dryRun: options.dryRun, context };
    this.deps.admission.admit(attributes);
    object = this.normalize(attributes.object);
    if (subresource !== 'status' && this.strategy.tracksGeneration && (!jsonEqual(specOf(object), specOf(old)) || this.strategy.bumpsGeneration?.(object, old))) {
      object.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
    this.throwIfInvalid(object, [
      ...validateObjectMeta(object.metadata, this.type.namespaced, this.deps.validateName),
      ...validateObjectMetaUpdate(object.metadata, old.metadata),
      ...(this.strategy.validateUpdate?.(object, old, context) ?? this.strategy.validate?.(object, context) ?? []),
    ]);
    this.deps.admission.validate({ ...attributes, object });
    if (subresource === '') options.warnings?.push(...(this.strategy.warningsOnUpdate?.(object, old) ?? []));
    object.metadata.resourceVersion = old.metadata.resourceVersion;
    if (jsonEqual(object, old)) return { object: old, changed: false };
    if (options.dryRun) return { object: deepFreeze(object), changed: true };
    if (this.finalizedAway(object)) {
      const gone = this.deps.store.delete(key, current.modRevision);
      await this.deps.store.durable(this.deps.store.revision);
      return { object: this.present(gone.value), changed: true };
    }
    try {
      const entry = this.deps.store.update(key, current.modRevision, (revision) => this.stamp(object, revision));
      await this.deps.store.durable(entry.modRevision);
      return { object: this.present(entry.value), changed: true };
    } catch (error) {
      if (error instanceof StoreError && error.code === 'Conflict') {
        if (!requested) return this.update(namespace, name, body, options, subresource);
        throw errors.modified(this.type, name);
      }
      throw error;
    }
  }

  /**
   * Deletes an object: at once, or (graceful deletion, finalizers, foreground/orphan
   * propagation) by setting its deletionTimestamp and leaving the rest to its owners.
   */
  async delete(namespace: string | undefined, name: string, options: DeleteOptions): Promise<DeleteResult> {
    const key = this.key(namespace, name);
    const current = this.deps.store.get(key);
    if (!current) throw errors.notFound(this.type, name);
    const old = this.present(current.value);
    const pre = options.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid) {
      throw errors.conflict(this.type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) {
      throw errors.conflict(this.type, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in meta: ${old.metadata.resourceVersion}`);
    }
    const context = this.deps.context();
    this.deps.admission.validate({ operation: 'DELETE', type: this.type, namespace, name, oldObject: old, dryRun: options.dryRun, context });
    const grace = this.strategy.gracePeriod ? this.strategy.gracePeriod(old, options.gracePeriodSeconds) : 0;
    const finalizers = [...(old.metadata.finalizers ?? [])];
    if (options.propagationPolicy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (options.propagationPolicy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    const external = this.strategy.deletionFinalizers?.(old) ?? [];
    if (grace === 0 && finalizers.length === 0 && external.length === 0) {
      if (options.dryRun) return { object: old, deleted: true };
      try {
        const gone = this.deps.store.delete(key, current.modRevision);
        await this.deps.store.durable(this.deps.store.revision);
        return { object: this.present(gone.value), deleted: true };
      } catch (error) {
        if (error instanceof StoreError) return this.delete(namespace, name, options);
        throw error;
      }
    }
    const object = clone(old);
    const meta = object.metadata;
    const deadline = context.now + grace * 1000;
    const existing = meta.deletionTimestamp ? Date.parse(meta.deletionTimestamp) : undefined;
    if (existing === undefined || deadline < existing) {
      meta.deletionTimestamp = new Date(Math.floor(deadline / 1000) * 1000).toISOString().replace('.000Z', 'Z');
      meta.deletionGracePeriodSeconds = grace;
    }
    if (finalizers.length > 0) meta.finalizers = finalizers;
    this.strategy.prepareForDelete?.(object);
    if (jsonEqual(object, old)) return { object: old, deleted: false };
    if (options.dryRun) return { object: deepFreeze(object), deleted: false };
    try {
      const entry = this.deps.store.update(key, current.modRevision, (revision) => this.stamp(object, revision, false));
      await this.deps.store.durable(entry.modRevision);
      return { object: this.present(entry.value), deleted: false };
    } catch (error) {
      if (error instanceof StoreError) return this.delete(namespace, name, options);
      throw error;
    }
  }

  /**
   * Reads an object, changes a copy and writes it back with compare-and-swap, bypassing the
   * strategy: for server-internal writes such as binding a pod or finalizing a namespace.
   */
  mutate(namespace: string | undefined, name: string, change: (object: KubeObject) => void): Promise<KubeObject> {
    return this.rewrite(namespace, name, (current) => {
      const object = clone(current);
      change(object);
      return object;
    });
  }

  /**
   * Like mutate, but `build` returns the new object made from the current (frozen) one, sharing
   * the parts it leaves alone: those are neither copied nor normalized again.
   */
  async rewrite(namespace: string | undefined, name: string, build: (current: KubeObject) => KubeObject): Promise<KubeObject> {
    const key = this.key(namespace, name);
    const current = this.deps.store.get(key);
    if (!current) throw errors.notFound(this.type, name);
    const old = this.present(current.value);
    const object = this.normalize(build(old), old);
    if (jsonEqual(object, old)) return old;
    if (this.finalizedAway(object)) {
      const gone = this.deps.store.delete(key, current.modRevision);
      await this.deps.store.durable(this.deps.store.revision);
      return this.present(gone.value);
    }
    const entry = this.deps.store.update(key, current.modRevision, (revision) => this.stamp(object, revision));
    await this.deps.store.durable(entry.modRevision);
    return this.present(entry.value);
  }

  private finalizedAway(object: KubeObject): boolean {
    const meta = object.metadata;
    return (
      meta.deletionTimestamp !== undefined &&
      (meta.finalizers ?? []).length === 0 &&
      (this.strategy.deletionFinalizers?.(object) ?? []).length === 0 &&
      (meta.deletionGracePeriodSeconds ?? 0) === 0
    );
  }

  private throwIfInvalid(object: KubeObject, fieldErrors: FieldError[]): void {
    if (fieldErrors.length > 0) {
      throw errors.invalid(this.type.kind, this.type.group, object.metadata.name ?? object.metadata.generateName ?? '', fieldErrors);
    }
  }

  /**
   * The stored form: converted to the storage kind, frozen, carrying this write's revision.
   * Takes `object` over (every caller passes a fresh copy it does not use afterwards).
   */
  private stamp(object: KubeObject, revision: number, normalized = true): KubeObject {
    const stored = this.strategy.storage ? (normalizeWithSchema(this.strategy.storage.toStorage(object), this.storageSchema) as KubeObject) : object;
    stored.metadata = withResourceVersion(stored.metadata, String(revision));
    if (normalized && !this.strategy.storage) this.normalizedValues.add(stored);
    return deepFreeze(stored);
  }
}

/** Metadata with its resourceVersion set in its Go field position (after uid). */
function withResourceVersion(meta: ObjectMeta, resourceVersion: string): ObjectMeta {
  const result: Record<string, unknown> = {};
  let placed = false;
  for (const key in meta) {
    if (key === 'resourceVersion') continue;
    if (!placed && RESOURCE_VERSION_FOLLOWERS.has(key)) {
      result.resourceVersion = resourceVersion;
      placed = true;
    }
    result[key] = meta[key as keyof ObjectMeta];
  }
  if (!placed) result.resourceVersion = resourceVersion;
  return result as ObjectMeta;
}

/** The ObjectMeta fields Go writes after resourceVersion. */
const RESOURCE_VERSION_FOLLOWERS = new Set(['generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields']);

function specOf(object: KubeObject): unknown {
  const { metadata: _metadata, status: _status, ...rest } = object;
  return rest;
}
