// Reads Kubernetes protobuf bodies (what client-go's typed clients, and so kubectl create
// deployment, drain and auth can-i, send): the `k8s\0` envelope, runtime.Unknown with its
// TypeMeta, and the kind's message decoded field by field with the schema's protobuf numbers.
// The result is the JSON object Go would marshal before normalisation. Upstream:
// staging/src/k8s.io/apimachinery/pkg/runtime/serializer/protobuf and */generated.proto.

import type { FieldSchema, StructSchema, TypeRef } from './model';
import { schemaByName } from './registry';

export class ProtobufError extends Error {}

export const PROTOBUF_MAGIC = [0x6b, 0x38, 0x73, 0x00];

class WireReader {
  pos = 0;
  constructor(
    readonly bytes: Uint8Array,
    readonly end = bytes.length,
  ) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.end) throw new ProtobufError('unexpected EOF');
      const byte = this.bytes[this.pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 63n) throw new ProtobufError('proto: integer overflow');
    }
  }

  sub(): WireReader {
    const length = Number(this.varint());
    const start = this.pos;
    if (length < 0 || start + length > this.end) throw new ProtobufError('unexpected EOF');
    this.pos = start + length;
    const reader = new WireReader(this.bytes, start + length);
    reader.pos = start;
    return reader;
  }

  rest(): Uint8Array {
    return this.bytes.subarray(this.pos, this.end);
  }

  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.varint();
        return;
      case 1:
        this.pos += 8;
        return;
      case 2:
        this.sub();
        return;
      case 5:
        this.pos += 4;
        return;
      default:
        throw new ProtobufError(`proto: illegal wireType ${wireType}`);
    }
  }
}

const decoder = new TextDecoder();

function utf8(reader: WireReader): string {
  return decoder.decode(reader.rest());
}

