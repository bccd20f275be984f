// A container's life as the kubelet sees it: sleeping on the cluster clock without using CPU,
// being killed however it spins, signals and PID 1, exit codes, and start failures.

import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContainerStartError } from './runtime-api';
import { CollectedOutput, containerConfig, imageOf, startRuntime, toolbox, wat, type Harness } from './test-support/entry-node-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startRuntime();
  await Promise.all([toolbox(true), toolbox(false)]);
}, 60_000);
afterAll(() => harness.runtime.shutdown());

async function run(argv: string[], withAsyncify = true) {
  const image = await imageOf({ toolbox: await toolbox(withAsyncify) });
  const sandbox = await harness.sandbox();
  const output = new CollectedOutput();
  const container = await sandbox.startContainer(containerConfig(image, ['toolbox', ...argv]), output.sink);
  return { container, output, sandbox };
}

/**
 * Active time (ms) over `realMs` of real time of the container workers that existed before a
 * start (the started process runs in one of them; replacements the pool starts meanwhile are
 * left out, as their loading is busy time of their own).
 */
async function workerActivity(existing: number, realMs: number): Promise<number> {
  const workers = harness.workers.slice(0, existing);
  const before = workers.map((w) => w.performance.eventLoopUtilization());
  await new Promise((resolve) => setTimeout(resolve, realMs));
  return workers.reduce((sum, w, i) => sum + w.performance.eventLoopUtilization(before[i]).active, 0);
}

describe('sleeping on the cluster clock', () => {
  it('does not wake until the manual clock advances, and uses no CPU meanwhile', async () => {
    const existing = harness.workers.length;
    const { container, output } = await run(['sleep', '5000']);
    await output.waitFor('sleeping');
    expect(await workerActivity(existing, 300)).toBeLessThan(30);
    await harness.clock.advance(4999);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(output.stdout).not.toContain('woke');
    await harness.clock.advance(1);
    const status = await container.exited;
    expect(output.stdout).toBe('sleeping\nwoke after 5000\n');
    expect(status).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('a spinning program keeps its worker busy (the measurement can see CPU use)', async () => {
    const existing = harness.workers.length;
    const { container, output } = await run(['spin']);
    await output.waitFor('spinning');
    expect(await workerActivity(existing, 300)).toBeGreaterThan(200);
    container.signal('SIGKILL');
    await container.exited;
  });
});

describe('killing', () => {
  it('ends while(true){} within a second with 137, and its worker goes away', async () => {
    const { container, output } = await run(['spin']);
    await output.waitFor('spinning');
    const before = harness.workers.map((w) => w.performance.eventLoopUtilization());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const busy = harness.workers.map((w, i) => w.performance.eventLoopUtilization(before[i]).utilization);
    const spinning = harness.workers[busy.indexOf(Math.max(...busy))];
    expect(Math.max(...busy)).toBeGreaterThan(0.5);
    const started = Date.now();
    const gone = once(spinning, 'exit');
    container.signal('SIGKILL');
    const status = await container.exited;
    await gone;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(status).toMatchObject({ exitCode: 137, reason: 'Error', signal: 9 });
  });
});

describe('signals', () => {
  it('PID 1 ignores an unhandled SIGTERM and SIGINT, and SIGKILL still ends it', async () => {
    const { container, output } = await run(['idle']);
    await output.waitFor('idling');
    container.signal('SIGTERM');
    container.signal('SIGINT');
    await harness.clock.advance(60_000);
    const outcome = await Promise.race([container.exited, new Promise((resolve) => setTimeout(() => resolve('running'), 100))]);
    expect(outcome).toBe('running');
    container.signal('SIGKILL');
    expect((await container.exited).exitCode).toBe(137);
  });

  it('a handled SIGTERM interrupts a blocked call with EINTR and the program exits by itself', async () => {
    const { container, output } = await run(['sigwait']);
    await output.waitFor('ready');
    container.signal('SIGTERM');
    const status = await container.exited;
    expect(output.stdout).toBe('ready\ncaught signal 15\n');
    expect(status.exitCode).toBe(0);
  });

  it('an exec\'d process (not PID 1) dies of an unhandled SIGTERM with 143', async () => {
    const { container, output } = await run(['idle']);
    await output.waitFor('idling');
    const execOutput = new CollectedOutput();
    const process = await container.exec({ argv: ['toolbox', 'idle'], stdin: false, tty: false }, execOutput.sink);
    await execOutput.waitFor('idling');
    process.signal('SIGTERM');
    expect(await process.exited).toMatchObject({ exitCode: 143, signal: 15 });
    container.signal('SIGKILL');
    await container.exited;
  });
});

describe('exit codes and start failures', () => {
  it('reports the program\'s exit code as Error', async () => {
    const { container } = await run(['exit', '42']);
    expect(await container.exited).toMatchObject({ exitCode: 42, reason: 'Error' });
  });

  it('reports a trap with its message', async () => {
    const bytes = await wat('(module (memory (export "memory") 1) (func (export "_start") unreachable))');
    const sandbox = await harness.sandbox();
    const container = await sandbox.startContainer(containerConfig(await imageOf({ trap: bytes }), ['trap']), new CollectedOutput().sink);
    const status = await container.exited;
    expect(status.exitCode).toBe(134);
    expect(status.message).toMatch(/^wasm trap: unreachable/);
  });

  it('refuses a module with an unknown import, naming it (CreateContainerError)', async () => {
    const bytes = await wat('(module (import "env" "foo" (func)) (memory (export "memory") 1) (func (export "_start")))');
    const sandbox = await harness.sandbox();
    const start = sandbox.startContainer(containerConfig(await imageOf({ foo: bytes }), ['foo']), new CollectedOutput().sink);
    await expect(start).rejects.toBeInstanceOf(ContainerStartError);
    await expect(start).rejects.toMatchObject({ reason: 'CreateContainerError', message: expect.stringContaining('unknown import "env.foo"') });
  });

  it('refuses an executable that is not in the image (RunContainerError, as runc words it)', async () => {
    const sandbox = await harness.sandbox();
    const start = sandbox.startContainer(containerConfig(await imageOf({ toolbox: await toolbox(true) }), ['foo']), new CollectedOutput().sink);
    await expect(start).rejects.toMatchObject({
      reason: 'RunContainerError',
      message:
        'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "foo": executable file not found in $PATH: unknown',
    });
  });

  it('finds argv[0] through PATH and by absolute path', async () => {
    const image = await imageOf({ toolbox: await toolbox(true) }, { executables: { '/usr/local/bin/tb': 'toolbox' } });
    const sandbox = await harness.sandbox();
    const byName = new CollectedOutput();
    await (await sandbox.startContainer(containerConfig(image, ['tb', 'echo', 'by', 'name']), byName.sink)).exited;
    const byPath = new CollectedOutput();
    await (await sandbox.startContainer(containerConfig(image, ['/usr/local/bin/tb', 'echo', 'by', 'path']), byPath.sink)).exited;
    expect(byName.stdout).toBe('by name\n');
    expect(byPath.stdout).toBe('by path\n');
  });
});
