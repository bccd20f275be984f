// A typed REST client over any ApiTransport (the API server in process, or a proxy to it from
// a worker): get, list, create, update, patch, delete and watch by resource, with failures
// raised as StatusError carrying the server's Status.

import type { KubeList, KubeObject, Status } from '../api/meta';
import { isStatus } from '../api/meta';
import { resourcePath, type ResourceType } from '../api/scheme';
import type { ApiRequest, ApiResponse, ApiTransport } from '../apiserver/request';

export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? `request failed with code ${status.code}`);
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): string {
    return this.status.reason ?? '';
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof StatusError && error.code === 404;
}

export function isConflict(error: unknown): boolean {
  return error instanceof StatusError && error.code === 409 && error.reason === 'Conflict';
}

export function isAlreadyExists(error: unknown): boolean {
  return error instanceof StatusError && error.reason === 'AlreadyExists';
}

export interface ListParams {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
}

export interface WatchEventOf<T> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

export interface WatchHandle {
  stop(): void;
  /** Resolves when the server ends the watch (timeout, 410, cancel). */
  readonly ended: Promise<void>;
}

export type PatchType = 'merge' | 'json' | 'strategic';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

/** client-go refuses a request for a named object with an empty name (it would address the whole collection). */
function named(name: string): string {
  if (name === '') throw new Error('resource name may not be empty');
  return name;
}

function toQuery(params: Record<string, string | number | boolean | undefined>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query[key] = String(value);
  return query;
}

/**
 * The texts of a Warning header (`299 - "text", 299 - "other"`), as client-go's warning
 * handler reads them.
 */
export function warningTexts(header: string): string[] {
  const texts: string[] = [];
  for (const match of header.matchAll(/\d{3} \S+ ("(?:[^"\\]|\\.)*")/g)) {
    try {
      texts.push(JSON.parse(match[1]) as string);
    } catch {
      texts.push(match[1].slice(1, -1));
    }
  }
  return texts;
}

export class ApiClient {
  constructor(
    readonly transport: ApiTransport,
    private readonly userAgent = 'kubetab',
    private readonly onWarning?: (text: string) => void,
  ) {}

  /** The same client, telling `onWarning` each warning the server sends back. */
  withWarnings(onWarning: (text: string) => void): ApiClient {
    return new ApiClient(this.transport, this.userAgent, onWarning);
  }

  /** Sends a request and returns the body, or throws StatusError. */
  async send<T = unknown>(req: ApiRequest): Promise<T> {
    const response = await this.transport.request({ ...req, headers: { 'user-agent': this.userAgent, ...req.headers } });
    const warning = response.headers.warning;
    if (this.onWarning && warning) for (const text of warningTexts(warning)) this.onWarning(text);
    return unwrap<T>(response);
  }

  async get<T extends KubeObject = KubeObject>(type: ResourceType, namespace: string | undefined, name: string): Promise<T> {
    return this.send<T>({ method: 'GET', path: resourcePath(type, namespace, named(name)) });
  }

  list<T extends KubeObject = KubeObject>(type: ResourceType, namespace?: string, params: ListParams = {}): Promise<KubeList<T>> {
    return this.send<KubeList<T>>({ method: 'GET', path: resourcePath(type, namespace), query: toQuery({ ...params }) });
  }

  async create<T extends KubeObject = KubeObject>(type: ResourceType, namespace: string | undefined, object: KubeObject, subresource?: string): Promise<T> {
    const path = subresource ? resourcePath(type, namespace, named(object.metadata.name ?? ''), subresource) : resourcePath(type, namespace);
    return this.send<T>({ method: 'POST', path, body: object, headers: { 'content-type': 'application/json' } });
  }

  async update<T extends KubeObject = KubeObject>(type: ResourceType, object: KubeObject, subresource?: string): Promise<T> {
    return this.send<T>({
      method: 'PUT',
      path: resourcePath(type, object.metadata.namespace, named(object.metadata.name ?? ''), subresource),
      body: object,
      headers: { 'content-type': 'application/json' },
    });
  }

  updateStatus<T extends KubeObject = KubeObject>(type: ResourceType, object: KubeObject): Promise<T> {
    return this.update<T>(type, object, 'status');
  }

  async patch<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    patchType: PatchType = 'merge',
    subresource?: string,
  ): Promise<T> {
    return this.send<T>({
      method: 'PATCH',
      path: resourcePath(type, namespace, named(name), subresource),
      body: patch,
      headers: { 'content-type': PATCH_CONTENT_TYPES[patchType] },
    });
  }

  async delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    options: { gracePeriodSeconds?: number; propagationPolicy?: string; preconditions?: { uid?: string; resourceVersion?: string } } = {},
  ): Promise<unknown> {
    return this.send({
      method: 'DELETE',
      path: resourcePath(type, namespace, named(name)),
      body: { kind: 'DeleteOptions', apiVersion: 'v1', ...options },
      headers: { 'content-type': 'application/json' },
    });
  }

  /** Watches a collection; events arrive in order on `onEvent`. */
  async watch<T extends KubeObject = KubeObject>(
    type: ResourceType,
    namespace: string | undefined,
    params: ListParams & { allowWatchBookmarks?: boolean; timeoutSeconds?: number },
    onEvent: (event: WatchEventOf<T>) => void,
  ): Promise<WatchHandle> {
    let resolveEnded!: () => void;
    const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
    let stopped = false;
    const response = await this.transport.stream(
      { method: 'GET', path: resourcePath(type, namespace), query: toQuery({ ...params, watch: 'true' }), headers: { 'user-agent': this.userAgent } },
      {
        data: (chunk) => {
          if (!stopped) onEvent(chunk as WatchEventOf<T>);
        },
        end: () => resolveEnded(),
      },
    );
    if (response.status >= 400) throw new StatusError(asStatus(response));
    const streamId = response.streamId;
    if (streamId === undefined) resolveEnded();
    return {
      stop: () => {
        if (stopped) return;
        stopped = true;
        if (streamId !== undefined) void this.transport.cancel(streamId);
        resolveEnded();
      },
      ended,
    };
  }
}

function asStatus(response: ApiResponse): Status {
  if (isStatus(response.body)) return response.body;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: response.status, message: String(response.body ?? '') };
}

export function unwrap<T>(response: ApiResponse): T {
  if (response.status >= 400) throw new StatusError(asStatus(response));
  return response.body as T;
}
