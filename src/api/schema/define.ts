// The compact notation the schema is written in, and its parser. A field is one string shaped
// like its Go declaration: `'6 []ContainerPort merge=containerPort map=containerPort,protocol'`
// is protobuf field 6, a list of ContainerPort, merged by containerPort in strategic merge
// patches and a map-list keyed by containerPort and protocol. The type reads as Go: `*int32`
// is a pointer (an explicit zero is kept), `string!` has no omitempty (always written,
// required), a bare struct name is a non-pointer struct. Flags: `opt` (not required even
// without omitempty), `merge[=key]`, `retainKeys`, `atomic`, `set`, `map=k1,k2`, `go=v1.Type`.
// A key `...Name` embeds struct Name inline (its fields join the parent's JSON).

import type { FieldSchema, GroupVersionKind, InlineStruct, Presence, Scalar, StructSchema, TypeRef } from './model';

export interface StructSpec {
  readonly fields: Readonly<Record<string, string>>;
  readonly atomic?: boolean;
  readonly kinds?: readonly GroupVersionKind[];
}

export interface PackageSpec {
  /** `io.k8s.api.core.v1` */
  readonly prefix: string;
  readonly structs: Readonly<Record<string, StructSpec | Readonly<Record<string, string>>>>;
}

/** Package aliases usable in type names: `meta.ObjectMeta`. */
export const PACKAGES: Readonly<Record<string, string>> = {
  meta: 'io.k8s.apimachinery.pkg.apis.meta.v1',
  core: 'io.k8s.api.core.v1',
  apps: 'io.k8s.api.apps.v1',
  batch: 'io.k8s.api.batch.v1',
  coordination: 'io.k8s.api.coordination.v1',
  discovery: 'io.k8s.api.discovery.v1',
  events: 'io.k8s.api.events.v1',
  policy: 'io.k8s.api.policy.v1',
  autoscaling: 'io.k8s.api.autoscaling.v1',
  authorization: 'io.k8s.api.authorization.v1',
  authentication: 'io.k8s.api.authentication.v1',
};

const SCALARS: ReadonlySet<string> = new Set<Scalar>([
  'string',
  'int32',
  'int64',
  'double',
  'boolean',
  'Quantity',
  'IntOrString',
  'Time',
  'MicroTime',
  'bytes',
  'RawExtension',
  'FieldsV1',
]);

/** Go marshals these as structs: never omitted, whatever the tag says. */
const STRUCT_SCALARS: ReadonlySet<string> = new Set(['Quantity', 'IntOrString', 'Time', 'MicroTime', 'RawExtension']);

/** A struct whose fields merge atomically (`+structType=atomic`). */
export function atomic(fields: Record<string, string>): StructSpec {
  return { fields, atomic: true };
}

/** A kind served at group/version: TypeMeta's kind and apiVersion come first, in Go's order. */
export function kind(group: string, version: string, name: string, fields: Record<string, string>): StructSpec {
  return { fields: { kind: '0 string', apiVersion: '0 string', ...fields }, kinds: [{ group, version, kind: name }] };
}

const TYPE_PATTERN = /^(\*)?((?:\[\]|map\[string\])*)([A-Za-z0-9.]+)(!)?$/;

function resolveName(name: string, prefix: string): string {
  const dot = name.indexOf('.');
  if (dot < 0) return `${prefix}.${name}`;
  const alias = PACKAGES[name.slice(0, dot)];
  if (!alias) throw new Error(`schema: unknown package in ${name}`);
  return `${alias}.${name.slice(dot + 1)}`;
}

function parseType(text: string, prefix: string): { type: TypeRef; pointer: boolean; always: boolean; container: boolean; base: string } {
  const match = TYPE_PATTERN.exec(text);
  if (!match) throw new Error(`schema: cannot parse type ${text}`);
  const [, pointer, wrappers, base, bang] = match;
  let type: TypeRef = SCALARS.has(base) ? { kind: 'scalar', scalar: base as Scalar } : { kind: 'struct', name: resolveName(base, prefix) };
  const layers = wrappers.match(/\[\]|map\[string\]/g) ?? [];
  for (const layer of [...layers].reverse()) type = layer === '[]' ? { kind: 'list', items: type } : { kind: 'map', values: type };
  return { type, pointer: pointer === '*', always: bang === '!', container: layers.length > 0, base };
}

