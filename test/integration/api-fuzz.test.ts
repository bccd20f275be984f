// The property test through the HTTP bridge: random requests, including what only arrives over
// HTTP (unknown methods, malformed URLs and percent-encoding, oversized bodies, raw bytes), each
// answered with a status and, for errors, a JSON Status; the server keeps serving throughout.

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src/cli/http-bridge';
import { startTestApi, type TestApi } from '../support/api-server';
import { Fuzzer, random, randomRequest } from '../support/fuzz-requests';

interface Reply {
  status: number;
  contentType: string;
  body: string;
}

function send(base: URL, method: string, path: string, headers: Record<string, string>, body: Uint8Array | string | undefined): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: base.hostname, port: base.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      const streaming = (res.headers['transfer-encoding'] ?? '') === 'chunked' && (res.statusCode ?? 0) < 400;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (streaming) req.destroy();
      });
      const done = () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
      res.on('end', done);
      res.on('close', done);
      if (streaming) setTimeout(() => req.destroy(), 50);
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve({ status: 0, contentType: '', body: '' }) : reject(error)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function queryString(query: Record<string, string | string[]> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  const text = params.toString();
  return text ? `?${text}` : '';
}

describe('the HTTP bridge under random requests', () => {
  let t: TestApi;
  let bridge: Bridge;
  let base: URL;
  beforeAll(async () => {
    t = await startTestApi();
    bridge = await startBridge({ api: t.server });
    base = new URL(bridge.url);
  });
  afterAll(async () => {
    await bridge?.close();
  });

  it('answers every request with a status and a Status body for errors', async () => {
    const fuzzer = new Fuzzer(random(7));
    const odd = ['/api/v1/namespaces/%E0%A4%A/pods', '/api/v1/namespaces/default/pods/' + 'x'.repeat(5000), '/api/v1/%', '/apis/apps/v1/../../../../etc/passwd', '/?a=%zz'];
    for (let i = 0; i < 400; i++) {
      const generated = randomRequest(fuzzer);
      const method = fuzzer.chance(0.05) ? fuzzer.pick(['BREW', 'TRACE', 'CONNECT']) : generated.method;
      const path = fuzzer.chance(0.05) ? fuzzer.pick(odd) : `${generated.path.split('/').map(encodeURIComponent).join('/')}${queryString(generated.query)}`;
      let body = generated.body instanceof Uint8Array || typeof generated.body === 'string' ? generated.body : generated.body === undefined ? undefined : JSON.stringify(generated.body);
      if (fuzzer.chance(0.01)) body = 'x'.repeat(4 * 1024 * 1024);
      const reply = await send(base, method, path, generated.headers ?? {}, body);
      const where = `request ${i}: ${method} ${path.slice(0, 120)}`;
      if (reply.status === 0) continue;
      expect(reply.status, where).toBeGreaterThanOrEqual(200);
      expect(reply.status, `${where} → ${reply.body.slice(0, 300)}`).not.toBe(500);
      if (reply.status >= 400 && method !== 'HEAD' && reply.contentType.includes('json')) {
        const status = JSON.parse(reply.body) as { kind: string; code: number };
        expect(status.kind, where).toBe('Status');
        expect(status.code, where).toBe(reply.status);
      }
    }
    const version = await send(base, 'GET', '/version', {}, undefined);
    expect(JSON.parse(version.body)).toMatchObject({ gitVersion: 'v1.32.2' });
  });
});
