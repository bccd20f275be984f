// Memory limits (OOMKilled, 137) with and without the module's binary, the sync fallback for
// modules built without Asyncify where JSPI is missing (Node 20), and warm-pool start latency.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterClock } from '../../src/cluster/clock';
import { CollectedOutput, containerConfig, imageOf, startRuntime, toolbox, wat, type Harness } from './test-support/entry-node-harness';

const MiB = 1024 * 1024;
let harness: Harness;
beforeAll(async () => {
  harness = await startRuntime();
  await Promise.all([toolbox(true), toolbox(false)]);
}, 60_000);
afterAll(() => harness.runtime.shutdown());

describe('memory limits', () => {
  it('caps the memory maximum from the binary: growing past the limit ends as OOMKilled 137', async () => {
    const image = await imageOf({ toolbox: await toolbox(true) });
    const sandbox = await harness.sandbox();
    const output = new CollectedOutput();
    const container = await sandbox.startContainer(containerConfig(image, ['toolbox', 'grow'], { memoryLimitBytes: 8 * MiB }), output.sink);
    expect(await container.exited).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(output.stdout).toBe('growing\n');
  });

  it('without the binary, notices memory over the limit at the next host call', async () => {
    const image = await imageOf({ toolbox: await toolbox(true) });
    delete image.moduleBytes;
    const sandbox = await harness.sandbox();
    const output = new CollectedOutput();
    const container = await sandbox.startContainer(containerConfig(image, ['toolbox', 'grow-and-call'], { memoryLimitBytes: 16 * MiB }), output.sink);
    expect(await container.exited).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(output.stdout).toBe('');
  });

  it('a program that needs more memory at start than its limit is OOMKilled at once', async () => {
    const bytes = await wat('(module (memory (export "memory") 300) (func (export "_start")))');
    const sandbox = await harness.sandbox();
    const container = await sandbox.startContainer(containerConfig(await imageOf({ big: bytes }), ['big'], { memoryLimitBytes: 4 * MiB }), new CollectedOutput().sink);
    expect(await container.exited).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
  });

  it('stays within a limit that is large enough', async () => {
    const image = await imageOf({ toolbox: await toolbox(true) });
    const sandbox = await harness.sandbox();
    const container = await sandbox.startContainer(containerConfig(image, ['toolbox', 'grow-and-call'], { memoryLimitBytes: 128 * MiB }), new CollectedOutput().sink);
    expect(await container.exited).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });
});

describe('sync fallback (no Asyncify, no JSPI)', () => {
  it('runs a C program\'s nanosleep by blocking its own worker for the scaled real time', async () => {
    const clock = new ClusterClock({ speed: 10 });
    const fast = await startRuntime({ clock });
    try {
      const bytes = new Uint8Array(await readFile(new URL('./fixtures/sleep.wasm', import.meta.url)));
      const sandbox = await fast.sandbox();
      const output = new CollectedOutput();
      const startedAt = clock.now();
      const container = await sandbox.startContainer(containerConfig(await imageOf({ sleep: bytes }), ['sleep', '2000']), output.sink);
      expect(container.suspension).toBe('sync');
      const status = await container.exited;
      expect(output.stdout).toBe('slept 2000 ms\n');
      expect(status.exitCode).toBe(0);
      expect(status.finishedAt - startedAt).toBeGreaterThanOrEqual(2000);
    } finally {
      await fast.runtime.shutdown();
    }
  });

  it('gives a program without Asyncify EAGAIN for stdin with nothing to read', async () => {
    const image = await imageOf({ toolbox: await toolbox(false) });
    const sandbox = await harness.sandbox();
    const output = new CollectedOutput();
    const container = await sandbox.startContainer(containerConfig(image, ['toolbox', 'stdin'], { stdin: true }), output.sink);
    expect(container.suspension).toBe('sync');
    expect(await container.exited).toMatchObject({ exitCode: 1 });
    expect(output.stdout).toBe('read error 6\n');
  });

  it('still kills a spinning program', async () => {
    const image = await imageOf({ toolbox: await toolbox(false) });
    const sandbox = await harness.sandbox();
    const output = new CollectedOutput();
    const container = await sandbox.startContainer(containerConfig(image, ['toolbox', 'spin']), output.sink);
    await output.waitFor('spinning');
    container.signal('SIGKILL');
    expect((await container.exited).exitCode).toBe(137);
  });
});

describe('warm pool', () => {
  it('starts containers of a cached image from pre-started workers (latency reported, not asserted)', async () => {
    const image = await imageOf({ toolbox: await toolbox(true) });
    const sandbox = await harness.sandbox();
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const output = new CollectedOutput();
      const begin = performance.now();
      const container = await sandbox.startContainer(containerConfig(image, ['toolbox', 'echo', `run ${i}`]), output.sink);
      latencies.push(performance.now() - begin);
      await container.exited;
      expect(output.stdout).toBe(`run ${i}\n`);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    latencies.sort((a, b) => a - b);
    console.log(`container start with a warm pool: p50 ${latencies[10].toFixed(1)} ms, p90 ${latencies[18].toFixed(1)} ms`);
  });
});
