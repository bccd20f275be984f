// The verbs on one resource: get, list, watch, create, update, patch, delete and
// deletecollection, plus the subresources (status, binding, log, eviction). Decodes bodies,
// checks kinds, converts to Tables when asked, and opens streams for watches and logs.

import type { KubeObject, Status } from '../api/meta';
import { isPlainObject } from '../api/objects';
import { groupVersion } from '../api/scheme';
import type { MvccStore } from '../store/mvcc-store';
import type { ApiServer } from './api-server';
import { representation, toTable } from './content';
import { errors, successStatus } from './errors';
import type { KubeletConnector } from './kubelet-connector';
import { decodeObject, patchObject } from './decode';
import { parseDeleteOptions, parseListOptions, parseWriteOptions } from './registry/options';
import type { ResourceRegistry } from './registry/resource-registry';
import { startWatch, type WatchEvent } from './registry/watch';
import { queryValue, type ApiRequest, type ApiResponse, type StreamSink } from './request';
import type { ResourceRequestInfo } from './request-info';
import { bindPod, evictPod, podLogs } from './subresources/pods';
import { finalizeNamespace } from './subresources/namespaces';

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

function respond(status: number, body: unknown): ApiResponse {
  return { status, headers: JSON_HEADERS, body };
}

/** Objects, or a Table of them when the client asked for one. */
function present(ctx: HandlerContext, req: ApiRequest, object: KubeObject): unknown {
  if (representation(req) !== 'table') return object;
  return toTable(req, ctx.registry.strategy.table, [object], { resourceVersion: object.metadata.resourceVersion }, ctx.server.clock.now());
}

export async function handleResource(ctx: HandlerContext, req: ApiRequest, info: ResourceRequestInfo, sink: StreamSink | undefined): Promise<ApiResponse> {
  const { registry } = ctx;
  const type = registry.type;
  const namespace = type.namespaced ? info.namespace : undefined;
  if (!type.namespaced && info.namespace !== undefined) throw errors.notFoundPath();
  const name = info.name;
  const sub = info.subresource ?? '';

  if (type.resource === 'bindings') {
    if (req.method !== 'POST' || name !== undefined) throw errors.methodNotAllowed();
    const binding = decodeObject(req, type, false);
    return respond(201, await bindPod(ctx.server, namespace ?? 'default', binding.metadata.name ?? '', binding, parseWriteOptions(req.query)));
  }

  if (sub) return subresource(ctx, req, namespace, name as string, sub, sink);

  switch (req.method) {
    case 'GET':
    case 'HEAD': {
      if (name !== undefined) return respond(200, present(ctx, req, registry.get(namespace, name)));
      const options = parseListOptions(req.query);
      const watching = ['true', '1'].includes(queryValue(req.query, 'watch') ?? '');
      if (watching) return watch(ctx, req, namespace, sink);
      const list = registry.list(namespace, options);
      if (representation(req) === 'table') return respond(200, toTable(req, registry.strategy.table, list.items, list.metadata, ctx.server.clock.now()));
      return respond(200, list);
    }
    case 'POST': {
      if (name !== undefined) throw errors.methodNotAllowed();
      const body = decodeObject(req, type, true);
      return respond(201, present(ctx, req, await registry.create(namespace, body, parseWriteOptions(req.query))));
    }
    case 'PUT': {
      if (name === undefined) throw errors.methodNotAllowed();
      const body = decodeObject(req, type, true);
      const result = await registry.update(namespace, name, body, parseWriteOptions(req.query));
      return respond(200, present(ctx, req, result.object));
    }
    case 'PATCH': {
      if (name === undefined) throw errors.methodNotAllowed();
      const current = registry.get(namespace, name);
      const patched = patchObject(req, current, type);
      const result = await registry.update(namespace, name, patched, parseWriteOptions(req.query));
      return respond(200, present(ctx, req, result.object));
    }
    case 'DELETE': {
      const options = parseDeleteOptions(req.query, typeof req.body === 'string' && req.body ? safeJson(req.body) : req.body);
      if (name === undefined) return deleteCollection(ctx, req, namespace, options);
      const result = await registry.delete(namespace, name, options);
      if (!result.deleted || returnsObject(type.resource)) return respond(200, result.object);
      return respond(200, deletedStatus(type, result.object));
    }
    default:
      throw errors.methodNotAllowed();
  }
}

function returnsObject(resource: string): boolean {
  return resource === 'pods' || resource === 'services' || resource === 'namespaces';
}

function deletedStatus(type: { group: string; resource: string }, object: KubeObject): Status {
  const details: NonNullable<Status['details']> = { name: object.metadata.name };
  if (type.group) details.group = type.group;
  details.kind = type.resource;
  details.uid = object.metadata.uid;
  return successStatus(details);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw errors.badRequest('the body of the request could not be decoded as DeleteOptions');
  }
}

