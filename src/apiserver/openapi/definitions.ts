// OpenAPI definitions generated from the schema: one per struct, with properties, required
// fields, defaults of fields Go always writes, and the extensions clients read:
// x-kubernetes-group-version-kind, x-kubernetes-patch-strategy/-merge-key (client-side strategic
// merge patch), x-kubernetes-list-type/-list-map-keys and x-kubernetes-map-type. The same
// builder serves v2 (`#/definitions/…`) and v3 (`#/components/schemas/…`) documents.
// Upstream: k8s.io/kube-openapi/pkg/builder and builder3.

import { GROUP_ORDER } from '../../api/scheme';
import type { FieldSchema, Scalar, StructSchema, TypeRef } from '../../api/schema/model';
import { allSchemas, schemaByName } from '../../api/schema/registry';
import type { Descriptions } from '../../api/schema/descriptions';

export type OpenApiVersion = 'v2' | 'v3';
export type Json = Record<string, unknown>;

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Definitions that are not structs of the schema but value types with their own JSON form. */
const SCALAR_DEFINITIONS: Partial<Record<Scalar, string>> = {
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  Time: `${META}.Time`,
  MicroTime: `${META}.MicroTime`,
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  FieldsV1: `${META}.FieldsV1`,
};

export function refPrefix(version: OpenApiVersion): string {
  return version === 'v2' ? '#/definitions/' : '#/components/schemas/';
}

export function ref(name: string, version: OpenApiVersion): Json {
  return { $ref: `${refPrefix(version)}${name}` };
}

function scalarSchema(scalar: Scalar, version: OpenApiVersion): Json {
  switch (scalar) {
    case 'string':
      return { type: 'string' };
    case 'int32':
    case 'int64':
      return { type: 'integer', format: scalar };
    case 'double':
      return { type: 'number', format: 'double' };
    case 'boolean':
      return { type: 'boolean' };
    case 'bytes':
      return { type: 'string', format: 'byte' };
    default:
      return ref(SCALAR_DEFINITIONS[scalar] as string, version);
  }
}

function typeSchema(type: TypeRef, version: OpenApiVersion, element = false): Json {
  switch (type.kind) {
    case 'scalar': {
      const schema = scalarSchema(type.scalar, version);
      if (element && type.scalar === 'string') return { ...schema, default: '' };
      return schema;
    }
    case 'struct':
      return element ? { ...ref(type.name, version), default: {} } : ref(type.name, version);
    case 'list':
      return { type: 'array', items: typeSchema(type.items, version, true) };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(type.values, version, true) };
  }
}

function zeroDefault(field: FieldSchema): unknown {
  if (field.presence !== 'always') return undefined;
  const type = field.type;
  if (type.kind === 'struct') return {};
  if (type.kind !== 'scalar') return undefined;
  if (type.scalar === 'string') return '';
  if (type.scalar === 'int32' || type.scalar === 'int64') return 0;
  if (type.scalar === 'boolean') return false;
  return undefined;
}

function propertySchema(field: FieldSchema, description: string | undefined, version: OpenApiVersion): Json {
  let schema = typeSchema(field.type, version);
  const extras: Json = {};
  const fallback = zeroDefault(field);
  if (fallback !== undefined) extras.default = fallback;
  if (description) extras.description = description;
  if (field.listType) extras['x-kubernetes-list-type'] = field.listType;
  if (field.listMapKeys) extras['x-kubernetes-list-map-keys'] = [...field.listMapKeys];
  if (field.mapType) extras['x-kubernetes-map-type'] = field.mapType;
  if (field.patchMergeKey) extras['x-kubernetes-patch-merge-key'] = field.patchMergeKey;
  if (field.patchStrategy) extras['x-kubernetes-patch-strategy'] = field.patchStrategy;
  if ('$ref' in schema && version === 'v3') schema = { allOf: [schema] };
  return { ...schema, ...extras };
}

/** Every served group/version, for the GVK lists of the meta kinds every group serves. */
function everyGroupVersion(): { group: string; version: string }[] {
  return [{ group: '', version: 'v1' }, ...GROUP_ORDER.map((group) => ({ group, version: 'v1' }))];
}

const SHARED_KINDS = new Set(['DeleteOptions', 'WatchEvent', 'Status']);

function gvkList(schema: StructSchema): Json[] | undefined {
  if (schema.name.startsWith(META) && SHARED_KINDS.has(schema.goName)) {
    return everyGroupVersion().map(({ group, version }) => ({ group, kind: schema.goName, version }));
  }
  if (schema.kinds.length === 0) return undefined;
  return schema.kinds.map((k) => ({ group: k.group, kind: k.kind, version: k.version }));
}

