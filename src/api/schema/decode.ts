// Decodes a JSON value into a kind the way the API server decodes into its Go structs, and
// writes it back the way Go marshals them. Unknown and duplicate fields become strict-decoding
// errors with upstream's paths (`unknown field "spec.containers[0].foo"`); a value of the wrong
// type fails with Go's message (`json: cannot unmarshal string into Go struct field
// PodSpec.spec.containers of type []v1.Container`); and the result has Go's shape: zero values
// of fields without omitempty written out (`lastProbeTime: null`, `resources: {}`), empty
// omitempty fields dropped, quantities and times in canonical form.

import { canonicalQuantity, isQuantity } from '../quantity';
import { checkBase64, formatMicroTime, formatTime, GoValueError } from './go-values';
import type { FieldSchema, Scalar, StructSchema, TypeRef } from './model';
import { schemaByName } from './registry';

/** A decode failure that is not a strict-decoding complaint: the request cannot be read. */
export class GoDecodeError extends Error {}

export interface DecodeOptions {
  /** Keys that appeared twice, per parsed object (from parseJsonText). */
  duplicates?: WeakMap<object, string[]>;
  /** Number literals with a fraction or exponent, per parsed container. */
  fractions?: WeakMap<object, Map<string, string>>;
}

export interface Decoded {
  object: Record<string, unknown>;
  /** `unknown field "x"` / `duplicate field "x"`, in document order. */
  strictErrors: string[];
}

interface Context {
  options: DecodeOptions;
  strictErrors: string[];
  /** JSON field names from the root, without indices (Go's errorContext.FieldStack). */
  fieldStack: string[];
  /** The Go name of the struct holding the innermost field. */
  struct: string;
}

const ABSENT = Symbol('absent');

const SCALAR_GO_TYPES: Record<Scalar, string> = {
  string: 'string',
  int32: 'int32',
  int64: 'int64',
  double: 'float64',
  boolean: 'bool',
  Quantity: 'resource.Quantity',
  IntOrString: 'intstr.IntOrString',
  Time: 'v1.Time',
  MicroTime: 'v1.MicroTime',
  bytes: '[]uint8',
  RawExtension: 'runtime.RawExtension',
  FieldsV1: 'v1.FieldsV1',
};

export function goTypeName(type: TypeRef): string {
  switch (type.kind) {
    case 'scalar':
      return SCALAR_GO_TYPES[type.scalar];
    case 'struct':
      return `v1.${schemaByName(type.name)?.goName ?? type.name}`;
    case 'list':
      return `[]${goTypeName(type.items)}`;
    case 'map':
      return `map[string]${goTypeName(type.values)}`;
  }
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeError(ctx: Context, value: string, goType: string): GoDecodeError {
  if (ctx.fieldStack.length === 0) return new GoDecodeError(`json: cannot unmarshal ${value} into Go value of type ${goType}`);
  return new GoDecodeError(`json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fieldStack.join('.')} of type ${goType}`);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The literal of a number as written, when it was not a plain integer. */
function numberLiteral(ctx: Context, parent: object | undefined, key: string, value: number): string {
  return (parent && ctx.options.fractions?.get(parent)?.get(key)) ?? String(value);
}

const INT_RANGES = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63 - 1] } as const;

function decodeInteger(ctx: Context, value: unknown, scalar: 'int32' | 'int64', goType: string, parent: object | undefined, key: string): number {
  if (typeof value !== 'number') throw typeError(ctx, jsonKind(value), goType);
  const literal = numberLiteral(ctx, parent, key, value);
  const [min, max] = INT_RANGES[scalar];
  if (!/^-?\d+$/.test(literal) || value < min || value > max) throw typeError(ctx, `number ${literal}`, goType);
  return value;
}