async function deleteCollection(ctx: HandlerContext, req: ApiRequest, namespace: string | undefined, options: ReturnType<typeof parseDeleteOptions>): Promise<ApiResponse> {
  const { registry } = ctx;
  if (!registry.type.verbs.includes('deletecollection')) throw errors.methodNotAllowed();
  const list = registry.list(namespace, parseListOptions(req.query));
  for (const item of list.items) {
    try {
      await registry.delete(item.metadata.namespace, item.metadata.name as string, options);
    } catch (error) {
      if (!(error instanceof Error && 'status' in error && (error as { status: Status }).status.code === 404)) throw error;
    }
  }
  return respond(200, { kind: registry.type.listKind, apiVersion: groupVersion(registry.type), metadata: { resourceVersion: String(ctx.store.revision) }, items: list.items });
}

async function subresource(
  ctx: HandlerContext,
  req: ApiRequest,
  namespace: string | undefined,
  name: string,
  sub: string,
  sink: StreamSink | undefined,
): Promise<ApiResponse> {
  const { registry } = ctx;
  const type = registry.type;
  if (name === undefined) throw errors.notFoundPath();
  switch (sub) {
    case 'status': {
      if (req.method === 'GET') return respond(200, present(ctx, req, registry.get(namespace, name)));
      if (req.method === 'PUT') {
        const body = decodeObject(req, type, true);
        return respond(200, (await registry.update(namespace, name, body, parseWriteOptions(req.query), 'status')).object);
      }
      if (req.method === 'PATCH') {
        const patched = patchObject(req, registry.get(namespace, name), type);
        return respond(200, (await registry.update(namespace, name, patched, parseWriteOptions(req.query), 'status')).object);
      }
      throw errors.methodNotAllowed();
    }
    case 'binding': {
      if (req.method !== 'POST') throw errors.methodNotAllowed();
      const binding = decodeObject(req, { group: '', version: 'v1', kind: 'Binding' }, false);
      return respond(201, await bindPod(ctx.server, namespace ?? 'default', name, binding, parseWriteOptions(req.query)));
    }
    case 'eviction': {
      if (req.method !== 'POST') throw errors.methodNotAllowed();
      const eviction = isPlainObject(req.body) ? req.body : typeof req.body === 'string' ? safeJson(req.body) : {};
      return respond(201, await evictPod(ctx.server, namespace ?? 'default', name, eviction as Record<string, unknown>));
    }
    case 'log': {
      if (req.method !== 'GET') throw errors.methodNotAllowed();
      return podLogs(ctx, req, namespace ?? 'default', name, sink);
    }
    case 'finalize': {
      if (req.method !== 'PUT') throw errors.methodNotAllowed();
      return respond(200, await finalizeNamespace(registry, name, decodeObject(req, type, true)));
    }
    default:
      throw errors.notFoundPath();
  }
}

function watch(ctx: HandlerContext, req: ApiRequest, namespace: string | undefined, sink: StreamSink | undefined): ApiResponse {
  if (!sink) throw errors.badRequest('watch requests need a streaming client');
  const options = parseListOptions(req.query);
  const asTable = representation(req) === 'table';
  let first = true;
  let cancelled = false;
  const emit = (event: WatchEvent) => {
    if (cancelled) return;
    let object = event.object;
    if (asTable && (event.type === 'ADDED' || event.type === 'MODIFIED' || event.type === 'DELETED')) {
      object = toTable(req, ctx.registry.strategy.table, [event.object as KubeObject], undefined, ctx.server.clock.now(), first);
      first = false;
    }
    sink.data({ type: event.type, object });
  };
  let stopWatch: () => void;
  try {
    stopWatch = startWatch(ctx.registry, ctx.store, namespace, options, emit);
  } catch (error) {
    if (error instanceof Error && 'status' in error && (error as { status: Status }).status.code === 410) {
      sink.data({ type: 'ERROR', object: (error as { status: Status }).status });
      sink.end();
      return { status: 200, headers: JSON_HEADERS };
    }
    throw error;
  }
  const timers: { cancel(): void }[] = [];
  const id = ctx.openStream({
    cancel: () => {
      cancelled = true;
      stopWatch();
      for (const timer of timers) timer.cancel();
    },
  });
  const finish = () => {
    if (cancelled) return;
    cancelled = true;
    stopWatch();
    for (const timer of timers) timer.cancel();
    ctx.closeStream(id);
    sink.end();
  };
  if (options.timeoutSeconds !== undefined && options.timeoutSeconds > 0) {
    timers.push(ctx.server.clock.after(options.timeoutSeconds * 1000, finish));
  }
  if (options.allowWatchBookmarks) {
    const tick = () => {
      if (cancelled) return;
      sink.data({ type: 'BOOKMARK', object: { kind: ctx.registry.type.kind, apiVersion: groupVersion(ctx.registry.type), metadata: { resourceVersion: String(ctx.store.revision) } } });
      timers.push(ctx.server.clock.after(60_000, tick));
    };
    timers.push(ctx.server.clock.after(60_000, tick));
  }
  return { status: 200, headers: JSON_HEADERS, streamId: id };
}
