// Renders `kubectl explain` from an OpenAPI v3 document the way kubectl's plaintext template
// does: the GROUP/KIND/VERSION header, then for the resource or the field path asked for its
// DESCRIPTION (with the descriptions of what it refers to, wrapped at 76 columns) and FIELDS
// (each with its type guess, -required-, enums and wrapped description, or, recursively, the
// whole tree of names and types, stopping at reference cycles).
// Upstream: staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl.

import { indent, wrapWords } from './word-wrap';

export type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  paths?: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

interface Gvk {
  group: string;
  kind: string;
  version: string;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(ref: unknown, doc: OpenApiDocument): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let current: unknown = doc;
  for (const part of ref.slice(1).split('/')) {
    if (part === '') continue;
    if (!isSchema(current)) return undefined;
    current = current[part];
  }
  return isSchema(current) ? current : undefined;
}

function resolved(schema: Schema, doc: OpenApiDocument): Schema {
  return resolveRef(schema.$ref, doc) ?? schema;
}

function properties(schema: Schema): Record<string, Schema> {
  return isSchema(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
}

function allOf(schema: Schema): Schema[] {
  return Array.isArray(schema.allOf) ? (schema.allOf as Schema[]) : [];
}

function mapValues(schema: Schema): Schema | undefined {
  return isSchema(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

function items(schema: Schema): Schema | undefined {
  return isSchema(schema.items) ? schema.items : undefined;
}

function typeGuess(schema: Schema, doc: OpenApiDocument): string {
  const itemSchema = items(schema);
  if (itemSchema) return `[]${typeGuess(itemSchema, doc)}`;
  const values = mapValues(schema);
  if (values) return `map[string]${typeGuess(values, doc)}`;
  const alternatives = allOf(schema);
  if (alternatives.length === 1 && !schema.properties) return typeGuess(alternatives[0], doc);
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, doc);
    if (!target || !target.type || target.type === 'object') {
      const name = schema.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return String(target.type);
  }
  if (schema.type === 'object') return 'Object';
  return typeof schema.type === 'string' && schema.type ? schema.type : 'Object';
}

function enumText(schema: Schema, longView: boolean, limit: number, indentAmount: number): string {
  const values = Array.isArray(schema.enum) ? schema.enum : [];
  if (values.length === 0) return '';
  let text = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
  for (let i = 0; i < values.length; i++) {
    if (limit > -1 && i >= limit) {
      text += ', ....';
      break;
    }
    if (i > 0 && !longView) text += ', ';
    else if (longView) text += '\n    ';
    text += values[i] === '' ? '""' : String(values[i]);
  }
  return text;
}

function description(schema: Schema, doc: OpenApiDocument): string {
  const target = resolved(schema, doc);
  let text = typeof target.description === 'string' && target.description ? `${target.description}\n` : '';
  for (const alternative of allOf(target)) text += description(alternative, doc);
  const itemSchema = items(target);
  if (itemSchema) text += description(itemSchema, doc);
  const values = mapValues(target);
  if (values) text += description(values, doc);
  return text;
}

function externalDocs(schema: Schema, indentAmount: number, width: number): string {
  const docs = isSchema(schema.externalDocs) ? schema.externalDocs : undefined;
  if (!docs) return '';
  let text = `${indent('EXTERNAL DOCS:', indentAmount)}\n`;
  if (typeof docs.description === 'string' && docs.description) text += `${indent(wrapWords(docs.description, width), indentAmount + 2)}\n`;
  if (typeof docs.url === 'string' && docs.url) text += `${indent(`URL: ${docs.url}`, indentAmount + 2)}\n`;
  return text;
}

function fieldDetail(owner: Schema, name: string, short: boolean, level: number, doc: OpenApiDocument): string {
  const indentAmount = level * 2;
  const field = properties(owner)[name];
  const required = Array.isArray(owner.required) && owner.required.includes(name) ? ' -required-' : '';
  let text = `${indent(name, indentAmount)}\t<${typeGuess(field, doc)}>${required}${enumText(field, false, 4, indentAmount)}\n`;
  if (!short) {
    const about = typeof field.description === 'string' && field.description ? field.description : '<no description>';
    text += `${indent(wrapWords(about, 78 - indentAmount), indentAmount + 2)}\n`;
    const docs = externalDocs(field, indentAmount + 2, 76 - indentAmount);
    if (docs) text += `\n${docs}`;
    text += '\n';
  }
  return text;
}

function fieldList(schema: Schema, level: number, recursive: boolean, history: Set<string>, doc: OpenApiDocument): string {
  const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
  if (ref && history.has(ref)) return '';
  const seen = new Set(history).add(ref);
  const target = resolved(schema, doc);
  let text = '';
  const props = properties(target);
  for (const name of Object.keys(props).sort()) {
    text += fieldDetail(target, name, recursive, level, doc);
    if (recursive) text += fieldList(props[name], level + 1, recursive, seen, doc);
  }
  for (const alternative of allOf(target)) text += fieldList(alternative, level, recursive, seen, doc);
  const itemSchema = items(target);
  if (itemSchema) text += fieldList(itemSchema, level, recursive, seen, doc);
  const values = mapValues(target);
  if (values) text += fieldList(values, level, recursive, seen, doc);
  return text;
}

function output(schema: Schema, path: string[], recursive: boolean, history: Set<string>, doc: OpenApiDocument): string {
  const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
  const next = new Set(history).add(ref);
  const target = resolved(schema, doc);
  if (path.length === 0) {
    let text = `DESCRIPTION:\n${indent(wrapWords(description(target, doc) || '<empty>', 76), 4)}\n`;
    const docs = externalDocs(target, 0, 76);
    if (docs) text += `\n${docs}`;
    const fields = fieldList(target, 1, recursive, new Set(), doc);
    if (fields) text += `FIELDS:\n${fields}`;
    return text;
  }
  if (ref && history.has(ref)) return '';
  const props = properties(target);
  if (props[path[0]]) {
    const sub = props[path[0]];
    let text = '';
    if (path.length === 1) text += `FIELD: ${path[0]} <${typeGuess(sub, doc)}>\n${enumText(sub, true, -1, 0)}\n\n`;
    return text + output(sub, path.slice(1), recursive, new Set(), doc);
  }
  const itemSchema = items(target);
  if (itemSchema) return output(itemSchema, path, recursive, next, doc);
  const values = mapValues(target);
  if (values) return output(values, path, recursive, next, doc);
  for (const alternative of allOf(target)) {
    const text = output(alternative, path, recursive, next, doc);
    if (text) return text;
  }
  return '';
}

function findGvk(doc: OpenApiDocument, gvr: GroupVersionResource): Gvk | undefined {
  const prefix = gvr.group ? `/apis/${gvr.group}` : '/api';
  const candidates = [
    `${prefix}/${gvr.version}/${gvr.resource}`,
    `${prefix}/${gvr.version}/${gvr.resource}/{name}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}/{name}`,
  ];
  for (const path of candidates) {
    const element = doc.paths?.[path];
    if (!element) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const gvk = element[method]?.['x-kubernetes-group-version-kind'];
      if (isSchema(gvk)) return gvk as unknown as Gvk;
    }
  }
  return undefined;
}

function sameGvk(value: unknown, gvk: Gvk): boolean {
  return Array.isArray(value) && value.some((entry) => isSchema(entry) && entry.group === gvk.group && entry.kind === gvk.kind && entry.version === gvk.version);
}

/**
 * The explanation of `fieldPath` in the resource: the text, and kubectl's error when the
 * resource or field is not in the document (printed after the text that came before it).
 */
export function renderExplain(doc: OpenApiDocument, gvr: GroupVersionResource, fieldPath: string[], recursive: boolean): { text: string; error?: string } {
  const gvk = findGvk(doc, gvr);
  if (!gvk) return { text: '', error: `error: GVR (${gvr.group ? `${gvr.group}/` : ''}${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema` };
  const header = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ''}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schema = Object.values(doc.components?.schemas ?? {}).find((s) => sameGvk(s['x-kubernetes-group-version-kind'], gvk));
  if (!schema) return { text: header, error: `error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema` };
  const body = output(schema, fieldPath, recursive, new Set(), doc);
  if (!body) return { text: header, error: `error: field "${fieldPath[fieldPath.length - 1]}" does not exist` };
  return { text: `${header}${body}\n` };
}
