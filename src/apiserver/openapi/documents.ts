// The OpenAPI documents: v2 (one Swagger 2.0 document for the whole API) and v3 (one OpenAPI
// 3.0 document per group/version), rendered from the operations and the schema definitions.
// Upstream: k8s.io/kube-openapi (builder, builder3) as the API server serves them.

import { RESOURCES, groupVersion, type ResourceType } from '../../api/scheme';
import { schemaForKind } from '../../api/schema/registry';
import { Descriptions } from '../../api/schema/descriptions';
import { KUBERNETES_VERSION } from '../discovery';
import { definitionsFor, listDefinition, ref, type Json, type OpenApiVersion } from './definitions';
import { resourcePaths, type Operation, type Param, type PathItem } from './operations';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const PATCH_TYPES = ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];
const MEDIA = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };
const INFO = { title: 'Kubernetes', version: KUBERNETES_VERSION.gitVersion };

function roots(types: readonly ResourceType[]): { names: Set<string>; lists: Json } {
  const names = new Set<string>([`${META}.DeleteOptions`, `${META}.Status`, `${META}.WatchEvent`, `${META}.Patch`]);
  const lists: Json = {};
  for (const type of types) {
    const schema = schemaForKind(type.group, type.version, type.kind);
    if (!schema) continue;
    names.add(schema.name);
    if (type.verbs.includes('list')) lists[schema.name.replace(/\.[^.]+$/, `.${type.listKind}`)] = { schema, listKind: type.listKind };
    if (type.subresources.includes('scale')) names.add('io.k8s.api.autoscaling.v1.Scale');
    if (type.subresources.includes('eviction')) names.add('io.k8s.api.policy.v1.Eviction');
    if (type.subresources.includes('binding')) names.add('io.k8s.api.core.v1.Binding');
  }
  return { names, lists };
}

function definitions(types: readonly ResourceType[], descriptions: Descriptions, version: OpenApiVersion): Json {
  const { names, lists } = roots(types);
  const listDefinitions: Json = {};
  for (const [name, entry] of Object.entries(lists)) {
    const { schema, listKind } = entry as { schema: Parameters<typeof listDefinition>[0]; listKind: string };
    listDefinitions[name] = listDefinition(schema, listKind, descriptions, version);
  }
  return definitionsFor(names, listDefinitions as Record<string, Json>, descriptions, version);
}

function sortedPaths(items: PathItem[]): PathItem[] {
  return [...items].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function v2Param(param: Param): Json {
  const out: Json = { description: param.description, in: param.in, name: param.name, type: param.type, uniqueItems: true };
  if (param.required) out.required = true;
  return out;
}

function v2Operation(operation: Operation): Json {
  const parameters = operation.params.map(v2Param);
  if (operation.body) {
    parameters.unshift({ in: 'body', name: 'body', required: operation.method !== 'delete', schema: operation.body === 'patch' ? ref(`${META}.Patch`, 'v2') : ref(operation.body, 'v2') });
  }
  const responses: Json = {};
  for (const code of operation.codes) responses[code] = operation.response ? { description: STATUS_TEXT[code], schema: ref(operation.response, 'v2') } : { description: STATUS_TEXT[code], schema: { type: 'string' } };
  responses[401] = { description: 'Unauthorized' };
  const out: Json = {
    consumes: operation.body === 'patch' ? PATCH_TYPES : ['*/*'],
    description: operation.description,
    operationId: operation.operationId,
    produces: operation.response ? [...MEDIA] : ['text/plain', 'application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'],
    responses,
    schemes: ['https'],
    tags: [operation.tag],
    'x-kubernetes-action': operation.action,
    'x-kubernetes-group-version-kind': operation.kind,
  };
  if (parameters.length > 0) out.parameters = parameters;
  return out;
}

function v3Param(param: Param): Json {
  const out: Json = { description: param.description, in: param.in, name: param.name, schema: { type: param.type, uniqueItems: true } };
  if (param.required) out.required = true;
  return out;
}

function content(types: readonly string[], schema: Json): Json {
  return Object.fromEntries(types.map((type) => [type, { schema }]));
}

function v3Operation(operation: Operation): Json {
  const responses: Json = {};
  const media = operation.action === 'watch' || operation.action === 'watchlist' || operation.action === 'list' ? [...MEDIA, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'] : MEDIA;
  for (const code of operation.codes) {
    responses[code] = { content: operation.response ? content(media, ref(operation.response, 'v3')) : content(['text/plain'], { type: 'string' }), description: STATUS_TEXT[code] };
  }
  responses[401] = { description: 'Unauthorized' };
  const out: Json = { description: operation.description, operationId: operation.operationId };
  if (operation.params.length > 0) out.parameters = operation.params.map(v3Param);
  if (operation.body) {
    out.requestBody = operation.body === 'patch' ? { content: content(PATCH_TYPES, ref(`${META}.Patch`, 'v3')), required: true } : { content: content(['*/*'], ref(operation.body, 'v3')), required: operation.method !== 'delete' };
  }
  out.responses = responses;
  out.tags = [operation.tag];
  out['x-kubernetes-action'] = operation.action;
  out['x-kubernetes-group-version-kind'] = operation.kind;
  return out;
}

function renderPaths(items: PathItem[], version: OpenApiVersion): Json {
  const paths: Json = {};
  for (const item of sortedPaths(items)) {
    const entry: Json = {};
    for (const operation of item.operations) entry[operation.method] = version === 'v2' ? v2Operation(operation) : v3Operation(operation);
    if (item.params.length > 0) entry.parameters = item.params.map(version === 'v2' ? v2Param : v3Param);
    paths[item.path] = entry;
  }
  return paths;
}

/** The Swagger 2.0 document of the whole API. */
export function openApiV2(): Json {
  const descriptions = new Descriptions();
  return {
    definitions: definitions(RESOURCES, descriptions, 'v2'),
    info: INFO,
    paths: renderPaths(RESOURCES.flatMap(resourcePaths), 'v2'),
    security: [{ BearerToken: [] }],
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
    swagger: '2.0',
  };
}

/** The group/versions with v3 documents, as discovery paths: `api/v1`, `apis/apps/v1`. */
export function v3GroupVersions(): string[] {
  return [...new Set(RESOURCES.map((type) => (type.group ? `apis/${groupVersion(type)}` : `api/${type.version}`)))].sort();
}

/** The OpenAPI 3.0 document of one group/version (`api/v1`, `apis/apps/v1`), if served. */
export function openApiV3(path: string): Json | undefined {
  const types = RESOURCES.filter((type) => (type.group ? `apis/${groupVersion(type)}` : `api/${type.version}`) === path);
  if (types.length === 0) return undefined;
  const descriptions = new Descriptions();
  return {
    components: {
      schemas: definitions(types, descriptions, 'v3'),
      securitySchemes: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
    },
    info: INFO,
    openapi: '3.0.0',
    paths: renderPaths(types.flatMap(resourcePaths), 'v3'),
  };
}
