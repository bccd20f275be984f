// An httpGet handler as the kubelet's Go HTTP client performs it, for probes and lifecycle
// hooks: `GET http://<host or pod IP>:<port><path>` with the handler's headers, User-Agent
// `kube-probe/1.32` (or `kube-lifecycle/1.32`), no keep-alive, redirects followed on the same
// host (at most 10), the whole exchange bounded by a timeout on the cluster clock. Failures
// carry Go's error text. Upstream: pkg/probe/http (request.go, http.go).

import type { HTTPGetAction } from '../../../../src/api/core';
import { headerValue, HttpProtocolError, readResponse, serializeRequest, type HttpResponse } from '../../network/http-exchange';
import { dialError, resolveContainerPort, type ActionDeps, type ActionTarget } from './action-target';

const KUBE_MINOR_VERSION = '1.32';
const MAX_REDIRECTS = 10;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export type HttpGetOutcome = { kind: 'response'; response: HttpResponse } | { kind: 'error'; message: string };

interface Location {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

function urlText(location: Location): string {
  return `${location.scheme}://${location.host}:${location.port}${location.path}`;
}

/** The next location after a redirect, or undefined when it leaves the host. */
function redirected(from: Location, header: string): Location | undefined {
  const absolute = /^(https?):\/\/([^/:]+)(?::(\d+))?(\/.*)?$/i.exec(header);
  if (!absolute) return { ...from, path: header.startsWith('/') ? header : `${from.path.replace(/[^/]*$/, '')}${header}` };
  const host = absolute[2].toLowerCase();
  if (host !== from.host) return undefined;
  const scheme = absolute[1].toLowerCase();
  return { scheme, host, port: absolute[3] ? Number(absolute[3]) : scheme === 'https' ? 443 : 80, path: absolute[4] ?? '/' };
}

async function exchangeOnce(location: Location, headers: [string, string][], deps: ActionDeps): Promise<HttpResponse | string> {
  if (!IPV4.test(location.host)) return `dial tcp: lookup ${location.host}: no such host`;
  let stream;
  try {
    stream = await deps.connect(location.host, location.port);
  } catch (errno) {
    return dialError(location.host, location.port, errno);
  }
  try {
    if (location.scheme === 'https') return 'http: server gave HTTP response to HTTPS client';
    const reading = readResponse(stream, { headRequest: false });
    const hostHeader = headerValue(headers, 'Host') ?? `${location.host}:${location.port}`;
    const rest = headers.filter(([name]) => name.toLowerCase() !== 'host');
    stream.write(serializeRequest({ method: 'GET', target: location.path || '/', headers: [['Host', hostHeader], ...rest, ['Connection', 'close']] }));
    return await reading;
  } catch (error) {
    if (error instanceof HttpProtocolError) return error.message === 'EOF' || error.message === 'unexpected EOF' ? error.message : `net/http: HTTP/1.x transport connection broken: ${error.message}`;
    throw error;
  } finally {
    stream.close();
  }
}

/**
 * Performs the handler's GET. Throws (with Go's message) when its port cannot be resolved;
 * otherwise resolves with the final response or the client's error text.
 */
export async function httpGet(action: HTTPGetAction, target: ActionTarget, deps: ActionDeps, agent: 'probe' | 'lifecycle', timeoutMs?: number): Promise<HttpGetOutcome> {
  const port = resolveContainerPort(action.port, target.container);
  let location: Location = { scheme: (action.scheme ?? 'HTTP').toLowerCase(), host: action.host || target.podIP, port, path: action.path ?? '' };
  const headers: [string, string][] = (action.httpHeaders ?? []).map((h) => [h.name, h.value]);
  if (!headerValue(headers, 'User-Agent')) headers.push(['User-Agent', `kube-${agent}/${KUBE_MINOR_VERSION}`]);
  if (!headerValue(headers, 'Accept')) headers.push(['Accept', '*/*']);
  const firstUrl = urlText(location);
  const run = async (): Promise<HttpGetOutcome> => {
    for (let redirects = 0; ; redirects++) {
      const result = await exchangeOnce(location, headers, deps);
      if (typeof result === 'string') return { kind: 'error', message: `Get "${urlText(location)}": ${result}` };
      const next = result.status >= 300 && result.status < 400 ? headerValue(result.headers, 'Location') : undefined;
      const followed = next !== undefined ? redirected(location, next) : undefined;
      if (!followed) return { kind: 'response', response: result };
      if (redirects + 1 >= MAX_REDIRECTS) return { kind: 'error', message: `Get "${urlText(followed)}": stopped after ${MAX_REDIRECTS} redirects` };
      location = followed;
    }
  };
  if (timeoutMs === undefined) return run();
  return new Promise((resolve) => {
    const timer = deps.clock.after(timeoutMs, () => resolve({ kind: 'error', message: `Get "${firstUrl}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` }));
    void run().then(
      (outcome) => {
        timer.cancel();
        resolve(outcome);
      },
      (error: unknown) => {
        timer.cancel();
        resolve({ kind: 'error', message: `Get "${firstUrl}": ${error instanceof Error ? error.message : String(error)}` });
      },
    );
  });
}
