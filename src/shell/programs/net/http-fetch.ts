// One HTTP request from the terminal, as if from the control-plane node: the URL's host is
// resolved with cluster DNS from the shell's namespace, the connection goes through the node's
// kube-proxy, and the whole exchange is bounded by a timeout on the cluster clock and Ctrl+C.
// curl and wget print its stages in their own words.

import type { ClusterClock } from '../../../cluster/clock';
import type { HostNetwork } from '../../../cluster/cluster-network';
import type { CancelSignal } from '../../../kubectl/context';
import { HttpProtocolError, readResponse, serializeRequest, type HttpRequest, type HttpResponse } from '../../../../workers/node/network/http-exchange';

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  /** Whether the URL named the port. */
  explicitPort: boolean;
  /** Path and query: `/`, `/echo?msg=hi`. */
  target: string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/** Reads `http://host[:port][/path]` (the scheme defaults to http); undefined when malformed. */
export function parseUrl(text: string): ParsedUrl | undefined {
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#\s]+)(?::(\d*))?([/?][^#\s]*)?(?:#.*)?$/.exec(text);
  if (!match) return undefined;
  const scheme = (match[1] ?? 'http').toLowerCase();
  const port = match[3] ? Number(match[3]) : (DEFAULT_PORTS[scheme] ?? 0);
  if (port <= 0 || port > 65535) return undefined;
  const target = match[4] ? (match[4].startsWith('?') ? `/${match[4]}` : match[4]) : '/';
  return { scheme, host: match[2].toLowerCase(), port, explicitPort: Boolean(match[3]), target };
}

export type FetchFailure =
  | { stage: 'resolve' }
  | { stage: 'connect'; ip: string; errno: string }
  | { stage: 'timeout'; received: number }
  | { stage: 'protocol'; ip: string; message: string }
  | { stage: 'cancelled' };

export interface FetchRequest {
  url: ParsedUrl;
  method: string;
  headers: [string, string][];
  /** Milliseconds of cluster time for the whole exchange, if bounded. */
  timeoutMs?: number;
  /** Called once connected (curl -v prints "Connected to …"). */
  onConnected?(ip: string): void;
  /** Called when the status line and headers have arrived. */
  onHead?(head: Omit<HttpResponse, 'body'>): void;
}

export interface FetchContext {
  network: HostNetwork;
  namespace: string;
  clock: ClusterClock;
  signal: CancelSignal;
}

/** Resolves, connects and exchanges; never throws. */
export async function httpFetch(request: FetchRequest, context: FetchContext): Promise<{ response: HttpResponse; ip: string } | FetchFailure> {
  return new Promise((settle) => {
    let done = false;
    const finish = (outcome: { response: HttpResponse; ip: string } | FetchFailure) => {
      if (done) return;
      done = true;
      timer?.cancel();
      settle(outcome);
    };
    const timer = request.timeoutMs !== undefined ? context.clock.after(request.timeoutMs, () => finish({ stage: 'timeout', received: 0 })) : undefined;
    context.signal.onCancel(() => finish({ stage: 'cancelled' }));
    void exchange(request, context, finish, () => done);
  });
}

async function exchange(
  request: FetchRequest,
  context: FetchContext,
  finish: (outcome: { response: HttpResponse; ip: string } | FetchFailure) => void,
  finished: () => boolean,
): Promise<void> {
  const addresses = await context.network.resolve(request.url.host, context.namespace);
  if (addresses.length === 0) return finish({ stage: 'resolve' });
  const ip = addresses[0];
  let stream;
  try {
    stream = await context.network.connect(ip, request.url.port);
  } catch (error) {
    return finish({ stage: 'connect', ip, errno: error instanceof Error ? error.message : String(error) });
  }
  if (finished()) {
    stream.close();
    return;
  }
  request.onConnected?.(ip);
  const httpRequest: HttpRequest = { method: request.method, target: request.url.target, headers: request.headers };
  const reading = readResponse(stream, { headRequest: request.method === 'HEAD', onHead: (head) => request.onHead?.(head) });
  stream.write(serializeRequest(httpRequest));
  try {
    const response = await reading;
    finish({ response, ip });
  } catch (error) {
    finish({ stage: 'protocol', ip, message: error instanceof HttpProtocolError ? error.message : String(error) });
  } finally {
    stream.close();
  }
}
