import { describe, expect, it } from 'vitest';
import { ClusterClock } from '../../cluster/clock';
import type { HostNetwork } from '../../cluster/cluster-network';
import { NetworkError } from '../../cluster/cluster-network';
import { streamPair } from '../../../workers/runtime/host/stream-pair';
import type { NetworkStream } from '../../../workers/runtime/runtime-api';
import type { ProgramIO, ShellContext } from '../program';
import { fixedInput } from '../text-stream';
import { VirtualFs } from '../virtual-fs';
import { curlProgram } from './curl-program';
import { wgetProgram } from './wget-program';

/** A network where `web` is 10.96.0.5 and the server at it answers with `reply` (hanging up on an empty one), or never. */
function network(reply: ((request: string) => string | Uint8Array) | 'silent' | 'refuse'): HostNetwork {
  return {
    address: '172.18.0.2',
    resolve: async (name) => (name === 'web' ? ['10.96.0.5'] : []),
    connect: async (ip, port): Promise<NetworkStream> => {
      if (reply === 'refuse') throw new NetworkError('ECONNREFUSED');
      const [client, server] = streamPair({ address: '172.18.0.2', port: 40001 }, { address: ip, port });
      let request = '';
      server.onData((data) => {
        request += new TextDecoder().decode(data);
        if (reply === 'silent' || !request.endsWith('\r\n\r\n')) return;
        const answer = reply(request);
        if (answer.length === 0) server.end();
        else server.write(typeof answer === 'string' ? new TextEncoder().encode(answer) : answer);
      });
      return client;
    },
  };
}

async function run(program: typeof curlProgram, argv: string[], net: HostNetwork, clock = ClusterClock.manual()) {
  let stdout = '';
  let stderr = '';
  const files = new VirtualFs();
  const io: ProgramIO = {
    argv,
    stdin: fixedInput(''),
    stdinIsTerminal: false,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    signal: { cancelled: false, onCancel: () => undefined },
    shell: { files, clock, env: {}, network: net } as unknown as ShellContext,
  };
  const code = await program(io);
  return { code, stdout, stderr, files };
}

const ok = (body: string) => () => `HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`;

describe('curl', () => {
  it('prints the body, and sends curl’s request', async () => {
    let seen = '';
    const result = await run(curlProgram, ['curl', 'http://web/hello?x=1'], network((request) => ((seen = request), ok('hi\n')())));
    expect(result).toMatchObject({ code: 0, stdout: 'hi\n', stderr: '' });
    expect(seen).toBe('GET /hello?x=1 HTTP/1.1\r\nHost: web\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n');
  });

  it('exits with curl’s codes: 6 unresolved, 7 refused, 52 empty reply, 2 usage', async () => {
    expect(await run(curlProgram, ['curl', 'http://nope'], network(ok('')))).toMatchObject({ code: 6, stderr: 'curl: (6) Could not resolve host: nope\n' });
    expect(await run(curlProgram, ['curl', '-s', 'web:8080'], network('refuse'))).toMatchObject({ code: 7, stderr: '' });
    expect(await run(curlProgram, ['curl', 'http://web'], network(() => ''))).toMatchObject({ code: 52, stderr: 'curl: (52) Empty reply from server\n' });
    expect((await run(curlProgram, ['curl', '-z', 'http://web'], network(ok('')))).code).toBe(2);
    expect(await run(curlProgram, ['curl'], network(ok('')))).toMatchObject({ code: 2, stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
  });

  it('gives up after --max-time on the cluster clock', async () => {
    const clock = ClusterClock.manual();
    const running = run(curlProgram, ['curl', '--max-time', '2', 'http://web'], network('silent'), clock);
    await clock.advance(2000);
    expect(await running).toMatchObject({ code: 28, stderr: 'curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received\n' });
  });

  it('saves binary bodies with -o as bytes', async () => {
    const head = new TextEncoder().encode('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n');
    const result = await run(curlProgram, ['curl', '-s', '-o', 'blob.bin', 'http://web'], network(() => Uint8Array.from([...head, 0xff, 0xfe])));
    expect(result.code).toBe(0);
    expect(result.files.readBinary('blob.bin')).toEqual(Uint8Array.from([0xff, 0xfe]));
  });
});

describe('wget', () => {
  it('writes to stdout with -qO- and reports HTTP errors as busybox does', async () => {
    expect(await run(wgetProgram, ['wget', '-qO-', 'http://web'], network(ok('hostname-1')))).toMatchObject({ code: 0, stdout: 'hostname-1', stderr: '' });
    const failed = await run(wgetProgram, ['wget', 'http://web/x'], network(() => 'HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n'));
    expect(failed).toMatchObject({ code: 1, stderr: 'Connecting to web (10.96.0.5:80)\nwget: server returned error: HTTP/1.1 500 Internal Server Error\n' });
  });

  it('saves to the file named by the URL, with its progress line', async () => {
    const saved = await run(wgetProgram, ['wget', 'http://web/page.html'], network(ok('<p>hi</p>')));
    expect(saved.stderr).toBe("Connecting to web (10.96.0.5:80)\nsaving to 'page.html'\npage.html            100% |********************************|     9  0:00:00 ETA\n'page.html' saved\n");
    expect(saved.files.read('page.html')).toBe('<p>hi</p>');
  });
});