function parseField(name: string, spec: string, prefix: string): FieldSchema {
  const [protoText, typeText, ...flags] = spec.trim().split(/\s+/);
  const proto = Number(protoText);
  if (!Number.isInteger(proto) || typeText === undefined) throw new Error(`schema: bad field ${name}: ${spec}`);
  const parsed = parseType(typeText, prefix);
  const structLike = !parsed.container && (parsed.type.kind === 'struct' || STRUCT_SCALARS.has(parsed.base));
  let presence: Presence = 'omitempty';
  if (parsed.pointer) presence = 'pointer';
  else if (parsed.always || structLike) presence = 'always';
  let required = parsed.always;
  const field: { -readonly [K in keyof FieldSchema]: FieldSchema[K] } = { name, proto, type: parsed.type, presence, required };
  for (const flag of flags) {
    const [key, value] = flag.split('=');
    switch (key) {
      case 'opt':
        required = false;
        break;
      case 'merge':
        field.patchStrategy = field.patchStrategy ? `merge,${field.patchStrategy}` : 'merge';
        if (value) field.patchMergeKey = value;
        break;
      case 'retainKeys':
        field.patchStrategy = field.patchStrategy ? `${field.patchStrategy},retainKeys` : 'retainKeys';
        break;
      case 'atomic':
        if (parsed.type.kind === 'map') field.mapType = 'atomic';
        else field.listType = 'atomic';
        break;
      case 'set':
        field.listType = 'set';
        break;
      case 'map':
        field.listType = 'map';
        field.listMapKeys = value.split(',');
        break;
      case 'go':
        field.goType = value;
        break;
      default:
        throw new Error(`schema: unknown flag ${flag} on ${name}`);
    }
  }
  field.required = required;
  return field;
}

interface Draft {
  name: string;
  goName: string;
  own: FieldSchema[];
  /** Declaration order: a field name, or an inline struct to expand. */
  order: ({ field: FieldSchema } | { inline: InlineStruct })[];
  atomic: boolean;
  kinds: readonly GroupVersionKind[];
}

function draft(prefix: string, goName: string, spec: StructSpec | Readonly<Record<string, string>>): Draft {
  const structSpec: StructSpec = 'fields' in spec && typeof spec.fields === 'object' ? (spec as StructSpec) : { fields: spec as Record<string, string> };
  const result: Draft = { name: `${prefix}.${goName}`, goName, own: [], order: [], atomic: structSpec.atomic ?? false, kinds: structSpec.kinds ?? [] };
  for (const [key, text] of Object.entries(structSpec.fields)) {
    if (key.startsWith('...')) {
      const [protoText, structName] = text.trim().split(/\s+/);
      result.order.push({ inline: { proto: Number(protoText), struct: resolveName(structName, prefix) } });
      continue;
    }
    const field = parseField(key, text, prefix);
    result.own.push(field);
    result.order.push({ field });
  }
  return result;
}

/** Builds every struct of the packages, expanding inline embeddings. */
export function buildSchemas(packages: readonly PackageSpec[]): Map<string, StructSchema> {
  const drafts = new Map<string, Draft>();
  for (const pkg of packages) {
    for (const [goName, spec] of Object.entries(pkg.structs)) {
      const d = draft(pkg.prefix, goName, spec);
      drafts.set(d.name, d);
    }
  }
  const built = new Map<string, StructSchema>();
  const expand = (d: Draft): { fields: FieldSchema[]; declaredIn: Map<string, string> } => {
    const fields: FieldSchema[] = [];
    const declaredIn = new Map<string, string>();
    for (const entry of d.order) {
      if ('field' in entry) {
        fields.push(entry.field);
        declaredIn.set(entry.field.name, d.goName);
        continue;
      }
      const inner = drafts.get(entry.inline.struct);
      if (!inner) throw new Error(`schema: ${d.name} inlines unknown ${entry.inline.struct}`);
      const expanded = expand(inner);
      fields.push(...expanded.fields);
      for (const [field, owner] of expanded.declaredIn) declaredIn.set(field, owner);
    }
    return { fields, declaredIn };
  };
  for (const d of drafts.values()) {
    const { fields, declaredIn } = expand(d);
    built.set(d.name, {
      name: d.name,
      goName: d.goName,
      fields,
      byName: new Map(fields.map((f) => [f.name, f])),
      declaredIn,
      inlines: d.order.flatMap((entry) => ('inline' in entry ? [entry.inline] : [])),
      ownFields: d.own,
      atomic: d.atomic,
      kinds: d.kinds,
    });
  }
  for (const schema of built.values()) {
    for (const field of schema.fields) checkReference(field.type, built, schema.name);
  }
  return built;
}

function checkReference(type: TypeRef, built: Map<string, StructSchema>, owner: string): void {
  if (type.kind === 'struct' && !built.has(type.name)) throw new Error(`schema: ${owner} refers to unknown ${type.name}`);
  if (type.kind === 'list') checkReference(type.items, built, owner);
  if (type.kind === 'map') checkReference(type.values, built, owner);
}
