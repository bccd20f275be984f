// The human descriptions of every struct and field, for OpenAPI and `kubectl explain`. Kept out
// of the schema itself and imported only by the OpenAPI documents (loaded on first request),
// so the page does not download them at start. Written for kubetab; the facts follow upstream.

import { PACKAGES } from '../define';
import { schemaByName } from '../registry';
import { APPS_DESCRIPTIONS, BATCH_DESCRIPTIONS } from './apps-batch';
import { CLUSTER_API_DESCRIPTIONS } from './cluster-apis';
import { CORE_CONTAINER_DESCRIPTIONS } from './core-container';
import { CORE_OBJECT_DESCRIPTIONS } from './core-objects';
import { CORE_POD_DESCRIPTIONS } from './core-pod';
import { CORE_VOLUME_DESCRIPTIONS } from './core-volume';
import { META_DESCRIPTIONS } from './meta';

/** Struct name → field name (or '' for the struct itself) → description. */
export type DescriptionTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

const COMMON: Readonly<Record<string, string>> = {
  apiVersion: 'The versioned schema of this representation of an object, such as `v1` or `apps/v1`. Servers convert recognized schemas to their latest internal value and may reject unrecognized ones.',
  kind: 'The REST resource this object represents, in CamelCase, such as `Pod`. Servers may infer it from the endpoint a client submits to. It cannot be updated.',
  metadata: "Standard object metadata: the object's name, namespace, labels, annotations and the fields the system manages.",
  spec: 'The desired state of the object, as its owner writes it.',
  status: 'The most recently observed state of the object, written by the system. It may lag behind the spec and is read-only for users.',
};

function qualified(prefix: string, table: DescriptionTable): [string, Readonly<Record<string, string>>][] {
  return Object.entries(table).map(([goName, fields]) => [`${prefix}.${goName}`, fields]);
}

export class Descriptions {
  private readonly byName: Map<string, Readonly<Record<string, string>>>;

  constructor() {
    this.byName = new Map([
      ...qualified(PACKAGES.meta, META_DESCRIPTIONS),
      ...qualified('io.k8s.apimachinery.pkg.api.resource', { Quantity: META_DESCRIPTIONS.Quantity }),
      ...qualified('io.k8s.apimachinery.pkg.util.intstr', { IntOrString: META_DESCRIPTIONS.IntOrString }),
      ...qualified('io.k8s.apimachinery.pkg.runtime', { RawExtension: META_DESCRIPTIONS.RawExtension }),
      ...qualified(PACKAGES.core, { ...CORE_POD_DESCRIPTIONS, ...CORE_CONTAINER_DESCRIPTIONS, ...CORE_VOLUME_DESCRIPTIONS, ...CORE_OBJECT_DESCRIPTIONS }),
      ...qualified(PACKAGES.apps, APPS_DESCRIPTIONS),
      ...qualified(PACKAGES.batch, BATCH_DESCRIPTIONS),
      ...Object.entries(CLUSTER_API_DESCRIPTIONS).flatMap(([alias, table]) => qualified(PACKAGES[alias], table)),
    ]);
  }

  /** The descriptions of a definition's fields ('' for the definition itself). */
  of(name: string): Readonly<Record<string, string>> {
    const own = this.byName.get(name) ?? {};
    return (schemaByName(name)?.kinds.length ?? 0) > 0 ? { ...COMMON, ...own } : own;
  }
}
