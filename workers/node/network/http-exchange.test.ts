import { describe, expect, it } from 'vitest';
import { streamPair } from '../../runtime/host/stream-pair';
import { readResponse, serializeRequest } from './http-exchange';

const encoder = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A response arriving in the given chunks, then (when `close`) the end of the stream. */
function respond(chunks: string[], close: boolean, headRequest = false) {
  const [client, server] = streamPair({ address: '10.244.1.1', port: 40000 }, { address: '10.244.1.2', port: 80 });
  const reading = readResponse(client, { headRequest });
  for (const chunk of chunks) server.write(encoder.encode(chunk));
  if (close) server.end();
  return reading;
}

describe('readResponse', () => {
  it('reads a body by Content-Length even while the connection stays open', async () => {
    const response = await respond(['HTTP/1.1 200 OK\r\nContent-Len', 'gth: 5\r\nConnection: keep-alive\r\n\r\nhel', 'lo'], false);
    expect(response).toMatchObject({ version: 'HTTP/1.1', status: 200, reason: 'OK' });
    expect(response.headers).toEqual([['Content-Length', '5'], ['Connection', 'keep-alive']]);
    expect(text(response.body)).toBe('hello');
  });

  it('decodes a chunked body and reads to the end without a length', async () => {
    expect(text((await respond(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n', '2;x=y\r\nde\r\n0\r\n\r\n'], false)).body)).toBe('abcde');
    expect(text((await respond(['HTTP/1.0 404 Not Found\r\n\r\nmissing'], true)).body)).toBe('missing');
  });

  it('expects no body for HEAD, 204 and 304', async () => {
    expect((await respond(['HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n'], false, true)).body).toHaveLength(0);
    expect((await respond(['HTTP/1.1 204 No Content\r\n\r\n'], false)).status).toBe(204);
  });

  it("fails in Go's words when the server hangs up early or answers nonsense", async () => {
    await expect(respond([], true)).rejects.toThrow('EOF');
    await expect(respond(['HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc'], true)).rejects.toThrow('unexpected EOF');
    await expect(respond(['SSH-2.0-OpenSSH\r\n\r\n'], false)).rejects.toThrow('malformed HTTP response "SSH-2.0-OpenSSH"');
  });

  it('writes a request line and headers', () => {
    expect(text(serializeRequest({ method: 'GET', target: '/healthz', headers: [['Host', '10.244.1.2:8080'], ['User-Agent', 'kube-probe/1.32']] }))).toBe(
      'GET /healthz HTTP/1.1\r\nHost: 10.244.1.2:8080\r\nUser-Agent: kube-probe/1.32\r\n\r\n',
    );
  });
});
