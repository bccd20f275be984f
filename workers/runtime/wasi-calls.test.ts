// The WASI preview1 host call by call: an AssemblyScript tour of the calls (fixtures/
// wasi-tour.as) and small WAT programs print the same and exit the same as under Node's own
// WASI; calls kubetab does not implement answer ENOSYS instead of failing.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assemblyScript, asyncify, CollectedOutput, containerConfig, imageOf, runWithNodeWasi, startRuntime, wat, type Harness } from './test-support/entry-node-harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startRuntime();
}, 60_000);
afterAll(() => harness.runtime.shutdown());

async function compare(bytes: Uint8Array, argv: string[]) {
  const env = { GREETING: 'hello' };
  const reference = await runWithNodeWasi(bytes, argv, env);
  const sandbox = await harness.sandbox();
  const output = new CollectedOutput();
  const container = await sandbox.startContainer(containerConfig(await imageOf({ [argv[0]]: bytes }), argv, { env }), output.sink);
  const status = await container.exited;
  return { reference, output, status };
}

it('the AssemblyScript tour of WASI calls matches node:wasi', async () => {
  const source = await readFile(new URL('./fixtures/wasi-tour.as', import.meta.url), 'utf8');
  const bytes = await assemblyScript(source, ['--use', 'abort=']);
  const { reference, output, status } = await compare(bytes, ['tour', 'first', 'second arg']);
  expect(output.stdout).toBe(reference.stdout);
  expect(status.exitCode).toBe(reference.exitCode);
  expect(reference.stdout).toContain('fd_read: 0 world');
  expect(reference.stdout).toContain('fd_readdir: 0 a.txt/4');
  expect(reference.stdout).toContain('path_filestat_set_times: 0 mtim 1600000000000000000');
  expect(status.exitCode).toBe(5);
});

it('the same tour built with Asyncify runs the same under kubetab', async () => {
  const source = await readFile(new URL('./fixtures/wasi-tour.as', import.meta.url), 'utf8');
  const bytes = asyncify(await assemblyScript(source, ['--use', 'abort=']));
  const { reference, output, status } = await compare(bytes, ['tour']);
  expect(status.exitCode).toBe(5);
  expect(output.stdout).toBe(reference.stdout);
});

it('a WAT program that returns from _start exits 0 and one that calls proc_exit keeps its code', async () => {
  const returns = await wat('(module (memory (export "memory") 1) (func (export "_start")))');
  const exits = await wat(`(module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
    (memory (export "memory") 1) (func (export "_start") (call $exit (i32.const 77))))`);
  for (const [bytes, code] of [[returns, 0], [exits, 77]] as const) {
    const { reference, status } = await compare(bytes, ['prog']);
    expect(reference.exitCode).toBe(code);
    expect(status.exitCode).toBe(code);
  }
});

it('answers ENOSYS (52) for preview1 calls kubetab does not implement', async () => {
  const bytes = await wat(`(module
    (import "wasi_snapshot_preview1" "path_symlink" (func $symlink (param i32 i32 i32 i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
    (memory (export "memory") 1)
    (func (export "_start") (call $exit (call $symlink (i32.const 0) (i32.const 0) (i32.const 3) (i32.const 0) (i32.const 0)))))`);
  const sandbox = await harness.sandbox();
  const container = await sandbox.startContainer(containerConfig(await imageOf({ symlink: bytes }), ['symlink']), new CollectedOutput().sink);
  expect((await container.exited).exitCode).toBe(52);
});

it('answers EFAULT (21) for a pointer outside the program\'s memory', async () => {
  const bytes = await wat(`(module
    (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
    (memory (export "memory") 1)
    (func (export "_start")
      (i32.store (i32.const 0) (i32.const 100)) (i32.store (i32.const 4) (i32.const 4))
      (call $exit (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 70000)))))`);
  const sandbox = await harness.sandbox();
  const container = await sandbox.startContainer(containerConfig(await imageOf({ fault: bytes }), ['fault']), new CollectedOutput().sink);
  expect((await container.exited).exitCode).toBe(21);
});

it('streams UTF-8 output split across writes without breaking characters', async () => {
  const bytes = await wat(`(module
    (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
    (memory (export "memory") 1)
    (data (i32.const 100) "caf\\c3\\a9\\n")
    (func (export "_start")
      (i32.store (i32.const 0) (i32.const 100)) (i32.store (i32.const 4) (i32.const 4))
      (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 40)))
      (i32.store (i32.const 0) (i32.const 104)) (i32.store (i32.const 4) (i32.const 2))
      (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 40)))))`);
  const { reference, output } = await compare(bytes, ['utf8']);
  expect(output.stdout).toBe('café\n');
  expect(reference.stdout).toBe('café\n');
});
