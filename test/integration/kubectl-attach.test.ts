// kubectl run -i/-t/--rm and kubectl attach end to end: kubetab's kubectl in process attaching
// to a container's main process (piped stdin and stdinOnce, an interactive terminal, exit
// codes, deleting the pod afterwards, the errors kubectl prints), and the attach WebSocket the
// real kubectl uses on the HTTP bridge, on a real cluster driven by a manual clock.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Container } from '../../src/api/core';
import { startBridge, type Bridge } from '../../src/cli/http-bridge';
import type { KubectlTerminal } from '../../src/kubectl/context';
import { runKubectl } from '../../src/kubectl/kubectl';
import { eventually, kubectlContext, startTestCluster, type KubectlResult, type TestCluster } from '../support/node-cluster';

const PROMPT_HINT = "If you don't see a command prompt, try pressing enter.\n";

/** A terminal whose keys the test types; records whether kubectl gave it back. */
function fakeTerminal() {
  const state: { type?: (data: string) => void; released: boolean } = { released: false };
  const terminal: KubectlTerminal = {
    size: () => ({ columns: 80, rows: 24 }),
    capture: (input) => {
      state.type = input;
      return () => (state.released = true);
    },
  };
  return { terminal, state };
}

describe('kubectl attach and run -i/-t', () => {
  let t: TestCluster;
  let bridge: Bridge;

  /** Runs kubectl while the manual clock moves (image pulls, pod start); resolves with its result. */
  async function kubectlDriven(line: string[], stdin = ''): Promise<KubectlResult> {
    let result: KubectlResult | undefined;
    void t.kubectl(line, stdin).then((r) => (result = r));
    return eventually(t.clock, async () => {
      if (!result) throw new Error(`kubectl ${line.join(' ')} is still running`);
      return result;
    });
  }

  /** Runs kubectl on a terminal; `typed` is what the user types once kubectl captures it. */
  function kubectlOnTerminal(line: string[]) {
    const { terminal, state } = fakeTerminal();
    const out = { stdout: '', stderr: '' };
    const exit = runKubectl(
      line,
      kubectlContext(t, { stdout: (text) => (out.stdout += text), stderr: (text) => (out.stderr += text), readFile: async () => '', terminal }),
    );
    return { exit, out, state };
  }

  /**
   * Waits until the shell has answered a command and shown its prompt again. Its first prompt
   * may come before the attach or after it; once it has answered, every earlier prompt is out,
   * so what the test types next is echoed after them.
   */
  async function awaitFreshPrompt(session: ReturnType<typeof kubectlOnTerminal>): Promise<void> {
    await eventually(t.clock, async () => expect(session.state.type).toBeDefined());
    session.state.type?.('echo prompt-ready\r');
    const plain = () => session.out.stdout.replaceAll('\x1b[7m', '').replaceAll('\x1b[27m', '');
    await eventually(t.clock, async () => expect(plain()).toMatch(/(^|\n|\/ # )prompt-ready\r\n\/ # $/));
  }

  /** Creates a pod with one container that does not restart. */
  async function createPod(container: Container): Promise<void> {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: container.name }, spec: { restartPolicy: 'Never', containers: [container] } };
    await t.cluster.apiServer.request({ method: 'POST', path: '/api/v1/namespaces/default/pods', headers: { 'content-type': 'application/json' }, body: pod });
  }

  async function podPhase(name: string): Promise<string> {
    return (await t.kubectl(['get', 'pod', name, '-o', 'jsonpath={.status.phase}'])).stdout;
  }

  beforeAll(async () => {
    t = await startTestCluster();
    bridge = await startBridge({ api: t.cluster.apiServer });
  });

  afterAll(async () => {
    await bridge?.close();
    await t?.shutdown();
  });

  it('run -i --rm feeds piped stdin to the container, prints its output and deletes the pod', async () => {
    const result = await kubectlDriven(['run', '-i', '--rm', '--restart=Never', 'cat1', '--image=busybox', '--', 'cat'], 'hello\nworld\n');
    expect(result).toEqual({ stdout: 'hello\nworld\npod "cat1" deleted\n', stderr: PROMPT_HINT, code: 0 });
    expect((await t.kubectl('get pod cat1')).stderr).toBe('Error from server (NotFound): pods "cat1" not found\n');
  });

  it("run -i --restart=Never ends with the container's exit code", async () => {
    const result = await kubectlDriven(['run', '-i', '--rm', '--restart=Never', 'fail1', '--image=busybox', '--', 'sh', '-c', 'cat; exit 4'], 'a\nb\n');
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('a\nb\npod "fail1" deleted\n');
    expect(result.stderr).toBe(`${PROMPT_HINT}pod default/fail1 terminated (Error)\n`);
  });

  it('run -i --rm without a TTY prints the output of a command that does not read stdin', async () => {
    // The attach sees only what is written after it, as upstream's does: the command waits a
    // second of cluster time first, so its output cannot race the attach.
    const result = await kubectlDriven(['run', '-i', '--rm', '--restart=Never', 'hi1', '--image=busybox', '--', 'sh', '-c', 'sleep 1; echo hi']);
    expect(result.stdout).toBe('hi\npod "hi1" deleted\n');
    expect(result.code).toBe(0);
  });

  it('run -it --rm runs an interactive shell on the terminal and returns its exit code', async () => {
    const session = kubectlOnTerminal(['run', '-it', '--rm', '--restart=Never', 'dbg', '--image=busybox', '--', 'sh']);
    await awaitFreshPrompt(session);
    session.state.type?.('echo $((6 * 7))\r');
    await eventually(t.clock, async () => expect(session.out.stdout).toContain('42\r\n'));
    session.state.type?.('exit 3\r');
    let code: number | undefined;
    void session.exit.then((c) => (code = c));
    await eventually(t.clock, async () => expect(code).toBe(3));
    expect(session.state.released).toBe(true);
    expect(session.out.stderr).toBe(`${PROMPT_HINT}pod default/dbg terminated (Error)\n`);
    expect(session.out.stdout).toContain('echo $((6 * 7))\r\n42\r\n');
    expect(session.out.stdout.endsWith('pod "dbg" deleted\n')).toBe(true);
  });

  it('says how to re-attach when a restarting pod\'s shell session ends, and kubectl attach -it resumes it', async () => {
    const first = kubectlOnTerminal(['run', '-it', 'again', '--image=busybox', '--', 'sh']);
    await eventually(t.clock, async () => expect(first.state.type).toBeDefined());
    first.state.type?.('exit\r');
    let code: number | undefined;
    void first.exit.then((c) => (code = c));
    await eventually(t.clock, async () => expect(code).toBe(0));
    expect(first.out.stdout).toContain("Session ended, resume using 'kubectl attach again -c again -i -t' command when the pod is running\n");
    // Running again: the restarted run, not the first one before its exit is reported.
    await eventually(t.clock, async () => expect((await t.kubectl('get pod again -o jsonpath={.status.containerStatuses[0].restartCount}/{.status.containerStatuses[0].state.running}')).stdout).toMatch(/^1\/\{.+\}$/));

    const resumed = kubectlOnTerminal(['attach', '-it', 'again']);
    await awaitFreshPrompt(resumed);
    resumed.state.type?.('echo back-again\r');
    await eventually(t.clock, async () => expect(resumed.out.stdout).toContain('back-again\r\nback-again\r\n'));
    resumed.state.type?.('exit\r');
    await eventually(t.clock, async () => expect(resumed.state.released).toBe(true));
    expect(resumed.out.stderr).toBe(PROMPT_HINT);
  });

  it('attach -i gives a stdinOnce container its input, then closes its stdin when the input ends', async () => {
    await createPod({ name: 'reader', image: 'busybox', stdin: true, stdinOnce: true, command: ['sh', '-c', 'while read line; do echo "got $line"; done; echo "stdin closed"'] });
    await eventually(t.clock, async () => expect(await podPhase('reader')).toBe('Running'));
    expect(await kubectlDriven(['attach', '-i', 'reader'], 'one\ntwo\n')).toEqual({ stdout: 'got one\ngot two\nstdin closed\n', stderr: PROMPT_HINT, code: 0 });
    await eventually(t.clock, async () => expect(await podPhase('reader')).toBe('Succeeded'));
    expect(await t.kubectl('attach reader')).toEqual({ stdout: '', stderr: 'error: cannot attach a container in a completed pod; current phase is Succeeded\n', code: 1 });
  });

  it('attach streams the output of a container without stdin but gives it no input', async () => {
    await t.kubectl(['run', 'nostdin', '--restart=Never', '--image=busybox', '--', 'sh', '-c', 'echo before; sleep 5; read x; echo "read [$x]"']);
    await eventually(t.clock, async () => expect((await t.kubectl('logs nostdin')).stdout).toBe('before\n'));
    const result = await kubectlDriven(['attach', '-i', '-t', 'nostdin'], 'typed\n');
    expect(result).toEqual({ stdout: 'read []\n', stderr: `error: Unable to use a TTY - container nostdin did not allocate one\n${PROMPT_HINT}`, code: 0 });
  });

  it('reports the errors kubectl reports', async () => {
    expect(await t.kubectl('attach nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    expect(await t.kubectl('attach')).toEqual({ stdout: '', stderr: 'error: at least 1 argument is required for attach\n', code: 1 });
    expect((await t.kubectl('attach a b c')).stderr).toBe('error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw 3: [a b c]\n');
    await t.kubectl(['run', 'sleeper', '--image=busybox', '--', 'sleep', '3600']);
    expect(await t.kubectl('attach sleeper -c other')).toEqual({ stdout: '', stderr: 'error: cannot attach to the container: container other not found in pod sleeper\n', code: 1 });
    expect((await t.kubectl('run -t tonly --image=busybox')).stderr).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect((await t.kubectl('run --rm rmonly --image=busybox')).stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
  });

  it('serves attach over the WebSocket protocol the real kubectl speaks', async () => {
    await createPod({ name: 'ws', image: 'busybox', stdin: true, command: ['sh', '-c', 'read line; echo "echo $line"'] });
    await eventually(t.clock, async () => expect(await podPhase('ws')).toBe('Running'));
    const socket = new WebSocket(`${bridge.url.replace('http', 'ws')}/api/v1/namespaces/default/pods/ws/attach?container=ws&stdin=true&stdout=true&stderr=true`, ['v5.channel.k8s.io']);
    const channels = new Map<number, string>();
    const closed = new Promise<number>((resolve, reject) => {
      socket.on('open', () => socket.send(Buffer.concat([Buffer.from([0]), Buffer.from('over the wire\n')])));
      socket.on('message', (data: Buffer) => channels.set(data[0], (channels.get(data[0]) ?? '') + data.subarray(1).toString('utf8')));
      socket.on('close', resolve);
      socket.on('error', reject);
    });
    let code: number | undefined;
    void closed.then((c) => (code = c));
    await eventually(t.clock, async () => expect(code).toBe(1000));
    expect(channels.get(1)).toBe('echo over the wire\n');
    expect(channels.has(3)).toBe(false);
  });
});
