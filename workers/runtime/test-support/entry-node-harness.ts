// Test support for the runtime's unit tests in Node (Node types allowed: an entry-* file):
// assembling WAT with wabt, compiling AssemblyScript with asc, running a module under Node's own
// WASI as the reference, and a container runtime on real worker_threads with a manual clock.

import asc from 'assemblyscript/asc';
import binaryen from 'binaryen';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WASI } from 'node:wasi';
import type { Worker } from 'node:worker_threads';
import wabtInit from 'wabt';
import { ClusterClock } from '../../../src/cluster/clock';
import { workerBundle } from '../../../src/cluster/hosts/worker-bundles';
import { createContainerRuntime, type KubetabContainerRuntime } from '../container-runtime';
import { nodeRuntimePlatform } from '../entry-node-platform';
import type { SuspensionMode } from '../protocol';
import type { ContainerConfig, ImageContent, NetworkFabric, OutputSink, SandboxConfig } from '../runtime-api';

let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined;

export async function wat(source: string): Promise<Uint8Array> {
  wabt ??= await wabtInit();
  const parsed = wabt.parseWat('program.wat', source);
  try {
    return new Uint8Array(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}

/** Compiles an AssemblyScript program (with `--use abort=` pointing at a WASI-friendly abort if given). */
export async function assemblyScript(source: string, flags: string[] = []): Promise<Uint8Array> {
  const { error, stderr, binary } = await ascCompile(source, flags);
  if (error || !binary) throw new Error(`asc failed: ${error?.message}\n${stderr}`);
  return binary;
}

async function ascCompile(source: string, flags: string[]): Promise<{ error: Error | null; stderr: string; binary?: Uint8Array }> {
  let binary: Uint8Array | undefined;
  const { error, stderr } = await asc.main(['program.ts', '--outFile', 'program.wasm', '--runtime', 'stub', '--exportStart', '_start', ...flags], {
    readFile: (name: string) => (name === 'program.ts' ? source : null),
    writeFile: (name: string, contents: string | Uint8Array) => {
      if (name === 'program.wasm' && typeof contents !== 'string') binary = contents;
    },
    listFiles: () => [],
  });
  return { error, stderr: stderr.toString(), binary };
}

/** The blocking imports an Asyncify build must list (see README.md). */
export const ASYNCIFY_IMPORTS = [
  'wasi_snapshot_preview1.fd_read',
  'wasi_snapshot_preview1.poll_oneoff',
  'wasi_snapshot_preview1.sock_accept',
  'wasi_snapshot_preview1.sock_recv',
  'kubetab_net.connect',
  'kubetab_net.resolve',
];

/** Runs binaryen's asyncify pass as the images' build does. */
export function asyncify(bytes: Uint8Array): Uint8Array {
  const module = binaryen.readBinaryWithFeatures(bytes, binaryen.Features.All);
  try {
    binaryen.setPassArgument('asyncify-imports', ASYNCIFY_IMPORTS.join(','));
    module.runPasses(['asyncify']);
    return module.emitBinary();
  } finally {
    binaryen.setPassArgument('asyncify-imports', null);
    module.dispose();
  }
}

const toolboxes = new Map<boolean, Promise<Uint8Array>>();

/** The toolbox fixture (fixtures/toolbox.as), plain or built with Asyncify. */
export function toolbox(withAsyncify: boolean): Promise<Uint8Array> {
  let built = toolboxes.get(withAsyncify);
  if (!built) {
    built = readFile(new URL('../fixtures/toolbox.as', import.meta.url), 'utf8')
      .then((source) => assemblyScript(source, ['--use', 'abort=', '-O2']))
      .then((bytes) => (withAsyncify ? asyncify(bytes) : bytes));
    toolboxes.set(withAsyncify, built);
  }
  return built;
}

export interface ReferenceRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs a module under Node's built-in WASI with `/` preopened on a directory holding `files`. */
export async function runWithNodeWasi(bytes: Uint8Array, args: string[], env: Record<string, string>, files: Record<string, string> = {}): Promise<ReferenceRun> {
  const dir = await mkdtemp(join(tmpdir(), 'kubetab-wasi-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, 'root', path)), { recursive: true });
      await writeFile(join(dir, 'root', path), content);
    }
    await mkdir(join(dir, 'root'), { recursive: true });
    const { openSync, closeSync } = await import('node:fs');
    const stdoutFd = openSync(join(dir, 'stdout'), 'w');
    const stderrFd = openSync(join(dir, 'stderr'), 'w');
    const stdinFd = openSync('/dev/null', 'r');
    const wasi = new WASI({ version: 'preview1', args, env, preopens: { '/': join(dir, 'root') }, stdin: stdinFd, stdout: stdoutFd, stderr: stderrFd, returnOnExit: true });
    const instance = await WebAssembly.instantiate(await WebAssembly.compile(bytes), wasi.getImportObject() as never);
    const exitCode = wasi.start(instance);
    for (const fd of [stdoutFd, stderrFd, stdinFd]) closeSync(fd);
    return { stdout: await readFile(join(dir, 'stdout'), 'utf8'), stderr: await readFile(join(dir, 'stderr'), 'utf8'), exitCode };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An image holding the given programs at `/bin/<name>`. */
export async function imageOf(programs: Record<string, Uint8Array>, extra: Partial<ImageContent> = {}): Promise<ImageContent> {
  const modules: Record<string, WebAssembly.Module> = {};
  const executables: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(programs)) {
    modules[name] = await WebAssembly.compile(bytes);
    executables[`/bin/${name}`] = name;
  }
  return { reference: 'test:latest', modules, moduleBytes: programs, executables, files: {}, entrypoint: [], cmd: [], workingDir: '/', env: {}, ...extra };
}

/** Output collected per stream, with a way to wait for text to appear. */
export class CollectedOutput {
  stdout = '';
  stderr = '';
  readonly sink: OutputSink = (stream, text) => {
    this[stream] += text;
  };

  async waitFor(text: string, stream: 'stdout' | 'stderr' = 'stdout'): Promise<void> {
    await waitUntil(() => this[stream].includes(text), `"${text}" on ${stream} (got ${JSON.stringify(this[stream])})`);
  }
}

/** Waits for a condition by checking it after each turn of the event loop (no fixed sleeps). */
export async function waitUntil(condition: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A fabric for one node with no other pods: DNS knows `names`, connections elsewhere fail. */
export function testFabric(names: Record<string, string[]> = {}): NetworkFabric & { listens: string[] } {
  const listens: string[] = [];
  return {
    listens,
    resolve: async (name) => names[name] ?? [],
    connect: async () => Promise.reject(new Error('EHOSTUNREACH')),
    listen: async (podIP, port) => {
      listens.push(`${podIP}:${port}`);
      return () => listens.splice(listens.indexOf(`${podIP}:${port}`), 1);
    },
  };
}

export interface Harness {
  clock: ClusterClock;
  /** Every container worker started so far (the warm pool's included). */
  workers: Worker[];
  runtime: KubetabContainerRuntime;
  sandbox(volumes?: SandboxConfig['volumes']): ReturnType<KubetabContainerRuntime['runPodSandbox']>;
}

let nextPod = 1;

export async function startRuntime(options: { suspension?: SuspensionMode; fabric?: NetworkFabric; clock?: ClusterClock } = {}): Promise<Harness> {
  const clock = options.clock ?? ClusterClock.manual();
  const workers: Worker[] = [];
  const platform = nodeRuntimePlatform(await workerBundle('container'), (worker) => workers.push(worker));
  const runtime = createContainerRuntime({ platform, clock, fabric: options.fabric ?? testFabric(), suspension: options.suspension });
  return {
    clock,
    workers,
    runtime,
    sandbox: (volumes = []) => {
      const n = nextPod++;
      return runtime.runPodSandbox({ uid: `uid-${n}`, name: `pod-${n}`, namespace: 'default', hostname: `pod-${n}`, podIP: `10.244.1.${n + 1}`, volumes });
    },
  };
}

let nextContainer = 1;

export function containerConfig(image: ImageContent, argv: string[], extra: Partial<ContainerConfig> = {}): ContainerConfig {
  const id = `containerd://${String(nextContainer++).padStart(64, '0')}`;
  return { name: 'main', id, image, argv, env: {}, workingDir: '', mounts: [], stdin: false, stdinOnce: false, tty: false, ...extra };
}
