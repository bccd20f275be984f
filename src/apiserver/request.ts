// The API server's wire shape, the same for every client: an HTTP-shaped request and response.
// In process and across MessagePorts, bodies are JSON values (objects, not text); the HTTP
// bridge turns them into bytes. Streaming responses (watch, log -f, exec) deliver chunks to a
// sink and are cancelled by id.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface ApiRequest {
  method: HttpMethod;
  /** Path without the query: `/api/v1/namespaces/default/pods`. */
  path: string;
  /** Query parameters; repeated parameters are arrays. */
  query?: Record<string, string | string[]>;
  /** Header names in lower case. */
  headers?: Record<string, string>;
  /** A parsed JSON value, or raw text (YAML, or a patch as sent). */
  body?: unknown;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** A JSON value (frozen when it comes from the store); absent for streams. */
  body?: unknown;
  /** Set when the response continues as a stream; pass it to `cancel`. */
  streamId?: number;
}

/** Where a streaming response sends its chunks: watch events, log text, exec frames. */
export interface StreamSink {
  data(chunk: unknown): void;
  end(): void;
}

/** What every client talks to: the API server in process, or a proxy to it in another thread. */
export interface ApiTransport {
  request(req: ApiRequest): Promise<ApiResponse>;
  /** A request whose response may be a stream (watch, follow, exec). */
  stream(req: ApiRequest, sink: StreamSink): Promise<ApiResponse>;
  /** Input for a bidirectional stream (exec stdin, terminal resize). */
  streamInput(streamId: number, chunk: unknown): Promise<void>;
  cancel(streamId: number): Promise<void>;
}

export function queryValue(query: ApiRequest['query'], name: string): string | undefined {
  const value = query?.[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

export function queryValues(query: ApiRequest['query'], name: string): string[] {
  const value = query?.[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
