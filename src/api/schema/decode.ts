// Decodes a JSON value into a kind the way the API server decodes into its Go structs, and
// writes it back the way Go marshals them. Unknown and duplicate fields become strict-decoding
// errors with upstream's paths (`unknown field "spec.containers[0].foo"`); a value of the wrong
// type fails with Go's message (`json: cannot unmarshal string into Go struct field
// PodSpec.spec.containers of type []v1.Container`); and the result has Go's shape: zero values
// of fields without omitempty written out (`lastProbeTime: null`, `resources: {}`), empty
// omitempty fields dropped, map keys sorted, quantities and times in canonical form.

import { clone, deepFreeze, isPlainObject } from '../objects';
import { memoized } from '../../util/memoized';
import { canonicalQuantity, isQuantity } from '../quantity';
import { sortByIndex, withSortedKeys } from './go-order';
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
  /** The path from the root: field and map keys, and list indices (text built only when needed). */
  path: (string | number)[];
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

const goTypeNames = new WeakMap<TypeRef, string>();

export function goTypeName(type: TypeRef): string {
  let name = goTypeNames.get(type);
  if (name !== undefined) return name;
  switch (type.kind) {
    case 'scalar':
      name = SCALAR_GO_TYPES[type.scalar];
      break;
    case 'struct':
      name = `v1.${schemaByName(type.name)?.goName ?? type.name}`;
      break;
    case 'list':
      name = `[]${goTypeName(type.items)}`;
      break;
    case 'map':
      name = `map[string]${goTypeName(type.values)}`;
      break;
  }
  goTypeNames.set(type, name);
  return name;
}

/** A struct's fields with what decoding each needs, worked out once per struct. */
interface StructPlan {
  readonly goName: string;
  readonly fields: readonly FieldSchema[];
  /** JSON name → index into `fields`. */
  readonly index: ReadonlyMap<string, number>;
  readonly goTypes: readonly string[];
  /** Indices of the fields Go always writes (zero values included), ascending. */
  readonly always: readonly number[];
  /** The Go struct each field is declared on. */
  readonly declaredIn: readonly string[];
  /** The struct's zero value, decoded once (copied out for each use). */
  zero?: Record<string, unknown>;
}

const plans = new Map<string, StructPlan>();
/** Fixed parts normalized once and frozen (see normalizedPart), by the struct they were normalized as. */
const normalizedParts = new WeakMap<object, StructPlan>();
const planBySchema = new WeakMap<StructSchema, StructPlan>();

function planOf(schema: StructSchema): StructPlan {
  let plan = planBySchema.get(schema);
  if (plan) return plan;
  const fields = schema.fields;
  plan = {
    goName: schema.goName,
    fields,
    index: new Map(fields.map((field, i) => [field.name, i])),
    goTypes: fields.map((field) => field.goType ?? goTypeName(field.type)),
    always: fields.flatMap((field, i) => (field.presence === 'always' ? [i] : [])),
    declaredIn: fields.map((field) => schema.declaredIn.get(field.name) ?? schema.goName),
  };
  planBySchema.set(schema, plan);
  return plan;
}

function planNamed(name: string): StructPlan {
  let plan = plans.get(name);
  if (plan) return plan;
  const schema = schemaByName(name);
  if (!schema) throw new Error(`schema: unknown struct ${name}`);
  plan = planOf(schema);
  plans.set(name, plan);
  return plan;
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

function typeError(ctx: Context, value: string, goType: string): GoDecodeError {
  if (ctx.fieldStack.length === 0) return new GoDecodeError(`json: cannot unmarshal ${value} into Go value of type ${goType}`);
  return new GoDecodeError(`json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fieldStack.join('.')} of type ${goType}`);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The current path as upstream prints it (`spec.containers[0].name`), with `key` appended. */
function pathText(ctx: Context, key: string): string {
  let path = '';
  for (const segment of ctx.path) path = typeof segment === 'number' ? `${path}[${segment}]` : join(path, segment);
  return join(path, key);
}

/** The literal of a number as written, when it was not a plain integer. */
function numberLiteral(ctx: Context, parent: object | undefined, key: string | number, value: number): string {
  return (parent && ctx.options.fractions?.get(parent)?.get(String(key))) ?? String(value);
}

const INT_RANGES = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63 - 1] } as const;

