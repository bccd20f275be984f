// The API server: one HTTP-shaped entry point for every client (kubectl, controllers, scheduler,
// kubelets, the picture, lesson checks, the HTTP bridge). It routes a request to discovery, a
// non-resource path, or a resource verb, turns failures into Status responses, and keeps the
// streams (watches, followed logs, exec sessions) it has open.

import type { KubeObject } from '../api/meta';
import { isStatus } from '../api/meta';
import { findResource, RESOURCES } from '../api/scheme';
import type { ClusterClock } from '../cluster/clock';
import type { MvccStore } from '../store/mvcc-store';
import { ADMISSION_PLUGINS } from './admission/plugins';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, KUBERNETES_VERSION } from './discovery';
import { ApiError, errors } from './errors';
import type { KubeletConnector } from './kubelet-connector';
import { AdmissionChain } from './registry/admission';
import { ResourceRegistry } from './registry/resource-registry';
import type { RegistryLookup, StrategyContext } from './registry/strategy';
import type { ApiRequest, ApiResponse, ApiTransport, StreamSink } from './request';
import { parseRequestPath, type ResourceRequestInfo } from './request-info';
import { handleResource, type HandlerContext, type OpenStream } from './resource-handler';
import { STRATEGIES, validateNameFor } from './strategies';

export interface ApiServerOptions {
  clock: ClusterClock;
  store: MvccStore<KubeObject>;
  kubelets: KubeletConnector;
  /** What discovery reports as the server's address (the control-plane node's). */
  serverAddress?: string;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

export class ApiServer implements ApiTransport {
  private readonly registries = new Map<string, ResourceRegistry>();
  private readonly streams = new Map<number, OpenStream>();
  private readonly handlerContexts = new Map<ResourceRegistry, HandlerContext>();
  private nextStreamId = 1;
  /** The last whole second `context` formatted, and its text (writes mostly share a second). */
  private timestampSecond = Number.NaN;
  private timestampText = '';
  readonly lookup: RegistryLookup;

  constructor(private readonly options: ApiServerOptions) {
    const admission = new AdmissionChain(ADMISSION_PLUGINS);
    this.lookup = {
      get: (resource, group, namespace, name) => this.registries.get(`${group}/${resource}`)?.find(namespace, name),
      list: (resource, group, namespace) => {
        const registry = this.registries.get(`${group}/${resource}`);
        if (!registry) return [];
        return options.store.list(registry.collectionPrefix(namespace)).entries.map((e) => e.value);
      },
    };
    for (const strategy of STRATEGIES) {
      const registry = new ResourceRegistry(strategy, {
        store: options.store,
        context: () => this.context(),
        admission,
        validateName: validateNameFor(strategy.type.resource),
      });
      this.registries.set(`${strategy.type.group}/${strategy.type.resource}`, registry);
    }
  }

  get clock(): ClusterClock {
    return this.options.clock;
  }

  registry(group: string, resource: string): ResourceRegistry | undefined {
    return this.registries.get(`${group}/${resource}`);
  }

  context(): StrategyContext {
    const now = this.options.clock.now();
    const second = Math.floor(now / 1000);
    if (second !== this.timestampSecond) {
      this.timestampSecond = second;
      this.timestampText = this.options.clock.timestamp(now);
    }
    return { now, timestamp: this.timestampText, lookup: this.lookup };
  }

  request(req: ApiRequest): Promise<ApiResponse> {
    return this.handle(req, undefined);
  }

  stream(req: ApiRequest, sink: StreamSink): Promise<ApiResponse> {
    return this.handle(req, sink);
  }

  async streamInput(streamId: number, chunk: unknown): Promise<void> {
    await this.streams.get(streamId)?.input?.(chunk);
  }

  async cancel(streamId: number): Promise<void> {
    const stream = this.streams.get(streamId);
    if (!stream) return;
    this.streams.delete(streamId);
    stream.cancel();
  }

  /** How many streams are open (for tests that check nothing leaks). */
  get openStreams(): number {
    return this.streams.size;
  }

  private async handle(req: ApiRequest, sink: StreamSink | undefined): Promise<ApiResponse> {
    try {
      const info = parseRequestPath(req.path);
      if (info.kind === 'nonResource') return await this.nonResource(req);
      return await this.resource(req, info, sink);
    } catch (error) {
      return errorResponse(error);
    }
  }

  private async nonResource(req: ApiRequest): Promise<ApiResponse> {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw errors.notFoundPath();
    const path = req.path.replace(/\/+$/, '') || '/';
    if (path === '/openapi/v2' || path === '/openapi/v3' || path.startsWith('/openapi/v3/')) {
      const { serveOpenApi } = await import('./openapi/openapi-handler');
      return serveOpenApi(req, path);
    }
    switch (path) {
      case '/version':
        return ok(KUBERNETES_VERSION);
      case '/healthz':
      case '/livez':
      case '/readyz':
        return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
      case '/api':
        return ok(apiVersions(this.options.serverAddress ?? '172.18.0.2:6443'));
      case '/apis':
        return ok(apiGroupList());
      case '/':
        return ok({ paths: ['/api', '/api/v1', '/apis', ...RESOURCES.filter((r) => r.group).map((r) => `/apis/${r.group}/${r.version}`), '/healthz', '/livez', '/openapi/v2', '/openapi/v3', '/readyz', '/version'].filter((p, i, all) => all.indexOf(p) === i).sort() });
    }
    const apiV = /^\/api\/([^/]+)$/.exec(path);
    if (apiV) {
      const list = apiResourceList('', apiV[1]);
      if (list) return ok(list);
    }
    const group = /^\/apis\/([^/]+)$/.exec(path);
    if (group) {
      const doc = apiGroup(group[1]);
      if (doc) return ok(doc);
    }
    const groupVersion = /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
    if (groupVersion) {
      const list = apiResourceList(groupVersion[1], groupVersion[2]);
      if (list) return ok(list);
    }
    throw errors.notFoundPath();
  }

  /** What a resource's handlers work with; made once per resource. */
  private handlerContext(registry: ResourceRegistry): HandlerContext {
    let ctx = this.handlerContexts.get(registry);
    if (!ctx) {
      ctx = {
        server: this,
        registry,
        store: this.options.store,
        kubelets: this.options.kubelets,
        openStream: (stream) => {
          const id = this.nextStreamId++;
          this.streams.set(id, stream);
          return id;
        },
        closeStream: (id) => this.streams.delete(id),
      };
      this.handlerContexts.set(registry, ctx);
    }
    return ctx;
  }

  private async resource(req: ApiRequest, info: ResourceRequestInfo, sink: StreamSink | undefined): Promise<ApiResponse> {
    const type = findResource(info.group, info.version, info.resource);
    const registry = type && this.registries.get(`${type.group}/${type.resource}`);
    if (!type || !registry) throw errors.notFoundPath();
    if (info.subresource && !type.subresources.includes(info.subresource)) throw errors.notFoundPath();
    return handleResource(
      this.handlerContext(registry),
      req,
      info,
      sink,
    );
  }
}

function ok(body: unknown): ApiResponse {
  return { status: 200, headers: JSON_HEADERS, body };
}

export function errorResponse(error: unknown): ApiResponse {
  if (error instanceof ApiError) return { status: error.status.code, headers: JSON_HEADERS, body: error.status };
  if (isStatus(error)) return { status: error.code, headers: JSON_HEADERS, body: error };
  const message = error instanceof Error ? error.message : String(error);
  const status = errors.internal(message).status;
  return { status: 500, headers: JSON_HEADERS, body: status };
}
