// Builds the container images' programs: each folder under workers/images/src/ (except the
// shared lib/) is an AssemblyScript program, compiled by asc and then instrumented by binaryen's
// Asyncify pass (so the runtime can suspend it inside blocking WASI calls) and optimised (-O),
// into workers/images/build/<program>.wasm. Programs whose output is newer than every input
// are skipped, so an up-to-date tree is a no-op; outputs of programs that are gone are removed.
// Nothing is downloaded.
//
// The compilation itself runs in workers/images/compiler.mjs under plain Node, in as many
// processes as there are cores, each compiling a share of the stale programs.

import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const imagesDir = join(root, 'workers/images');
const sourceDir = join(imagesDir, 'src');
const buildDir = join(imagesDir, 'build');
const compiler = join(imagesDir, 'compiler.mjs');
const sharedInputs = [join(sourceDir, 'lib'), compiler, fileURLToPath(import.meta.url)];

/** The imports that may block; Asyncify instruments every call path that reaches them. */
const BLOCKING_IMPORTS = [
  'wasi_snapshot_preview1.poll_oneoff',
  'wasi_snapshot_preview1.fd_read',
  'wasi_snapshot_preview1.sock_accept',
  'wasi_snapshot_preview1.sock_recv',
  'kubetab_net.connect',
  'kubetab_net.resolve',
];

/** The only import modules a kubetab container may use (workers/images/README.md). */
const ALLOWED_IMPORT_MODULES = ['wasi_snapshot_preview1', 'kubetab_proc', 'kubetab_net'];

/** asc only compiles (no -O): the one optimisation that matters runs after Asyncify. */
const ASC_FLAGS = ['--exportStart', '_start', '--use', 'abort=lib/abort/abortHandler', '--runtime', 'incremental', '--noColors'];

interface Built {
  program: string;
  bytes: number;
}

/** The latest change under `path`; tests beside the sources are not inputs. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function outputMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function totalSize(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, entry) => sum + totalSize(join(path, entry)), 0);
}

function listPrograms(): string[] {
  return readdirSync(sourceDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'lib')
    .map((entry) => entry.name)
    .sort();
}

/** Splits programs into `count` shares of similar source size, biggest first. */
function share(programs: string[], count: number): string[][] {
  const lanes = Array.from({ length: count }, () => ({ size: 0, programs: [] as string[] }));
  const bySize = programs.map((program) => ({ program, size: totalSize(join(sourceDir, program)) })).sort((a, b) => b.size - a.size);
  for (const { program, size } of bySize) {
    const lightest = lanes.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.size += size;
    lightest.programs.push(program);
  }
  return lanes.map((lane) => lane.programs).filter((lane) => lane.length > 0);
}

function compileShare(programs: string[]): Promise<Built[]> {
  const job = { sourceDir, buildDir, programs, ascFlags: ASC_FLAGS, blockingImports: BLOCKING_IMPORTS, allowedModules: ALLOWED_IMPORT_MODULES };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [compiler, JSON.stringify(job)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(stderr.trim() || `compiler exited with ${code}`));
      else resolve(stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Built));
    });
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  mkdirSync(buildDir, { recursive: true });
  const sharedMtime = Math.max(...sharedInputs.map(newestMtime));
  const programs = listPrograms();
  for (const file of readdirSync(buildDir)) {
    if (!programs.includes(file.replace(/\.wasm(\.partial)?$/, ''))) rmSync(join(buildDir, file), { force: true });
  }
  const stale = programs.filter(
    (program) => outputMtime(join(buildDir, `${program}.wasm`)) <= Math.max(sharedMtime, newestMtime(join(sourceDir, program))),
  );
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1);
  const where = relative(root, buildDir);
  if (stale.length === 0) {
    console.log(`images: ${programs.length} programs up to date in ${where} (${seconds()}s)`);
    return;
  }
  const results = await Promise.all(share(stale, Math.min(availableParallelism(), stale.length)).map(compileShare));
  const built = results.flat().map(({ program, bytes }) => `${program} (${Math.round(bytes / 1024)} KiB)`);
  console.log(`images: built ${built.join(', ')} into ${where}; ${programs.length - stale.length} up to date (${seconds()}s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