function decodeScalar(ctx: Context, value: unknown, scalar: Scalar, goType: string, parent: object | undefined, key: string): unknown {
  try {
    switch (scalar) {
      case 'string':
        if (typeof value !== 'string') throw typeError(ctx, jsonKind(value), goType);
        return value;
      case 'int32':
      case 'int64':
        return decodeInteger(ctx, value, scalar, goType, parent, key);
      case 'double':
        if (typeof value !== 'number') throw typeError(ctx, jsonKind(value), goType);
        return value;
      case 'boolean':
        if (typeof value !== 'boolean') throw typeError(ctx, jsonKind(value), goType);
        return value;
      case 'Quantity':
        if ((typeof value !== 'string' && typeof value !== 'number') || !isQuantity(value) || String(value).trim() === '') {
          throw new GoDecodeError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        return canonicalQuantity(value);
      case 'IntOrString':
        if (typeof value === 'string') return value;
        if (typeof value !== 'number') throw new GoDecodeError(`json: cannot unmarshal ${jsonKind(value)} into Go value of type int32`);
        if (!Number.isInteger(value) || /[.eE]/.test(numberLiteral(ctx, parent, key, value)) || value < -(2 ** 31) || value > 2 ** 31 - 1) {
          throw new GoDecodeError(`json: cannot unmarshal number ${numberLiteral(ctx, parent, key, value)} into Go value of type int32`);
        }
        return value;
      case 'Time':
      case 'MicroTime':
        if (typeof value !== 'string') throw new GoDecodeError(`json: cannot unmarshal ${jsonKind(value)} into Go value of type string`);
        return scalar === 'Time' ? formatTime(value) : formatMicroTime(value);
      case 'bytes':
        if (typeof value !== 'string') throw typeError(ctx, jsonKind(value), goType);
        return checkBase64(value);
      case 'RawExtension':
      case 'FieldsV1':
        return structuredClone(value);
    }
  } catch (error) {
    if (error instanceof GoValueError) throw new GoDecodeError(error.message);
    throw error;
  }
}

function zeroOf(type: TypeRef): unknown {
  if (type.kind === 'struct') return decodeStruct(emptyContext(), {}, schemaOf(type.name), '');
  if (type.kind !== 'scalar') return null;
  switch (type.scalar) {
    case 'string':
      return '';
    case 'int32':
    case 'int64':
    case 'double':
    case 'IntOrString':
      return 0;
    case 'boolean':
      return false;
    case 'Quantity':
      return '0';
    default:
      return null;
  }
}

function isEmpty(value: unknown): boolean {
  if (value === '' || value === 0 || value === false || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}

function emptyContext(): Context {
  return { options: {}, strictErrors: [], fieldStack: [], struct: '' };
}

function schemaOf(name: string): StructSchema {
  const schema = schemaByName(name);
  if (!schema) throw new Error(`schema: unknown struct ${name}`);
  return schema;
}

function decodeValue(ctx: Context, value: unknown, type: TypeRef, goType: string, path: string, parent: object | undefined, key: string): unknown {
  if (value === null || value === undefined) return ABSENT;
  switch (type.kind) {
    case 'scalar':
      return decodeScalar(ctx, value, type.scalar, goType, parent, key);
    case 'struct': {
      if (!isPlainObject(value)) throw typeError(ctx, jsonKind(value), goType);
      return decodeStruct(ctx, value, schemaOf(type.name), path);
    }
    case 'list': {
      if (!Array.isArray(value)) throw typeError(ctx, jsonKind(value), goType);
      const itemType = goTypeName(type.items);
      return value.map((item, i) => {
        const decoded = decodeValue(ctx, item, type.items, itemType, `${path}[${i}]`, value, String(i));
        return decoded === ABSENT ? zeroOf(type.items) : decoded;
      });
    }
    case 'map': {
      if (!isPlainObject(value)) throw typeError(ctx, jsonKind(value), goType);
      const valueType = goTypeName(type.values);
      const result: Record<string, unknown> = {};
      for (const [entryKey, entry] of Object.entries(value)) {
        const decoded = decodeValue(ctx, entry, type.values, valueType, join(path, entryKey), value, entryKey);
        result[entryKey] = decoded === ABSENT ? zeroOf(type.values) : decoded;
      }
      for (const duplicate of ctx.options.duplicates?.get(value) ?? []) ctx.strictErrors.push(`duplicate field "${join(path, duplicate)}"`);
      return result;
    }
  }
}

function place(field: FieldSchema, decoded: unknown): unknown {
  if (decoded === ABSENT) return field.presence === 'always' ? zeroOf(field.type) : ABSENT;
  if (field.presence === 'omitempty' && isEmpty(decoded)) return ABSENT;
  return decoded;
}

function decodeStruct(ctx: Context, input: Record<string, unknown>, schema: StructSchema, path: string): Record<string, unknown> {
  const decoded = new Map<string, unknown>();
  const stackDepth = ctx.fieldStack.length;
  const outerStruct = ctx.struct;
  for (const [key, value] of Object.entries(input)) {
    const field = schema.byName.get(key);
    if (!field) {
      ctx.strictErrors.push(`unknown field "${join(path, key)}"`);
      continue;
    }
    ctx.fieldStack.push(key);
    ctx.struct = schema.declaredIn.get(key) ?? schema.goName;
    decoded.set(key, decodeValue(ctx, value, field.type, field.goType ?? goTypeName(field.type), join(path, key), input, key));
    ctx.fieldStack.length = stackDepth;
    ctx.struct = outerStruct;
  }
  for (const duplicate of ctx.options.duplicates?.get(input) ?? []) ctx.strictErrors.push(`duplicate field "${join(path, duplicate)}"`);
  const result: Record<string, unknown> = {};
  for (const field of schema.fields) {
    const value = place(field, decoded.has(field.name) ? decoded.get(field.name) : ABSENT);
    if (value !== ABSENT) result[field.name] = value;
  }
  return result;
}

/** Decodes `value` as the struct `schema` names; throws GoDecodeError when Go could not. */
export function decodeWithSchema(value: Record<string, unknown>, schema: StructSchema, options: DecodeOptions = {}): Decoded {
  const ctx: Context = { options, strictErrors: [], fieldStack: [], struct: schema.goName };
  const object = decodeStruct(ctx, value, schema, '');
  return { object, strictErrors: ctx.strictErrors };
}

/** Re-marshals an object that is already known to be well-typed: Go's shape, no complaints. */
export function normalizeWithSchema(value: Record<string, unknown>, schema: StructSchema): Record<string, unknown> {
  return decodeWithSchema(value, schema).object;
}
