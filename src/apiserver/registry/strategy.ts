// What makes one resource different from another in the generic registry: defaulting,
// validation, what a spec or status write may change, field selectors, graceful deletion and its
// table printer. Upstream: staging/src/k8s.io/apiserver/pkg/registry/rest (RESTCreateStrategy…).

import type { FieldError } from '../../api/field-errors';
import type { KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/scheme';
import type { TablePrinter } from '../tables/table';

/** Read access to other objects, for strategies and admission that need them. */
export interface RegistryLookup {
  get(resource: string, group: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, group: string, namespace?: string): readonly KubeObject[];
}

export interface StrategyContext {
  /** Cluster time now, ms since the epoch. */
  now: number;
  timestamp: string;
  lookup: RegistryLookup;
}

/** A resource stored as another kind (events.k8s.io Events live in core Events' storage). */
export interface StorageForm {
  /** The storage key prefix under /registry/, shared with the owning resource. */
  readonly prefix: string;
  readonly kind: { group: string; version: string; kind: string };
  toStorage(object: KubeObject): KubeObject;
  fromStorage(stored: KubeObject): KubeObject;
}

export interface Strategy<T extends KubeObject = KubeObject> {
  readonly type: ResourceType;
  /** Whether spec changes bump `metadata.generation`. */
  readonly tracksGeneration?: boolean;
  /** Whether an update bumps `metadata.generation` for a reason beyond a spec change. */
  bumpsGeneration?(object: T, old: T): boolean;
  /** Whether `status` is written only through the status subresource. */
  readonly hasStatus?: boolean;
  /** Whether a PUT of a missing object creates it (leases, endpoints, events). */
  readonly allowCreateOnUpdate?: boolean;
  /** Whether DELETE answers with the deleted object rather than a Status (pods, services, namespaces). */
  readonly returnsDeletedObject?: boolean;
  /** Defaults applied to every create and update body (SetDefaults_*). */
  defaults?(object: T): void;
  /** Fields a create resets or fills in (status for most kinds). */
  prepareForCreate?(object: T, context: StrategyContext): void;
  /** What a main-resource update may not change (usually status), taken from the old object. */
  prepareForUpdate?(object: T, old: T, context: StrategyContext): void;
  /** What a status update may not change (usually everything but status). */
  prepareForStatusUpdate?(object: T, old: T, context: StrategyContext): void;
  validate?(object: T, context: StrategyContext): FieldError[];
  validateUpdate?(object: T, old: T, context: StrategyContext): FieldError[];
  /** Warnings about a valid object being created, sent back with the answer (WarningsOnCreate). */
  warningsOnCreate?(object: T): string[];
  /** Warnings about a valid update (WarningsOnUpdate). */
  warningsOnUpdate?(object: T, old: T): string[];
  /** Field values for field selectors, beyond metadata.name and metadata.namespace. */
  selectableFields?(object: T): Record<string, string>;
  /**
   * The grace period a delete gets when the client names none, or 0 for immediate deletion.
   * Only resources with graceful deletion (pods) implement it.
   */
  gracePeriod?(object: T, requested: number | undefined): number;
  /** Finalizers kept outside metadata (a namespace's spec.finalizers) that hold deletion back. */
  deletionFinalizers?(object: T): readonly string[];
  /** Changes made when deletion starts but cannot finish at once (a namespace turns Terminating). */
  prepareForDelete?(object: T): void;
  readonly table?: TablePrinter<T>;
  /** Set when the resource shares another kind's storage, converting on every read and write. */
  readonly storage?: StorageForm;
}

export type AnyStrategy = Strategy<KubeObject>;