function signed(value: bigint, bits: 32 | 64): number {
  return Number(BigInt.asIntN(bits, value));
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fields(reader: WireReader, visit: (field: number, wireType: number) => void): void {
  while (!reader.done) {
    const tag = Number(reader.varint());
    visit(tag >>> 3, tag & 7);
  }
}

function timeFrom(reader: WireReader, micro: boolean): string {
  let seconds = 0;
  let nanos = 0;
  fields(reader, (field, wireType) => {
    if (field === 1 && wireType === 0) seconds = signed(reader.varint(), 64);
    else if (field === 2 && wireType === 0) nanos = signed(reader.varint(), 32);
    else reader.skip(wireType);
  });
  const base = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micro ? `${base}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${base}Z`;
}

function scalarFrom(reader: WireReader, type: TypeRef & { kind: 'scalar' }, wireType: number): unknown {
  switch (type.scalar) {
    case 'string':
      return utf8(reader.sub());
    case 'int32':
      return signed(reader.varint(), 32);
    case 'int64':
      return signed(reader.varint(), 64);
    case 'boolean':
      return reader.varint() !== 0n;
    case 'double': {
      const view = new DataView(reader.bytes.buffer, reader.bytes.byteOffset + reader.pos, 8);
      reader.pos += 8;
      return view.getFloat64(0, true);
    }
    case 'bytes':
      return base64(reader.sub().rest());
    case 'Quantity': {
      const inner = reader.sub();
      let text = '0';
      fields(inner, (field, wt) => (field === 1 && wt === 2 ? (text = utf8(inner.sub())) : inner.skip(wt)));
      return text;
    }
    case 'IntOrString': {
      const inner = reader.sub();
      let kind = 0;
      let intVal = 0;
      let strVal = '';
      fields(inner, (field, wt) => {
        if (field === 1 && wt === 0) kind = Number(inner.varint());
        else if (field === 2 && wt === 0) intVal = signed(inner.varint(), 32);
        else if (field === 3 && wt === 2) strVal = utf8(inner.sub());
        else inner.skip(wt);
      });
      return kind === 1 ? strVal : intVal;
    }
    case 'Time':
    case 'MicroTime': {
      const inner = reader.sub();
      return inner.done ? null : timeFrom(inner, type.scalar === 'MicroTime');
    }
    case 'RawExtension':
    case 'FieldsV1': {
      const inner = reader.sub();
      let raw: unknown = null;
      fields(inner, (field, wt) => {
        if (field === 1 && wt === 2) raw = JSON.parse(utf8(inner.sub()));
        else inner.skip(wt);
      });
      return raw;
    }
  }
  throw new ProtobufError(`proto: wire type ${wireType} for ${type.scalar}`);
}

function valueFrom(reader: WireReader, type: TypeRef, wireType: number): unknown {
  if (type.kind === 'scalar') return scalarFrom(reader, type, wireType);
  if (type.kind === 'struct') return messageFrom(reader.sub(), structOf(type.name));
  throw new ProtobufError('proto: nested collection');
}

function structOf(name: string): StructSchema {
  const schema = schemaByName(name);
  if (!schema) throw new ProtobufError(`proto: unknown message ${name}`);
  return schema;
}

function addRepeated(target: Record<string, unknown>, field: FieldSchema, reader: WireReader, wireType: number): void {
  const list = (target[field.name] ??= []) as unknown[];
  const items = (field.type as TypeRef & { kind: 'list' }).items;
  const packable = items.kind === 'scalar' && (items.scalar === 'int32' || items.scalar === 'int64' || items.scalar === 'boolean');
  if (packable && wireType === 2) {
    const packed = reader.sub();
    while (!packed.done) list.push(scalarFrom(packed, items as TypeRef & { kind: 'scalar' }, 0));
    return;
  }
  list.push(valueFrom(reader, items, wireType));
}

function addEntry(target: Record<string, unknown>, field: FieldSchema, reader: WireReader): void {
  const map = (target[field.name] ??= {}) as Record<string, unknown>;
  const values = (field.type as TypeRef & { kind: 'map' }).values;
  const entry = reader.sub();
  let key = '';
  let value: unknown;
  fields(entry, (number, wt) => {
    if (number === 1 && wt === 2) key = utf8(entry.sub());
    else if (number === 2 && values.kind === 'list') {
      const list = (value ??= []) as unknown[];
      list.push(valueFrom(entry, values.items, wt));
    } else if (number === 2) value = valueFrom(entry, values, wt);
    else entry.skip(wt);
  });
  map[key] = value ?? null;
}

function messageFrom(reader: WireReader, schema: StructSchema): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  fields(reader, (number, wireType) => {
    const inline = schema.inlines.find((i) => i.proto === number);
    if (inline) {
      Object.assign(result, messageFrom(reader.sub(), structOf(inline.struct)));
      return;
    }
    const field = schema.ownFields.find((f) => f.proto === number && f.proto !== 0);
    if (!field) return reader.skip(wireType);
    if (field.type.kind === 'list') addRepeated(result, field, reader, wireType);
    else if (field.type.kind === 'map') addEntry(result, field, reader);
    else result[field.name] = valueFrom(reader, field.type, wireType);
  });
  return result;
}

export function isProtobuf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && PROTOBUF_MAGIC.every((b, i) => bytes[i] === b);
}

/** The TypeMeta and raw message of a `k8s\0`-framed runtime.Unknown. */
export function readEnvelope(bytes: Uint8Array): { apiVersion: string; kind: string; raw: Uint8Array } {
  if (!isProtobuf(bytes)) throw new ProtobufError('provided value is not protobuf: missing the k8s magic prefix');
  const reader = new WireReader(bytes);
  reader.pos = 4;
  let apiVersion = '';
  let kind = '';
  let raw: Uint8Array = new Uint8Array();
  fields(reader, (number, wireType) => {
    if (number === 1 && wireType === 2) {
      const typeMeta = reader.sub();
      fields(typeMeta, (n, wt) => {
        if (n === 1 && wt === 2) apiVersion = utf8(typeMeta.sub());
        else if (n === 2 && wt === 2) kind = utf8(typeMeta.sub());
        else typeMeta.skip(wt);
      });
    } else if (number === 2 && wireType === 2) {
      raw = reader.sub().rest();
    } else {
      reader.skip(wireType);
    }
  });
  return { apiVersion, kind, raw };
}

/** Decodes a kind's message with its schema, TypeMeta from the envelope. */
export function decodeProtobuf(raw: Uint8Array, schema: StructSchema, typeMeta: { apiVersion: string; kind: string }): Record<string, unknown> {
  return { apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, ...messageFrom(new WireReader(raw), schema) };
}
