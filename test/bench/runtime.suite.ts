// The container runtime in Node: compute speed of a WASI program under kubetab's runtime
// against Node's own WASI (perl computing digits of pi with bignum's bpi), how long a container
// of a cached image takes to start from the warm pool, one at a time and in a burst that empties
// the pool, and the memory one idle container costs (growth of the process's resident set per
// idle container, over several).

import { readFile } from 'node:fs/promises';
import { ClusterClock } from '../../src/cluster/clock';
import { runProgram } from '../../workers/images/testing/run-program';
import { CollectedOutput, containerConfig, imageOf, startRuntime, type Harness } from '../../workers/runtime/test-support/entry-node-harness';
import type { ImageContent } from '../../workers/runtime/runtime-api';
import { median, percentile, round, type Figures } from './figures';

const PI_DIGITS = 8000;
const COMPUTE_RUNS = 3;
const STARTS = 30;
const IDLE_CONTAINERS = 12;
const BURST = 30;
const PERL_ARGV = ['perl', '-Mbignum=bpi', '-wle', `print bpi(${PI_DIGITS})`];

async function buildImage(program: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(`../../workers/images/build/${program}.wasm`, import.meta.url)));
}

/** Real milliseconds until the container's program exits. */
async function timeInKubetab(harness: Harness, image: ImageContent): Promise<number> {
  const sandbox = await harness.sandbox();
  const output = new CollectedOutput();
  const started = performance.now();
  const container = await sandbox.startContainer(containerConfig(image, ['/bin/perl', ...PERL_ARGV.slice(1)]), output.sink);
  const exit = await container.exited;
  const elapsed = performance.now() - started;
  await sandbox.destroy();
  if (exit.exitCode !== 0 || output.stdout.length < PI_DIGITS) throw new Error(`perl failed in kubetab: ${exit.exitCode} ${output.stderr}`);
  return elapsed;
}

async function timeInNode(): Promise<number> {
  const started = performance.now();
  const result = await runProgram('perl', PERL_ARGV);
  const elapsed = performance.now() - started;
  if (result.exitCode !== 0) throw new Error(`perl failed under node:wasi: ${result.stderr}`);
  return elapsed;
}

function settle(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function startLatencies(harness: Harness, image: ImageContent): Promise<number[]> {
  const sandbox = await harness.sandbox();
  const latencies: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    await settle(150);
    const started = performance.now();
    const container = await sandbox.startContainer(containerConfig(image, ['/bin/sleep', '3600']), () => undefined);
    latencies.push(performance.now() - started);
    container.signal('SIGKILL');
    await container.exited;
  }
  await sandbox.destroy();
  return latencies;
}

/** Start latencies of `BURST` containers asked for at once (most wait for a worker to boot). */
async function burstLatencies(harness: Harness, image: ImageContent): Promise<number[]> {
  const sandbox = await harness.sandbox();
  const began = performance.now();
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: BURST }, async () => {
      await sandbox.startContainer(containerConfig(image, ['/bin/sleep', '3600']), () => undefined);
      latencies.push(performance.now() - began);
    }),
  );
  await sandbox.destroy();
  return latencies;
}

async function residentSet(): Promise<number> {
  globalThis.gc?.();
  await settle(500);
  return process.memoryUsage().rss;
}

async function idleContainerBytes(harness: Harness, image: ImageContent): Promise<number> {
  const sandbox = await harness.sandbox();
  await settle(500);
  const before = await residentSet();
  for (let i = 0; i < IDLE_CONTAINERS; i++) {
    const output = new CollectedOutput();
    await sandbox.startContainer(containerConfig(image, ['/bin/sh', '-c', 'echo idle; sleep 3600']), output.sink);
    await output.waitFor('idle');
  }
  await settle(1000);
  const after = await residentSet();
  await sandbox.destroy();
  return (after - before) / IDLE_CONTAINERS;
}

export default async function runtimeFigures(): Promise<Figures> {
  const harness = await startRuntime({ clock: new ClusterClock() });
  try {
    const perl = await imageOf({ perl: await buildImage('perl') });
    const busybox = await imageOf({ busybox: await buildImage('busybox') }, { executables: { '/bin/sh': 'busybox', '/bin/sleep': 'busybox' } });
    await timeInKubetab(harness, perl);
    const kubetab: number[] = [];
    const node: number[] = [];
    for (let run = 0; run < COMPUTE_RUNS; run++) {
      node.push(await timeInNode());
      kubetab.push(await timeInKubetab(harness, perl));
    }
    const starts = await startLatencies(harness, busybox);
    const idle = await idleContainerBytes(harness, busybox);
    const burst = await burstLatencies(harness, busybox);
    return {
      'wasi.compute_ratio_vs_node': { value: round(median(kubetab) / median(node), 3), unit: 'x', note: `perl bpi(${PI_DIGITS}): ${round(median(kubetab), 0)} ms in kubetab vs ${round(median(node), 0)} ms under node:wasi (median of ${COMPUTE_RUNS}); target <= 1.1` },
      'container.start_p50_ms': { value: round(median(starts), 1), unit: 'ms', note: `cached image, warm pool, ${STARTS} starts (p90 ${round(percentile(starts, 90), 1)} ms); target < 20` },
      'container.burst_start_p50_ms': { value: round(median(burst), 1), unit: 'ms', note: `${BURST} containers started at once on one node (p99 ${round(percentile(burst, 99), 1)} ms), served in order as workers boot` },
      'container.idle_kb': { value: round(idle / 1024, 0), unit: 'KB', note: `resident set growth per idle container (busybox sleeping), over ${IDLE_CONTAINERS}` },
    };
  } finally {
    await harness.runtime.shutdown();
  }
}
