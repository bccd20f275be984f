// Runs a built image program under Node's WASI, as an ordinary WASI command (Asyncify stays
// inert when the host never unwinds): a temporary directory with a /tmp preopened as `/`, stdin from a
// string, stdout and stderr captured. kubetab_proc answers "no signal" and has the program alone
// in its container, as PID 1; kubetab_net is whatever the test passes, by default every call
// failing with ENOSYS (no network here).

import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WASI } from 'node:wasi';

const BUILD_DIR = fileURLToPath(new URL('../build', import.meta.url));
const ENOSYS = 52;
const ESRCH = 71;
const modules = new Map<string, Promise<WebAssembly.Module>>();

export type Imports = Record<string, (...args: number[]) => number>;

export interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
  /** Files to create before the run, by absolute path in the guest. */
  files?: Record<string, string>;
  /** The kubetab_net functions to provide, given access to the guest's memory. */
  net?: (memory: () => WebAssembly.Memory) => Imports;
  /** A directory to use as `/` (kept); otherwise a fresh one is made and removed. */
  root?: string;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Bytes of linear memory when the program ended. */
  memoryBytes: number;
}

function compiled(program: string): Promise<WebAssembly.Module> {
  let module = modules.get(program);
  if (!module) {
    const path = join(BUILD_DIR, `${program}.wasm`);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      throw new Error(`${path} is missing: run \`npm run images\` first`);
    }
    module = WebAssembly.compile(bytes);
    modules.set(program, module);
  }
  return module;
}

/** proc_exit, as an exception this harness catches. */
class ProcessExit {
  constructor(readonly code: number) {}
}

/**
 * Node 20's WASI functions called straight from wasm take V8's fast-call path, which keeps
 * using the memory's old address after the program grew its memory (clock_time_get then writes
 * into freed memory and the process crashes later). Called through JavaScript they do not.
 */
function throughJavaScript(functions: Record<string, unknown>): Record<string, unknown> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(functions)) {
    wrapped[name] = (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args);
  }
  wrapped.proc_exit = (code: number) => {
    throw new ProcessExit(code);
  };
  return wrapped;
}

/** kubetab_proc for a program alone in its container as PID 1: it handles no signal it gets. */
function soleProcess(argv: string[], memory: () => WebAssembly.Memory): Imports {
  return {
    signals: () => 0,
    take_signal: () => 0,
    pid: () => 1,
    processes: (buf, bufLen, lenOut) => {
      new DataView(memory().buffer).setUint32(lenOut, writeGuestString(memory(), buf, `1 ${argv.join(' ')}\n`.slice(0, bufLen)), true);
      return 0;
    },
    kill: (pid) => (pid === 1 ? 0 : ESRCH),
  };
}

function failingNet(): Imports {
  const fail = (): number => ENOSYS;
  return { listen: fail, connect: fail, resolve: fail, peer: fail, local_ip: fail };
}

/** Writes a UTF-8 string into the guest's memory at `pointer` (for kubetab_net answers). */
export function writeGuestString(memory: WebAssembly.Memory, pointer: number, text: string): number {
  const bytes = new TextEncoder().encode(text);
  new Uint8Array(memory.buffer, pointer, bytes.length).set(bytes);
  return bytes.length;
}

/** Reads a UTF-8 string from the guest's memory. */
export function readGuestString(memory: WebAssembly.Memory, pointer: number, length: number): string {
  return new TextDecoder().decode(new Uint8Array(memory.buffer, pointer, length));
}

export async function runProgram(program: string, argv: string[], options: RunOptions = {}): Promise<RunResult> {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'kubetab-image-'));
  const io = mkdtempSync(join(tmpdir(), 'kubetab-io-'));
  try {
    mkdirSync(join(root, 'tmp'), { recursive: true });
    for (const [path, content] of Object.entries(options.files ?? {})) {
      mkdirSync(join(root, dirname(path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    writeFileSync(join(io, 'stdin'), options.stdin ?? '');
    const stdin = openSync(join(io, 'stdin'), 'r');
    const stdout = openSync(join(io, 'stdout'), 'w');
    const stderr = openSync(join(io, 'stderr'), 'w');
    const wasi = new WASI({
      version: 'preview1',
      args: argv,
      env: options.env ?? { PATH: '/bin', HOME: '/root', HOSTNAME: 'test-pod' },
      preopens: { '/': root },
      stdin,
      stdout,
      stderr,
      returnOnExit: true,
    });
    let memory: WebAssembly.Memory | undefined;
    const guestMemory = (): WebAssembly.Memory => {
      if (!memory) throw new Error('the program has not started');
      return memory;
    };
    const imports = wasi.getImportObject() as { wasi_snapshot_preview1: Record<string, unknown> };
    const instance = await WebAssembly.instantiate(await compiled(program), {
      wasi_snapshot_preview1: throughJavaScript(imports.wasi_snapshot_preview1),
      kubetab_proc: soleProcess(argv, guestMemory),
      kubetab_net: options.net ? options.net(guestMemory) : failingNet(),
    } as Record<string, Record<string, unknown>>);
    memory = instance.exports.memory as WebAssembly.Memory;
    let exitCode: number;
    try {
      exitCode = wasi.start(instance);
    } catch (error) {
      if (!(error instanceof ProcessExit)) throw error;
      exitCode = error.code;
    }
    for (const fd of [stdin, stdout, stderr]) closeSync(fd);
    return {
      stdout: readFileSync(join(io, 'stdout'), 'utf8'),
      stderr: readFileSync(join(io, 'stderr'), 'utf8'),
      exitCode,
      memoryBytes: memory.buffer.byteLength,
    };
  } finally {
    rmSync(io, { recursive: true, force: true });
    if (!options.root) rmSync(root, { recursive: true, force: true });
  }
}

/** `sh -c SCRIPT` in the busybox program. */
export function sh(script: string, options: RunOptions = {}): Promise<RunResult> {
  return runProgram('busybox', ['sh', '-c', script], options);
}
