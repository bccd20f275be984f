// The verbs on one resource: get, list, watch, create, update, patch, delete and
// deletecollection; subresources go to their router. Decodes bodies with field validation,
// returns strict-decoding warnings as Warning headers, and converts to Tables when asked.

import type { KubeObject, Status } from '../api/meta';
import type { MvccStore } from '../store/mvcc-store';
import type { ApiServer } from './api-server';
import { decodeObject, readBody, warningHeader } from './body';
import { representation, toTable } from './content';
import { ApiError, errors, successStatus } from './errors';
import type { KubeletConnector } from './kubelet-connector';
import { patchWithRetry } from './patch/patch-update';
import { parseResourceVersion, tooLargeResourceVersion } from './registry/list';
import { isWatch, parseDeleteOptions, parseListOptions, parseWriteOptions, type DeleteOptions } from './registry/options';
import type { ResourceRegistry } from './registry/resource-registry';
import type { ApiRequest, ApiResponse, StreamSink } from './request';
import type { ResourceRequestInfo } from './request-info';
import { bindPod } from './subresources/pods';
import { handleSubresource } from './subresources/router';
import { watchResource } from './watch-stream';

export interface OpenStream {
  cancel(): void;
  input?(chunk: unknown): void | Promise<void>;
}

export interface HandlerContext {
  server: ApiServer;
  registry: ResourceRegistry;
  store: MvccStore<KubeObject>;
  kubelets: KubeletConnector;
  openStream(stream: OpenStream): number;
  closeStream(id: number): void;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export function respond(status: number, body: unknown, warnings: readonly string[] = []): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...warningHeader(warnings) }, body };
}

/** An object, or a Table of it when the client asked for one. */
export function present(ctx: HandlerContext, req: ApiRequest, object: KubeObject): unknown {
  if (representation(req) !== 'table') return object;
  return toTable(req, ctx.registry.strategy.table, [object], { resourceVersion: object.metadata.resourceVersion }, ctx.server.clock.now());
}

/** GET of one object honours resourceVersion: "0" or any version the store has reached. */
function checkReadVersion(ctx: HandlerContext, req: ApiRequest): void {
  const rv = req.query?.resourceVersion;
  const text = Array.isArray(rv) ? rv[rv.length - 1] : rv;
  if (text === undefined || text === '' || text === '0') return;
  const requested = parseResourceVersion(text);
  if (requested > ctx.store.revision) throw tooLargeResourceVersion(requested, ctx.store.revision);
}

export async function handleResource(ctx: HandlerContext, req: ApiRequest, info: ResourceRequestInfo, sink: StreamSink | undefined): Promise<ApiResponse> {
  const { registry } = ctx;
  const type = registry.type;
  const namespace = type.namespaced ? info.namespace : undefined;
  if (!type.namespaced && info.namespace !== undefined) throw errors.notFoundPath();
  const name = info.name;

  if (type.resource === 'bindings') {
    if (req.method !== 'POST' || name !== undefined) throw errors.methodNotAllowed();
    const options = parseWriteOptions(req.query);
    const { object: binding, warnings } = await decodeObject(req, type, options.fieldValidation);
    return respond(201, await bindPod(ctx.server, namespace ?? 'default', binding.metadata.name ?? '', binding, options), warnings);
  }
  if (info.subresource) {
    if (name === undefined) throw errors.notFoundPath();
    return handleSubresource(ctx, req, namespace, name, info.subresource, sink);
  }
  if (type.resource === 'selfsubjectaccessreviews' || type.resource === 'selfsubjectrulesreviews' || type.resource === 'selfsubjectreviews') {
    const { reviewResource } = await import('./subresources/reviews');
    return reviewResource(ctx, req, name);
  }

  switch (req.method) {
    case 'GET':
    case 'HEAD': {
      if (name !== undefined) {
        checkReadVersion(ctx, req);
        return respond(200, present(ctx, req, registry.get(namespace, name)));
      }
      if (isWatch(req.query)) return watchResource(ctx, req, namespace, sink);
      const list = registry.list(namespace, parseListOptions(req.query));
      if (representation(req) === 'table') return respond(200, toTable(req, registry.strategy.table, list.items, list.metadata, ctx.server.clock.now()));
      return respond(200, list);
    }
    case 'POST': {
      if (name !== undefined) throw errors.methodNotAllowed();
      const options = parseWriteOptions(req.query);
      const { object, warnings } = await decodeObject(req, type, options.fieldValidation);
      const created = await registry.create(namespace, object, options);
      return respond(201, present(ctx, req, created), [...warnings, ...(options.warnings ?? [])]);
    }
    case 'PUT': {
      if (name === undefined) throw errors.methodNotAllowed();
      const options = parseWriteOptions(req.query);
      const { object, warnings } = await decodeObject(req, type, options.fieldValidation);
      if (!registry.find(namespace, name) && registry.strategy.allowCreateOnUpdate) {
        const created = await registry.create(namespace, { ...object, metadata: { ...object.metadata, name } }, options);
        return respond(201, present(ctx, req, created), [...warnings, ...(options.warnings ?? [])]);
      }
      const result = await registry.update(namespace, name, object, options);
      return respond(200, present(ctx, req, result.object), [...warnings, ...(options.warnings ?? [])]);
    }
    case 'PATCH': {
      if (name === undefined) throw errors.methodNotAllowed();
      const { object, warnings } = await patchWithRetry(ctx, req, namespace, name, '');
      return respond(200, present(ctx, req, object), warnings);
    }
    case 'DELETE': {
      const options = await deleteOptions(req);
      if (name === undefined) return deleteCollection(ctx, req, namespace, options);
      const result = await registry.delete(namespace, name, options);
      if (!result.deleted || registry.strategy.returnsDeletedObject) return respond(200, result.object);
      return respond(200, deletedStatus(type, result.object));
    }
    default:
      throw errors.methodNotAllowed();
  }
}

/** DeleteOptions from the query string and the body (JSON or protobuf), as kubectl sends them. */
async function deleteOptions(req: ApiRequest): Promise<DeleteOptions> {
  if (req.body === undefined || req.body === null || req.body === '') return parseDeleteOptions(req.query, undefined);
  return parseDeleteOptions(req.query, (await readBody(req)).value);
}

function deletedStatus(type: { group: string; resource: string }, object: KubeObject): Status {
  const details: NonNullable<Status['details']> = { name: object.metadata.name };
  if (type.group) details.group = type.group;
  details.kind = type.resource;
  details.uid = object.metadata.uid;
  return successStatus(details);
}

async function deleteCollection(ctx: HandlerContext, req: ApiRequest, namespace: string | undefined, options: DeleteOptions): Promise<ApiResponse> {
  const { registry } = ctx;
  if (!registry.type.verbs.includes('deletecollection')) throw errors.methodNotAllowed();
  const list = registry.list(namespace, parseListOptions(req.query));
  for (const item of list.items) {
    try {
      await registry.delete(item.metadata.namespace, item.metadata.name as string, options);
    } catch (error) {
      if (!(error instanceof ApiError && error.status.code === 404)) throw error;
    }
  }
  return respond(200, { kind: registry.type.listKind, apiVersion: registry.apiVersion, metadata: { resourceVersion: String(ctx.store.revision) }, items: list.items });
}