export function structDefinition(schema: StructSchema, descriptions: Descriptions, version: OpenApiVersion): Json {
  const own = descriptions.of(schema.name);
  const properties: Json = {};
  const required: string[] = [];
  for (const field of [...schema.fields].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const owner = schema.declaredIn.get(field.name);
    const fieldDescription = own[field.name] ?? (owner && owner !== schema.goName ? descriptions.of(`${schema.name.slice(0, schema.name.lastIndexOf('.'))}.${owner}`)[field.name] : undefined);
    properties[field.name] = propertySchema(field, fieldDescription, version);
    if (field.required) required.push(field.name);
  }
  const definition: Json = {};
  if (own['']) definition.description = own[''];
  definition.properties = properties;
  if (required.length > 0) definition.required = required;
  definition.type = 'object';
  const gvks = gvkList(schema);
  if (gvks) definition['x-kubernetes-group-version-kind'] = gvks;
  if (schema.atomic) definition['x-kubernetes-map-type'] = 'atomic';
  return definition;
}

function scalarDefinition(scalar: Scalar, descriptions: Descriptions, version: OpenApiVersion): Json {
  const description = descriptions.of(SCALAR_DEFINITIONS[scalar] as string)[''];
  const base: Json = description ? { description } : {};
  switch (scalar) {
    case 'Quantity':
      return version === 'v2' ? { ...base, type: 'string' } : { ...base, oneOf: [{ type: 'string' }, { type: 'number' }] };
    case 'IntOrString':
      return version === 'v2' ? { ...base, format: 'int-or-string', type: 'string' } : { ...base, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
    case 'Time':
    case 'MicroTime':
      return { ...base, format: 'date-time', type: 'string' };
    default:
      return { ...base, type: 'object' };
  }
}

/** The list kind of a served kind: `PodList` with `items` of Pods. */
export function listDefinition(item: StructSchema, listKind: string, descriptions: Descriptions, version: OpenApiVersion): Json {
  const kind = item.kinds[0];
  return {
    description: `${listKind} is a list of ${item.goName} objects.`,
    properties: {
      apiVersion: { description: descriptions.of(item.name).apiVersion, type: 'string' },
      items: { description: `The ${item.goName} objects in the list.`, items: { ...ref(item.name, version), default: {} }, type: 'array' },
      kind: { description: descriptions.of(item.name).kind, type: 'string' },
      metadata: version === 'v3' ? { allOf: [ref(`${META}.ListMeta`, version)], default: {}, description: 'Standard list metadata.' } : { ...ref(`${META}.ListMeta`, version), description: 'Standard list metadata.' },
    },
    required: ['items'],
    type: 'object',
    'x-kubernetes-group-version-kind': [{ group: kind.group, kind: listKind, version: kind.version }],
  };
}

/** The definition names a type refers to, for closing a document over its references. */
function references(type: TypeRef, out: Set<string>): void {
  if (type.kind === 'scalar') {
    const name = SCALAR_DEFINITIONS[type.scalar];
    if (name) out.add(name);
  } else if (type.kind === 'struct') out.add(type.name);
  else if (type.kind === 'list') references(type.items, out);
  else references(type.values, out);
}

/** The definitions reachable from `roots`, built for one document. */
export function definitionsFor(roots: Iterable<string>, extra: Record<string, Json>, descriptions: Descriptions, version: OpenApiVersion): Json {
  const names = new Set<string>(roots);
  const queue = [...names];
  while (queue.length > 0) {
    const schema = schemaByName(queue.pop() as string);
    if (!schema) continue;
    for (const field of schema.fields) {
      const found = new Set<string>();
      references(field.type, found);
      for (const name of found) {
        if (!names.has(name)) {
          names.add(name);
          queue.push(name);
        }
      }
    }
  }
  const scalarNames = new Map(Object.entries(SCALAR_DEFINITIONS).map(([scalar, name]) => [name as string, scalar as Scalar]));
  const result: Json = { ...extra };
  for (const name of [...names].sort()) {
    const scalar = scalarNames.get(name);
    if (scalar) result[name] = scalarDefinition(scalar, descriptions, version);
    else {
      const schema = allSchemas().get(name);
      if (schema) result[name] = structDefinition(schema, descriptions, version);
    }
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : 1)));
}
