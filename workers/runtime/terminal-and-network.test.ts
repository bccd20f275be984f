// Interactive processes and pod networking: the tty line discipline of `kubectl exec -it`,
// plain stdin, localhost connections between two containers of a pod, probes from the node,
// connections from other nodes, and the errors a program sees.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageContent, NetworkStream } from './runtime-api';
import { CollectedOutput, containerConfig, imageOf, startRuntime, testFabric, toolbox, waitUntil, type Harness } from './test-support/entry-node-harness';
import { streamPair } from './host/stream-pair';

let harness: Harness;
let image: ImageContent;
beforeAll(async () => {
  harness = await startRuntime({ fabric: testFabric({ 'web.default.svc.cluster.local': ['10.96.0.10'], web: ['10.96.0.10'] }) });
  image = await imageOf({ toolbox: await toolbox(true) });
}, 60_000);
afterAll(() => harness.runtime.shutdown());

async function idleContainer() {
  const sandbox = await harness.sandbox();
  const output = new CollectedOutput();
  const container = await sandbox.startContainer(containerConfig(image, ['toolbox', 'idle']), output.sink);
  await output.waitFor('idling');
  return { sandbox, container };
}

describe('terminal', () => {
  it('echoes keys, erases with backspace, delivers lines on Enter, and ends input on Ctrl+D', async () => {
    const { container } = await idleContainer();
    const output = new CollectedOutput();
    const shell = await container.exec({ argv: ['toolbox', 'stdin'], stdin: true, tty: true }, output.sink);
    shell.writeStdin('ab');
    shell.writeStdin('\x7fc\r');
    await output.waitFor('got:ac\r\n');
    shell.writeStdin('\x04');
    expect(await shell.exited).toMatchObject({ exitCode: 0 });
    expect(output.stdout).toBe('ab\b \bc\r\ngot:ac\r\neof\r\n');
    expect(output.stderr).toBe('');
  });

  it('turns Ctrl+C into SIGINT for the process', async () => {
    const { container } = await idleContainer();
    const output = new CollectedOutput();
    const shell = await container.exec({ argv: ['toolbox', 'stdin'], stdin: true, tty: true }, output.sink);
    shell.writeStdin('partial\x03');
    expect(await shell.exited).toMatchObject({ exitCode: 130, signal: 2 });
    expect(output.stdout).toBe('partial^C\r\n');
  });

  it('without a tty, stdin passes through raw and closing it is end-of-file', async () => {
    const { container } = await idleContainer();
    const output = new CollectedOutput();
    const cat = await container.exec({ argv: ['toolbox', 'stdin'], stdin: true, tty: false }, output.sink);
    cat.writeStdin('one\ntwo\n');
    await output.waitFor('got:one\ntwo\n');
    cat.closeStdin();
    expect((await cat.exited).exitCode).toBe(0);
    expect(output.stdout).toBe('got:one\ntwo\neof\n');
  });

  it('a process without stdin reads end-of-file at once', async () => {
    const { container } = await idleContainer();
    const output = new CollectedOutput();
    await (await container.exec({ argv: ['toolbox', 'stdin'], stdin: false, tty: false }, output.sink)).exited;
    expect(output.stdout).toBe('eof\n');
  });
});

describe('pod networking', () => {
  it('connects one container to another over localhost without the fabric', async () => {
    const sandbox = await harness.sandbox();
    const server = new CollectedOutput();
    const serverContainer = await sandbox.startContainer(containerConfig(image, ['toolbox', 'serve', '8080']), server.sink);
    await server.waitFor('listening');
    const client = new CollectedOutput();
    const clientContainer = await sandbox.startContainer(containerConfig(image, ['toolbox', 'ping', 'localhost', '8080', 'hello']), client.sink);
    expect((await clientContainer.exited).exitCode).toBe(0);
    expect(client.stdout).toBe('reply pong:hello\n');
    await server.waitFor('served 127.0.0.1:');
    const byPodIP = new CollectedOutput();
    await (await sandbox.startContainer(containerConfig(image, ['toolbox', 'ping', sandbox.config.podIP, '8080', 'again']), byPodIP.sink)).exited;
    expect(byPodIP.stdout).toBe('reply pong:again\n');
    const taken = new CollectedOutput();
    await (await sandbox.startContainer(containerConfig(image, ['toolbox', 'serve', '8080']), taken.sink)).exited;
    expect(taken.stdout).toBe('listen: errno 3\n');
    serverContainer.signal('SIGKILL');
    await serverContainer.exited;
  });

  it('lets the node probe a pod port and deliver connections from other nodes', async () => {
    const sandbox = await harness.sandbox();
    const server = new CollectedOutput();
    const serverContainer = await sandbox.startContainer(containerConfig(image, ['toolbox', 'serve', '9000']), server.sink);
    await server.waitFor('listening');
    const probe = await harness.runtime.connect(sandbox.config.podIP, 9000);
    expect(await exchange(probe, 'probe')).toBe('pong:probe');
    await expect(harness.runtime.connect(sandbox.config.podIP, 9001)).rejects.toMatchObject({ errno: 'ECONNREFUSED' });

    const [remote, delivered] = streamPair({ address: '10.244.2.7', port: 51000 }, { address: sandbox.config.podIP, port: 9000 });
    expect(harness.runtime.acceptConnection(sandbox.config.podIP, 9000, delivered)).toBe(true);
    expect(await exchange(remote, 'from afar')).toBe('pong:from afar');
    await server.waitFor('served 10.244.2.7:51000');
    expect(harness.runtime.acceptConnection(sandbox.config.podIP, 9999, delivered)).toBe(false);
    serverContainer.signal('SIGKILL');
    await serverContainer.exited;
  });

  it('reports ECONNREFUSED, ENOENT and EHOSTUNREACH to the program', async () => {
    const sandbox = await harness.sandbox();
    const results: string[] = [];
    for (const [host, port] of [['localhost', '7777'], ['no-such-service', '80'], ['web', '80']]) {
      const output = new CollectedOutput();
      await (await sandbox.startContainer(containerConfig(image, ['toolbox', 'ping', host, port, 'x']), output.sink)).exited;
      results.push(output.stdout);
    }
    expect(results).toEqual(['connect: errno 14\n', 'connect: errno 44\n', 'connect: errno 23\n']);
  });
});

/** Writes `text`, half-closes, and collects the reply until the other side ends. */
async function exchange(stream: NetworkStream, text: string): Promise<string> {
  let reply = '';
  let ended = false;
  const decoder = new TextDecoder();
  stream.onData((data) => {
    if (data.length === 0) ended = true;
    else reply += decoder.decode(data, { stream: true });
  });
  stream.write(new TextEncoder().encode(text));
  stream.end();
  await waitUntil(() => ended, 'the end of the reply');
  return reply;
}
