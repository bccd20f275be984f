// The images through the real container runtime (workers on worker_threads, Asyncify
// suspension, pod networking, the cluster clock): serving and fetching across pods, signals,
// a sidecar following a shared log, a terminal session, and memory limits.

import { describe, expect, it } from 'vitest';
import type { NetworkFabric, NetworkStream } from '../runtime/runtime-api';
import { CollectedOutput, containerConfig, startRuntime, waitUntil, type Harness } from '../runtime/test-support/entry-node-harness';
import { imageContent } from './testing/image-content';

/** A fabric over one runtime (set once it exists): `names` resolve to pod IPs, connections go to those pods. */
function podFabric(names: Record<string, string>, on: { harness?: Harness }): NetworkFabric {
  return {
    resolve: async (name) => {
      const ip = names[name.replace(/\.$/, '')];
      return ip ? [ip] : [];
    },
    connect: async (from, ip, port) => {
      if (!on.harness) throw new Error('ENETUNREACH');
      return on.harness.runtime.connect(ip, port, { address: from, port: 40000 });
    },
    listen: async () => () => undefined,
  };
}

/** Connects, retrying while nothing listens yet (servers log before they listen, as http-echo does). */
async function connectWhenListening(harness: Harness, podIP: string, port: number): Promise<NetworkStream> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await harness.runtime.connect(podIP, port);
    } catch (error) {
      if (attempt >= 100 || (error as { errno?: string }).errno !== 'ECONNREFUSED') throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Sends one HTTP request on a fresh connection and reads the reply to the end. */
async function request(harness: Harness, podIP: string, port: number, path: string): Promise<string> {
  const stream = await connectWhenListening(harness, podIP, port);
  const chunks: Uint8Array[] = [];
  const ended = new Promise<void>((resolve) => {
    stream.onData((data) => {
      if (data.length === 0) resolve();
      else chunks.push(data);
    });
  });
  stream.write(new TextEncoder().encode(`GET ${path} HTTP/1.1\r\nHost: test\r\nUser-Agent: curl/8.5.0\r\nConnection: close\r\n\r\n`));
  await ended;
  return Buffer.concat(chunks).toString();
}

/** Moves the cluster clock in steps, letting the containers' workers run between them. */
async function advance(harness: Harness, ms: number, steps: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let i = 0; i < steps; i++) {
    await harness.clock.advance(ms);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('images through the runtime', () => {
  it('nginx serves busybox wget in another pod, logs both, and stops on SIGTERM', async () => {
    const network: { harness?: Harness } = {};
    const harness = await startRuntime({ fabric: podFabric({ web: '10.244.1.2' }, network) });
    network.harness = harness;
    const webPod = await harness.sandbox();
    const nginx = await imageContent('nginx');
    const logs = new CollectedOutput();
    const server = await webPod.startContainer(containerConfig(nginx, [...nginx.entrypoint, ...nginx.cmd], { env: nginx.env }), logs.sink);
    await logs.waitFor('start worker process 30', 'stderr');

    const clientPod = await harness.sandbox();
    const busybox = await imageContent('busybox');
    const fetched = new CollectedOutput();
    const wget = await clientPod.startContainer(containerConfig(busybox, ['wget', '-q', '-O-', 'http://web/'], { env: busybox.env }), fetched.sink);
    expect((await wget.exited).exitCode).toBe(0);
    expect(fetched.stdout).toContain('<title>Welcome to nginx!</title>');
    await logs.waitFor('10.244.1.3 - - [01/Jan/2026:12:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"\n');

    const missing = await request(harness, '10.244.1.2', 80, '/nope');
    expect(missing).toMatch(/^HTTP\/1\.1 404 Not Found\r\nServer: nginx\/1\.27\.3\r\n/);
    expect(missing.endsWith('<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n')).toBe(true);
    await logs.waitFor('open() "/usr/share/nginx/html/nope" failed (2: No such file or directory)', 'stderr');

    server.signal('SIGTERM');
    expect((await server.exited).exitCode).toBe(0);
    expect(logs.stderr).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
    expect(logs.stderr.trimEnd().endsWith('[notice] 1#1: exit')).toBe(true);
  });

  it('http-echo and agnhost answer HTTP', async () => {
    const harness = await startRuntime();
    const pod = await harness.sandbox();
    const echo = await imageContent('hashicorp/http-echo:1.0');
    const echoLogs = new CollectedOutput();
    await pod.startContainer(containerConfig(echo, ['/http-echo', '-text=hello from kubetab'], { env: echo.env }), echoLogs.sink);
    await echoLogs.waitFor('server is listening on :5678', 'stderr');
    const reply = await request(harness, pod.config.podIP, 5678, '/');
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(reply).toContain('X-App-Name: http-echo\r\n');
    expect(reply.endsWith('\r\n\r\nhello from kubetab\n')).toBe(true);
    await echoLogs.waitFor('"GET / HTTP/1.1" 200 19 "curl/8.5.0"');

    const agnhost = await imageContent('registry.k8s.io/e2e-test-images/agnhost:2.39');
    const netexec = await harness.sandbox();
    const netexecLogs = new CollectedOutput();
    await netexec.startContainer(containerConfig(agnhost, ['/agnhost', 'netexec', '--http-port=8080'], { env: agnhost.env }), netexecLogs.sink);
    await netexecLogs.waitFor('Started HTTP server on port 8080', 'stderr');
    expect((await request(harness, netexec.config.podIP, 8080, '/hostname')).endsWith(`\r\n\r\n${netexec.config.hostname}`)).toBe(true);
    expect((await request(harness, netexec.config.podIP, 8080, '/echo?msg=hi%20there')).endsWith('\r\n\r\nhi there')).toBe(true);
    expect(await request(harness, netexec.config.podIP, 8080, '/healthz')).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('a sidecar follows the log the app container appends to a shared emptyDir', async () => {
    const harness = await startRuntime();
    const pod = await harness.sandbox([{ name: 'logs', files: {}, readOnly: false }]);
    const busybox = await imageContent('busybox');
    const mounts = [{ path: '/var/log', volume: 'logs', readOnly: false }];
    const sidecar = new CollectedOutput();
    await pod.startContainer(containerConfig(busybox, ['tail', '-F', '/var/log/app.log'], { env: busybox.env, mounts, name: 'sidecar' }), sidecar.sink);
    await sidecar.waitFor("tail: can't open '/var/log/app.log': No such file or directory\n", 'stderr');
    await pod.startContainer(containerConfig(busybox, ['sh', '-c', 'while true; do date >> /var/log/app.log; sleep 5; done'], { env: busybox.env, mounts }), new CollectedOutput().sink);
    await advance(harness, 1000, 16);
    await waitUntil(() => sidecar.stdout.includes('Thu Jan  1 12:00:15 UTC 2026\n'), `the sidecar's lines (got ${JSON.stringify(sidecar)})`);
    expect(sidecar.stderr).toContain('tail: /var/log/app.log has appeared; following new file\n');
  });

  it('traps SIGTERM in sh, and runs an interactive shell on a terminal', async () => {
    const harness = await startRuntime();
    const pod = await harness.sandbox();
    const busybox = await imageContent('busybox');
    const trapped = new CollectedOutput();
    const container = await pod.startContainer(
      containerConfig(busybox, ['sh', '-c', 'trap "echo got TERM; exit 0" TERM; echo ready; sleep 3600'], { env: busybox.env }),
      trapped.sink,
    );
    await trapped.waitFor('ready\n');
    container.signal('SIGTERM');
    expect((await container.exited).exitCode).toBe(0);
    expect(trapped.stdout).toBe('ready\ngot TERM\n');

    const main = await pod.startContainer(containerConfig(busybox, ['sleep', '3600'], { env: busybox.env, name: 'main' }), new CollectedOutput().sink);
    const terminal = new CollectedOutput();
    const shell = await main.exec({ argv: ['sh'], stdin: true, tty: true }, terminal.sink);
    await terminal.waitFor('/ # ');
    shell.writeStdin('cd /tmp; echo "in $(pwd)"\r');
    await terminal.waitFor('in /tmp\r\n/tmp # ');
    shell.writeStdin('sleep 100\r');
    await terminal.waitFor('sleep 100\r\n');
    shell.writeStdin('\x03');
    await terminal.waitFor('^C\r\n/tmp # ');
    shell.writeStdin('exit 3\r');
    expect((await shell.exited).exitCode).toBe(3);
  });

  it('lists a container\'s processes with ps and signals them with kill, sparing PID 1 what it does not handle', async () => {
    const harness = await startRuntime();
    const pod = await harness.sandbox();
    const busybox = await imageContent('busybox');
    const env = busybox.env;
    const run = async (container: Awaited<ReturnType<typeof pod.startContainer>>, argv: string[]) => {
      const output = new CollectedOutput();
      const exec = await container.exec({ argv, stdin: false, tty: false }, output.sink);
      const { exitCode } = await exec.exited;
      return { exitCode, stdout: output.stdout, stderr: output.stderr };
    };
    const sleeper = await pod.startContainer(containerConfig(busybox, ['sleep', '3600'], { env, name: 'sleeper' }), new CollectedOutput().sink);
    const other = await pod.startContainer(containerConfig(busybox, ['sleep', '3601'], { env, name: 'other' }), new CollectedOutput().sink);
    const background = new CollectedOutput();
    const worker = await sleeper.exec({ argv: ['sh', '-c', 'echo started $$\nsleep 100'], stdin: false, tty: false }, background.sink);
    await background.waitFor('started 2\n');
    // Only this container's processes: not the other container's sleep.
    expect(await run(sleeper, ['ps'])).toEqual({ exitCode: 0, stderr: '', stdout: 'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    2 root      0:00 sh -c echo started $$?sleep 100\n    3 root      0:00 ps\n' });
    // PID 1 handles neither SIGTERM nor SIGKILL from inside its container: both are ignored.
    expect(await run(sleeper, ['kill', '1'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await run(sleeper, ['kill', '-9', '1'])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    expect(await run(sleeper, ['kill', '99'])).toEqual({ exitCode: 1, stdout: '', stderr: 'kill: can\'t kill pid 99: No such process\n' });
    // Another process takes the default action.
    expect(await run(sleeper, ['kill', '2'])).toMatchObject({ exitCode: 0 });
    expect(await worker.exited).toMatchObject({ exitCode: 143, signal: 15 });
    expect(await run(sleeper, ['sh', '-c', 'kill -0 1 && echo PID 1 is alive'])).toMatchObject({ stdout: 'PID 1 is alive\n' });

    // nginx handles SIGTERM: `kill 1` stops it gracefully, and its container ends with 0.
    const nginx = await imageContent('nginx');
    const logs = new CollectedOutput();
    const web = await pod.startContainer(containerConfig(nginx, [...nginx.entrypoint, ...nginx.cmd], { env: nginx.env, name: 'web' }), logs.sink);
    await logs.waitFor('start worker process 30', 'stderr');
    // nginx -s finds the master through /run/nginx.pid and signals it: reload re-reads the
    // configuration, an unknown name is refused.
    const reload = await run(web, ['nginx', '-s', 'reload']);
    expect(reload).toMatchObject({ exitCode: 0, stdout: '' });
    expect(reload.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[notice\] (\d+)#\1: signal process started\n$/);
    await logs.waitFor('[notice] 1#1: signal 1 (SIGHUP) received, reconfiguring\n', 'stderr');
    expect(await run(web, ['nginx', '-s', 'restart'])).toEqual({ exitCode: 1, stdout: '', stderr: 'nginx: invalid option: "-s restart"\n' });
    // kill itself may end first (0) or be killed as its container goes (137), as on Linux.
    const killer = await run(web, ['kill', '1']);
    expect([0, 137]).toContain(killer.exitCode);
    expect(killer.stderr).toBe('');
    expect(await web.exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(logs.stderr).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
    other.signal('SIGKILL');
    sleeper.signal('SIGKILL');
  });

  it('stress under a memory limit below --vm-bytes is OOMKilled, as in the docs', async () => {
    const harness = await startRuntime();
    const pod = await harness.sandbox();
    const stress = await imageContent('polinux/stress');
    const config = containerConfig(stress, ['stress', '--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], {
      env: stress.env,
      memoryLimitBytes: 100 * 1024 * 1024,
    });
    const container = await pod.startContainer(config, new CollectedOutput().sink);
    expect(await container.exited).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });
});
