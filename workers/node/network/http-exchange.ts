// One HTTP/1.1 exchange over a network stream, as the node's and the terminal's clients make
// them (probes, lifecycle hooks, curl, wget): a request goes out, and the response is read by
// its framing (no body for HEAD, 1xx, 204 and 304; Content-Length; chunked; or until the server
// closes the connection).

import type { NetworkStream } from '../../runtime/runtime-api';

export interface HttpRequest {
  method: string;
  /** The request target: `/`, `/healthz?full=1`. */
  target: string;
  /** Header lines in order, as sent. */
  headers: [string, string][];
}

export interface HttpResponse {
  /** `HTTP/1.1` */
  version: string;
  status: number;
  reason: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** The response ended early or was not HTTP; `message` is Go's net/http wording (`EOF`, `unexpected EOF`). */
export class HttpProtocolError extends Error {}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function serializeRequest(request: HttpRequest): Uint8Array {
  const lines = [`${request.method} ${request.target} HTTP/1.1`, ...request.headers.map(([name, value]) => `${name}: ${value}`)];
  return encoder.encode(`${lines.join('\r\n')}\r\n\r\n`);
}

export function headerValue(headers: readonly [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([key]) => key.toLowerCase() === lower)?.[1];
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function indexOfBlankLine(bytes: Uint8Array): number {
  for (let i = 0; i + 3 < bytes.length; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10) return i;
  }
  return -1;
}

function parseHead(text: string): Omit<HttpResponse, 'body'> {
  const [statusLine, ...lines] = text.split('\r\n');
  const match = /^(HTTP\/\d\.\d) (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!match) throw new HttpProtocolError(`malformed HTTP response "${statusLine}"`);
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new HttpProtocolError(`malformed MIME header line: ${line}`);
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { version: match[1], status: Number(match[2]), reason: match[3] ?? '', headers };
}

/** Decodes a complete chunked body; undefined while more bytes are needed. */
function dechunk(bytes: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    let lineEnd = -1;
    for (let i = offset; i + 1 < bytes.length; i++) {
      if (bytes[i] === 13 && bytes[i + 1] === 10) {
        lineEnd = i;
        break;
      }
    }
    if (lineEnd < 0) return undefined;
    const size = parseInt(decoder.decode(bytes.subarray(offset, lineEnd)).split(';')[0], 16);
    if (Number.isNaN(size)) throw new HttpProtocolError('malformed chunked encoding');
    const start = lineEnd + 2;
    if (size === 0) return concat(parts);
    if (bytes.length < start + size + 2) return undefined;
    parts.push(bytes.subarray(start, start + size));
    offset = start + size + 2;
  }
}

function hasNoBody(status: number, headRequest: boolean): boolean {
  return headRequest || (status >= 100 && status < 200) || status === 204 || status === 304;
}

/**
 * Reads one response from `stream`. `onHead` sees the status line and headers as soon as they
 * arrive (curl -v prints them before the body). Rejects with HttpProtocolError when the
 * connection ends before a whole response.
 */
export function readResponse(stream: NetworkStream, options: { headRequest: boolean; onHead?: (head: Omit<HttpResponse, 'body'>) => void }): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const received: Uint8Array[] = [];
    let head: Omit<HttpResponse, 'body'> | undefined;
    let bodyStart = 0;
    let settled = false;
    const finish = (body: Uint8Array) => {
      settled = true;
      resolve({ ...(head as Omit<HttpResponse, 'body'>), body });
    };
    const fail = (error: Error) => {
      settled = true;
      reject(error);
    };
    const tryComplete = (ended: boolean): void => {
      const bytes = concat(received);
      if (!head) {
        const blank = indexOfBlankLine(bytes);
        if (blank < 0) {
          if (ended) fail(new HttpProtocolError(bytes.length === 0 ? 'EOF' : 'unexpected EOF'));
          return;
        }
        head = parseHead(decoder.decode(bytes.subarray(0, blank)));
        bodyStart = blank + 4;
        options.onHead?.(head);
      }
      const body = bytes.subarray(bodyStart);
      if (hasNoBody(head.status, options.headRequest)) return finish(new Uint8Array(0));
      const length = headerValue(head.headers, 'Content-Length');
      if (/^chunked$/i.test(headerValue(head.headers, 'Transfer-Encoding') ?? '')) {
        const decoded = dechunk(body);
        if (decoded) finish(decoded.slice());
        else if (ended) fail(new HttpProtocolError('unexpected EOF'));
        return;
      }
      if (length !== undefined) {
        const wanted = Number(length);
        if (body.length >= wanted) finish(body.slice(0, wanted));
        else if (ended) fail(new HttpProtocolError('unexpected EOF'));
        return;
      }
      if (ended) finish(body.slice());
    };
    stream.onData((chunk) => {
      if (settled) return;
      if (chunk.length > 0) received.push(chunk);
      try {
        tryComplete(chunk.length === 0);
      } catch (error) {
        fail(error instanceof Error ? error : new HttpProtocolError(String(error)));
      }
    });
  });
}