function decodeInteger(ctx: Context, value: unknown, scalar: 'int32' | 'int64', goType: string, parent: object | undefined, key: string | number): number {
  if (typeof value !== 'number') throw typeError(ctx, jsonKind(value), goType);
  const range = INT_RANGES[scalar];
  const min = range[0];
  const max = range[1];
  // An integer in range with no literal of its own is written plainly: nothing more to check.
  if (Number.isInteger(value) && value >= min && value <= max && !ctx.options.fractions) return value;
  const literal = numberLiteral(ctx, parent, key, value);
  if (!/^-?\d+$/.test(literal) || value < min || value > max) throw typeError(ctx, `number ${literal}`, goType);
  return value;
}

const QUANTITY_PATTERN_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

function checkedQuantity(value: string | number): string {
  if (!isQuantity(value) || String(value).trim() === '') throw new GoDecodeError(QUANTITY_PATTERN_ERROR);
  return canonicalQuantity(value);
}

const quantityText = memoized(checkedQuantity);
const timeText = memoized(formatTime);
const microTimeText = memoized(formatMicroTime);

function decodeScalar(ctx: Context, value: unknown, scalar: Scalar, goType: string, parent: object | undefined, key: string | number): unknown {
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
        if (typeof value === 'string') return quantityText(value);
        if (typeof value !== 'number') throw new GoDecodeError(QUANTITY_PATTERN_ERROR);
        return checkedQuantity(value);
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
        return scalar === 'Time' ? timeText(value) : microTimeText(value);
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
  if (type.kind === 'struct') {
    const plan = planNamed(type.name);
    plan.zero ??= decodeStruct(emptyContext(), {}, plan, undefined);
    return clone(plan.zero);
  }
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
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.length === 0;
  for (const key in value) if (Object.hasOwn(value, key)) return false;
  return true;
}

function emptyContext(): Context {
  return { options: {}, strictErrors: [], fieldStack: [], struct: '', path: [] };
}

/**
 * Decodes one value. `base` is what stood at the same place in the normalized, frozen object
 * `value` was built from (see normalizeWithSchema), if any: parts identical to it are kept.
 */
function decodeValue(ctx: Context, value: unknown, type: TypeRef, goType: string, parent: object | undefined, key: string | number, base: unknown): unknown {
  if (value === null || value === undefined) return ABSENT;
  if (value === base && typeof value === 'object') return value;
  switch (type.kind) {
    case 'scalar':
      return decodeScalar(ctx, value, type.scalar, goType, parent, key);
    case 'struct': {
      if (!isPlainObject(value)) throw typeError(ctx, jsonKind(value), goType);
      const plan = planNamed(type.name);
      if (normalizedParts.get(value) === plan) return value;
      return decodeStruct(ctx, value, plan, isPlainObject(base) ? base : undefined);
    }
    case 'list': {
      if (!Array.isArray(value)) throw typeError(ctx, jsonKind(value), goType);
      const itemType = goTypeName(type.items);
      const baseItems = Array.isArray(base) ? base : undefined;
      const result = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        ctx.path.push(i);
        const decoded = decodeValue(ctx, value[i], type.items, itemType, value, i, baseItems?.[i]);
        ctx.path.pop();
        result[i] = decoded === ABSENT ? zeroOf(type.items) : decoded;
      }
      return result;
    }
    case 'map': {
      if (!isPlainObject(value)) throw typeError(ctx, jsonKind(value), goType);
      const valueType = goTypeName(type.values);
      const baseEntries = isPlainObject(base) ? base : undefined;
      const result: Record<string, unknown> = {};
      let inOrder = true;
      let previous: string | undefined;
      for (const entryKey in value) {
        ctx.path.push(entryKey);
        const decoded = decodeValue(ctx, value[entryKey], type.values, valueType, value, entryKey, baseEntries?.[entryKey]);
        ctx.path.pop();
        result[entryKey] = decoded === ABSENT ? zeroOf(type.values) : decoded;
        if (previous !== undefined && entryKey < previous) inOrder = false;
        previous = entryKey;
      }
      const duplicates = ctx.options.duplicates?.get(value);
      if (duplicates) for (const duplicate of duplicates) ctx.strictErrors.push(`duplicate field "${pathText(ctx, duplicate)}"`);
      return inOrder ? result : withSortedKeys(result);
    }
  }
}

