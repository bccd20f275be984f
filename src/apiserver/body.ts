// Request bodies: reading them in whatever form they arrive (a JSON value in process, JSON or
// YAML text, or a Kubernetes protobuf envelope over HTTP), checking the kind against the URL,
// and decoding the object as upstream's serializer does, with field validation: unknown and
// duplicate fields refused (Strict), reported as warnings (Warn) or dropped (Ignore).
// Upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go and
// staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json.

import type { KubeObject } from '../api/meta';
import { GO_YAML } from '../api/go-yaml';
import { isPlainObject } from '../api/objects';
import { decodeWithSchema, GoDecodeError, type DecodeOptions } from '../api/schema/decode';
import { schemaForKind } from '../api/schema/registry';
import { errors } from './errors';
import type { ApiRequest } from './request';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface ExpectedKind {
  group: string;
  version: string;
  kind: string;
}

export interface DecodedObject {
  object: KubeObject;
  /** Strict-decoding problems to send back as warnings (fieldValidation=Warn). */
  warnings: string[];
}

/** The body as a value, with what strict decoding needs to know about its text. */
export interface RawBody {
  value: unknown;
  options: DecodeOptions;
}

function contentType(req: ApiRequest): string {
  return (req.headers?.['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

async function parseYaml(text: string): Promise<unknown> {
  const { parse } = await import('yaml');
  try {
    return parse(text, GO_YAML);
  } catch (error) {
    throw errors.badRequest(`yaml: ${(error as Error).message.split('\n')[0]}`);
  }
}

function versionOf(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * A protobuf body as the JSON value Go would have decoded: the message of the envelope's kind
 * (loaded on demand: only the real kubectl's typed clients send protobuf).
 */
async function readProtobuf(bytes: Uint8Array): Promise<RawBody> {
  const { decodeProtobuf, ProtobufError, readEnvelope } = await import('../api/schema/protobuf');
  try {
    const envelope = readEnvelope(bytes);
    const { group, version } = versionOf(envelope.apiVersion);
    const schema = schemaForKind(group, version, envelope.kind);
    const typeMeta = { apiVersion: envelope.apiVersion, kind: envelope.kind };
    return { value: schema ? decodeProtobuf(envelope.raw, schema, typeMeta) : typeMeta, options: {} };
  } catch (error) {
    if (error instanceof ProtobufError) throw errors.badRequest(error.message);
    throw error;
  }
}

/** Reads the body into a value (not yet typed). */
export async function readBody(req: ApiRequest): Promise<RawBody> {
  const body = req.body;
  const type = contentType(req);
  if (body instanceof Uint8Array) {
    const magic = body.length >= 4 && body[0] === 0x6b && body[1] === 0x38 && body[2] === 0x73 && body[3] === 0x00;
    if (type === 'application/vnd.kubernetes.protobuf' || magic) return readProtobuf(body);
    return readBody({ ...req, body: new TextDecoder().decode(body) });
  }
  if (typeof body !== 'string') return { value: body, options: {} };
  if (type === 'application/yaml') return { value: await parseYaml(body), options: {} };
  const { parseJsonText, JsonSyntaxError } = await import('../api/schema/json-text');
  try {
    const parsed = parseJsonText(body);
    return { value: parsed.value, options: parsed };
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw errors.badRequest(`couldn't get version/kind; json parse error: ${error.message}`);
    throw error;
  }
}

function cannotHandle(kind: string, version: string, message: string) {
  return errors.badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: ${message}`);
}

/**
 * Decodes a value as `expected` with field validation. `strictKind` refuses a body whose
 * apiVersion or kind differ from the URL's (subresource bodies such as Binding need not match).
 */
export function decodeValue(raw: RawBody, expected: ExpectedKind, validation: FieldValidation, strictKind = true): DecodedObject {
  const expectedVersion = expected.group ? `${expected.group}/${expected.version}` : expected.version;
  const value = raw.value;
  if (!isPlainObject(value)) throw errors.badRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf');
  const typeMeta = { apiVersion: value.apiVersion ?? '', kind: value.kind ?? '' };
  if (typeof typeMeta.apiVersion !== 'string') throw errors.badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${typeof typeMeta.apiVersion} into Go struct field .apiVersion of type string`);
  if (typeof typeMeta.kind !== 'string') throw errors.badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${typeof typeMeta.kind} into Go struct field .kind of type string`);
  const apiVersion = typeMeta.apiVersion || expectedVersion;
  const kind = typeMeta.kind || expected.kind;
  const bodyVersion = versionOf(apiVersion);
  if (strictKind && apiVersion !== expectedVersion) {
    throw errors.badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${expectedVersion})`);
  }
  const schema = schemaForKind(bodyVersion.group, bodyVersion.version, kind) ?? (strictKind ? undefined : schemaForKind(expected.group, expected.version, expected.kind));
  if (!schema || (strictKind && kind !== expected.kind)) {
    const reason = schema ? `the kind in the data (${kind}) does not match the kind of the URL (${expected.kind})` : `no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`;
    throw errors.badRequest(`${kind} in version "${bodyVersion.version}" cannot be handled as a ${expected.kind}: ${reason}`);
  }
  try {
    const decoded = decodeWithSchema({ ...value, apiVersion, kind }, schema, raw.options);
    if (decoded.strictErrors.length > 0 && validation === 'Strict') {
      throw cannotHandle(kind, bodyVersion.version, `strict decoding error: ${decoded.strictErrors.join(', ')}`);
    }
    return { object: decoded.object as KubeObject, warnings: validation === 'Warn' ? decoded.strictErrors : [] };
  } catch (error) {
    if (error instanceof GoDecodeError) throw cannotHandle(kind, bodyVersion.version, error.message);
    throw error;
  }
}

/** Reads and decodes a request's body as `expected`. */
export async function decodeObject(req: ApiRequest, expected: ExpectedKind, validation: FieldValidation, strictKind = true): Promise<DecodedObject> {
  return decodeValue(await readBody(req), expected, validation, strictKind);
}

/** The Warning header value for a request's warnings, each once: `299 - "text"`, comma-joined. */
export function warningHeader(warnings: readonly string[]): Record<string, string> {
  if (warnings.length === 0) return {};
  return { warning: [...new Set(warnings)].map((w) => `299 - ${JSON.stringify(w)}`).join(', ') };
}
