// Unmodified WASI programs from outside the project (C with wasi-libc, Rust std for wasm32-wasi,
// built by fixtures/build.sh) print the same and exit the same under kubetab as under Node's
// built-in WASI.

import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectedOutput, containerConfig, imageOf, runWithNodeWasi, startRuntime, type Harness } from './test-support/entry-node-harness';

const fixture = (name: string): Promise<Uint8Array> => readFile(new URL(`./fixtures/${name}`, import.meta.url)).then((b) => new Uint8Array(b));

let harness: Harness;
beforeAll(async () => {
  harness = await startRuntime();
}, 60_000);
afterAll(() => harness.runtime.shutdown());

const cases: { name: string; file: string; args: string[]; files: Record<string, string> }[] = [
  { name: 'C: args, environment, stderr, exit code', file: 'hello.wasm', args: ['hello', 'one', 'two words'], files: {} },
  { name: 'C: files, directories, seek, rename, unlink', file: 'files.wasm', args: ['files'], files: { 'data/input.txt': 'from the image\n' } },
  { name: 'Rust std: args, env, create_dir_all, read_dir, exit', file: 'hello-rust.wasm', args: ['hello-rust', '--flag'], files: { 'data/.keep': '' } },
];

describe('foreign WASI programs match node:wasi', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const bytes = await fixture(testCase.file);
      const env = { GREETING: 'hi there' };
      const reference = await runWithNodeWasi(bytes, testCase.args, env, testCase.files);
      const image = await imageOf({ [testCase.args[0]]: bytes }, { files: Object.fromEntries(Object.entries(testCase.files).map(([p, c]) => [`/${p}`, c])) });
      const sandbox = await harness.sandbox();
      const output = new CollectedOutput();
      const container = await sandbox.startContainer(containerConfig(image, testCase.args, { env }), output.sink);
      const status = await container.exited;
      expect(output.stdout).toBe(reference.stdout);
      expect(output.stderr).toBe(reference.stderr);
      expect(status.exitCode).toBe(reference.exitCode);
      expect(reference.stdout.length).toBeGreaterThan(0);
    });
  }
});
