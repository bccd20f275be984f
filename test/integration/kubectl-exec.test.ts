// kubectl exec end to end: through kubetab's kubectl in process (output, exit codes, a command
// the image lacks, piped stdin, an interactive terminal) and through the HTTP bridge's WebSocket exec protocol
// (v5.channel.k8s.io) that the real kubectl speaks, on a real cluster.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBridge, type Bridge } from '../../src/cli/http-bridge';
import type { KubectlTerminal } from '../../src/kubectl/context';
import { runKubectl } from '../../src/kubectl/kubectl';
import { eventually, kubectlContext, startTestCluster, type TestCluster } from '../support/node-cluster';

interface Received {
  channels: Map<number, string>;
  protocol: string;
}

function execOverWebSocket(url: string, query: string, input: Buffer[]): Promise<Received> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/api/v1/namespaces/default/pods/box/exec?${query}`, ['v5.channel.k8s.io']);
    const channels = new Map<number, string>();
    socket.on('open', () => input.forEach((data) => socket.send(data)));
    socket.on('message', (data: Buffer) => channels.set(data[0], (channels.get(data[0]) ?? '') + data.subarray(1).toString('utf8')));
    socket.on('close', () => resolve({ channels, protocol: socket.protocol }));
    socket.on('error', reject);
  });
}

describe('kubectl exec', () => {
  let t: TestCluster;
  let bridge: Bridge;

  beforeAll(async () => {
    t = await startTestCluster();
    bridge = await startBridge({ api: t.cluster.apiServer });
    await t.kubectl(['run', 'box', '--image=busybox', '--command', '--', 'sleep', '3600']);
    await eventually(t.clock, async () => expect((await t.kubectl('get pod box -o jsonpath={.status.phase}')).stdout).toBe('Running'));
  });

  afterAll(async () => {
    await bridge?.close();
    await t?.shutdown();
  });

  it('prints the command output and exits 0', async () => {
    expect(await t.kubectl(['exec', 'box', '--', 'echo', 'hello', 'world'])).toEqual({ stdout: 'hello world\n', stderr: '', code: 0 });
  });

  it('reports a non-zero exit as kubectl does, with that exit code', async () => {
    expect(await t.kubectl(['exec', 'box', '--', 'sh', '-c', 'echo oops >&2; exit 3'])).toEqual({ stdout: '', stderr: 'oops\ncommand terminated with exit code 3\n', code: 3 });
  });

  it('fails a command the image does not hold as containerd fails it, on the opened stream', async () => {
    const result = await t.kubectl(['exec', 'box', '--', 'nosuch']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in \$PATH: unknown\n$/,
    );
    const received = await execOverWebSocket(bridge.url, 'command=nosuch&stdout=true&stderr=true', []);
    expect(JSON.parse(received.channels.get(3) ?? '{}')).toMatchObject({ status: 'Failure', reason: 'InternalError', code: 500 });
  });

  it('feeds piped standard input with -i', async () => {
    expect(await t.kubectl(['exec', '-i', 'box', '--', 'cat'], 'line one\nline two\n')).toEqual({ stdout: 'line one\nline two\n', stderr: '', code: 0 });
  });

  it('runs an interactive shell on the terminal with -it', async () => {
    let onInput: ((data: string) => void) | undefined;
    let released = false;
    const terminal: KubectlTerminal = {
      size: () => ({ columns: 80, rows: 24 }),
      capture: (input) => {
        onInput = input;
        return () => (released = true);
      },
    };
    let stdout = '';
    const running = runKubectl(['exec', '-it', 'box', '--', 'sh'], kubectlContext(t, { stdout: (text) => (stdout += text), terminal }));
    await eventually(t.clock, async () => expect(onInput).toBeDefined());
    onInput?.('echo $((6 * 7))\r');
    await eventually(t.clock, async () => expect(stdout).toContain('42'));
    onInput?.('exit 5\r');
    expect(await running).toBe(5);
    expect(released).toBe(true);
  });

  it('speaks the v5.channel.k8s.io WebSocket protocol on the HTTP bridge', async () => {
    const stdin = Buffer.concat([Buffer.from([0]), Buffer.from('over the wire\n')]);
    const close = Buffer.from([255, 0]);
    const received = await execOverWebSocket(bridge.url, 'command=cat&stdin=true&stdout=true&stderr=true', [stdin, close]);
    expect(received.protocol).toBe('v5.channel.k8s.io');
    expect(received.channels.get(1)).toBe('over the wire\n');
    expect(JSON.parse(received.channels.get(3) ?? '{}')).toEqual({ metadata: {}, status: 'Success' });
  });

  it('ends a failing command with a NonZeroExitCode status carrying the exit code', async () => {
    const received = await execOverWebSocket(bridge.url, 'command=sh&command=-c&command=exit%204&stdout=true&stderr=true', []);
    const status = JSON.parse(received.channels.get(3) ?? '{}') as { reason?: string; details?: { causes?: { reason: string; message: string }[] } };
    expect(status.reason).toBe('NonZeroExitCode');
    expect(status.details?.causes).toEqual([{ reason: 'ExitCode', message: '4' }]);
  });

  it('refuses exec requests that do not upgrade to WebSocket', async () => {
    const response = await fetch(`${bridge.url}/api/v1/namespaces/default/pods/nope/exec?command=ls&stdout=true`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe('Upgrade request required');
  });
});
