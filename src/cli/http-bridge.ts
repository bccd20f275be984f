// The API server over HTTP for real tools (kubectl): turns each HTTP request into an
// ApiRequest, writes the response back (streams as chunked JSON lines or text), cancels streams
// when the client goes away, and answers anything malformed with a Status instead of failing.
// Exec and attach are served over WebSocket (exec-websocket.ts). Binds loopback unless told
// otherwise; a bearer token, when set, is required on every request.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorResponse } from '../apiserver/api-server';
import { errors } from '../apiserver/errors';
import type { ApiRequest, ApiResponse, ApiTransport, HttpMethod } from '../apiserver/request';
import { execUpgrades, isStreamPath } from './exec-websocket';

const MAX_BODY_BYTES = 3 * 1024 * 1024;
const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

export interface BridgeOptions {
  api: ApiTransport;
  host?: string;
  port?: number;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  token?: string;
}

export interface Bridge {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** The body as text, or as bytes when it is a Kubernetes protobuf message. */
function readBody(req: IncomingMessage): Promise<string | Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(errors.tooManyRequests('request body too large', 1));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const binary = (req.headers['content-type'] ?? '').startsWith('application/vnd.kubernetes.protobuf');
      resolve(binary ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.toString('utf8'));
    });
    req.on('error', reject);
  });
}

export function toApiRequest(req: IncomingMessage, body: string | Uint8Array): ApiRequest {
  const url = new URL(req.url ?? '/', 'http://bridge');
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[key.toLowerCase()] = value;
  const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
  if (!METHODS.has(method)) throw errors.methodNotAllowed();
  return { method, path: url.pathname, query, headers, body: body === '' || body.length === 0 ? undefined : body };
}

function writeJson(res: ServerResponse, response: ApiResponse): void {
  const contentType = response.headers['content-type'] ?? 'application/json';
  const body = typeof response.body === 'string' && !contentType.includes('json') ? response.body : JSON.stringify(response.body ?? null);
  const passed = Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== 'content-type'));
  res.writeHead(response.status, { 'Cache-Control': 'no-cache, private', ...passed, 'Content-Type': contentType });
  res.end(body);
}

async function handle(api: ApiTransport, token: string | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    if (token && req.headers.authorization !== `Bearer ${token}`) {
      writeJson(res, errorResponse(errors.unauthorized()));
      return;
    }
    const request = toApiRequest(req, await readBody(req));
    if (isStreamPath(request.path)) throw errors.badRequest('Upgrade request required');
    let streaming = false;
    let ended = false;
    const response = await api.stream(request, {
      data: (chunk) => {
        if (ended) return;
        if (!streaming) {
          streaming = true;
          const textual = typeof chunk === 'string';
          res.writeHead(200, { 'Content-Type': textual ? 'text/plain' : 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
        }
        res.write(typeof chunk === 'string' ? chunk : `${JSON.stringify(chunk)}\n`);
      },
      end: () => {
        ended = true;
        if (!streaming) {
          res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
        }
        res.end();
      },
    });
    if (response.streamId !== undefined) {
      const id = response.streamId;
      if (!streaming && !ended) {
        streaming = true;
        res.writeHead(response.status, { 'Content-Type': response.headers['content-type'] ?? 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
        res.flushHeaders();
      }
      res.on('close', () => void api.cancel(id));
      return;
    }
    if (!streaming && !ended) writeJson(res, response);
  } catch (error) {
    if (!res.headersSent) writeJson(res, errorResponse(error));
    else res.end();
  }
}

/** Serves the API over HTTP until closed. */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const server = createServer((req, res) => void handle(options.api, options.token, req, res));
  const upgrades = execUpgrades(options.api, options.token);
  server.on('upgrade', (req, socket, head) => upgrades.handleUpgrade(req, socket, head));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        upgrades.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