/** The present fields of the structs being decoded, one list pair per nesting depth, reused. */
const scratch: { indices: number[]; values: unknown[] }[] = [];
let depth = 0;

function decodeStruct(ctx: Context, input: Record<string, unknown>, plan: StructPlan, base?: Record<string, unknown>): Record<string, unknown> {
  const frame = (scratch[depth] ??= { indices: [], values: [] });
  depth++;
  try {
    return decodeFields(ctx, input, plan, base, frame.indices, frame.values);
  } finally {
    depth--;
  }
}

/**
 * decodeStruct's work, with `indices` and `values` to collect the fields present (by index, and
 * decoded; usually already in Go's order). `values` is cleared again before returning.
 */
function decodeFields(ctx: Context, input: Record<string, unknown>, plan: StructPlan, base: Record<string, unknown> | undefined, indices: number[], values: unknown[]): Record<string, unknown> {
  const fields = plan.fields;
  let count = 0;
  let ordered = true;
  const outerStruct = ctx.struct;
  for (const key in input) {
    const i = plan.index.get(key);
    if (i === undefined) {
      ctx.strictErrors.push(`unknown field "${pathText(ctx, key)}"`);
      continue;
    }
    ctx.fieldStack.push(key);
    ctx.path.push(key);
    ctx.struct = plan.declaredIn[i];
    const value = decodeValue(ctx, input[key], fields[i].type, plan.goTypes[i], input, key, base?.[key]);
    ctx.fieldStack.pop();
    ctx.path.pop();
    ctx.struct = outerStruct;
    if (count > 0 && indices[count - 1] > i) ordered = false;
    indices[count] = i;
    values[count] = value;
    count++;
  }
  const duplicates = ctx.options.duplicates?.get(input);
  if (duplicates) for (const duplicate of duplicates) ctx.strictErrors.push(`duplicate field "${pathText(ctx, duplicate)}"`);
  if (!ordered) sortByIndex(indices, values, count);
  const result: Record<string, unknown> = {};
  const always = plan.always;
  let next = 0;
  for (let p = 0; p < count; p++) {
    const i = indices[p];
    for (; next < always.length && always[next] < i; next++) writeZero(result, fields[always[next]]);
    if (next < always.length && always[next] === i) next++;
    const field = fields[i];
    const value = values[p];
    if (value === ABSENT) {
      if (field.presence === 'always') writeZero(result, field);
    } else if (field.presence !== 'omitempty' || !isEmpty(value)) {
      result[field.name] = value;
    }
  }
  for (; next < always.length; next++) writeZero(result, fields[always[next]]);
  values.fill(undefined, 0, count);
  return result;
}

/** Writes the zero value of a field Go always writes but the input left out (or set to null). */
function writeZero(result: Record<string, unknown>, field: FieldSchema): void {
  result[field.name] = zeroOf(field.type);
}

/** Decodes `value` as the struct `schema` names; throws GoDecodeError when Go could not. */
export function decodeWithSchema(value: Record<string, unknown>, schema: StructSchema, options: DecodeOptions = {}): Decoded {
  const ctx: Context = { options, strictErrors: [], fieldStack: [], struct: schema.goName, path: [] };
  const object = decodeStruct(ctx, value, planOf(schema), undefined);
  return { object, strictErrors: ctx.strictErrors };
}

/**
 * Re-marshals an object that is already known to be well-typed: Go's shape, no complaints.
 * `base`, when given, is a normalized and frozen object of this schema that `value` was built
 * from: parts of `value` that are that object's own parts, at the same place, are kept as they
 * are instead of being copied.
 */
export function normalizeWithSchema(value: Record<string, unknown>, schema: StructSchema, base?: Record<string, unknown>): Record<string, unknown> {
  const ctx: Context = { options: {}, strictErrors: [], fieldStack: [], struct: schema.goName, path: [] };
  return decodeStruct(ctx, value, planOf(schema), base);
}

/**
 * A fixed part many objects share (admission's service-account projection), normalized once as
 * the struct `structName` names and frozen: decoding or normalizing an object that holds it, at
 * a place of that struct, keeps it as it is instead of walking it again.
 */
export function normalizedPart<T extends object>(value: T, structName: string): T {
  const plan = planNamed(structName);
  const part = deepFreeze(decodeStruct(emptyContext(), value as Record<string, unknown>, plan, undefined));
  normalizedParts.set(part, plan);
  return part as T;
}
