// The runtime in a real browser (Debian's Chromium, headless, a page with no cross-origin
// isolation): an unmodified C program sleeps through JSPI on a manual clock, and the same
// program in the forced sync fallback sleeps with Atomics.wait on worker-private shared memory.
// Skipped where no Chromium is installed.

import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const here = new URL('.', import.meta.url).pathname;

const PAGE_SCRIPT = `
import { ClusterClock } from '../../src/cluster/clock';
import { createContainerRuntime } from './container-runtime';

globalThis.runSleep = async (mode) => {
  const platform = {
    spawnContainerWorker() {
      const worker = new Worker('/container.js', { type: 'module' });
      return { endpoint: worker, terminate: () => worker.terminate() };
    },
  };
  const clock = mode === 'sync' ? new ClusterClock({ speed: 20 }) : ClusterClock.manual();
  const fabric = { resolve: async () => [], connect: async () => { throw new Error('EHOSTUNREACH'); }, listen: async () => () => undefined };
  const runtime = createContainerRuntime({ platform, clock, fabric, suspension: mode === 'sync' ? 'sync' : undefined });
  const bytes = new Uint8Array(await (await fetch('/sleep.wasm')).arrayBuffer());
  const image = { reference: 'sleep', modules: { sleep: await WebAssembly.compile(bytes) }, moduleBytes: { sleep: bytes }, executables: { '/bin/sleep': 'sleep' }, files: {}, entrypoint: [], cmd: [], workingDir: '/', env: {} };
  const sandbox = await runtime.runPodSandbox({ uid: 'u', name: 'p', namespace: 'default', hostname: 'p', podIP: '10.244.0.5', volumes: [] });
  let stdout = '';
  const container = await sandbox.startContainer(
    { name: 'c', id: 'containerd://1', image, argv: ['sleep', '2000'], env: {}, workingDir: '', mounts: [], stdin: false, stdinOnce: false, tty: false },
    (_stream, text) => { stdout += text; },
  );
  let beforeDeadline = '';
  if (mode !== 'sync') {
    await clock.advance(1999);
    await new Promise((resolve) => setTimeout(resolve, 200));
    beforeDeadline = stdout;
    await clock.advance(1);
  }
  const status = await container.exited;
  await runtime.shutdown();
  return { suspension: container.suspension, beforeDeadline, stdout, exitCode: status.exitCode, isolated: globalThis.crossOriginIsolated };
};
`;

async function bundle(options: { entry?: string; contents?: string }): Promise<string> {
  const result = await build({
    ...(options.entry ? { entryPoints: [options.entry] } : { stdin: { contents: options.contents ?? '', resolveDir: here, loader: 'ts' } }),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

describe.skipIf(!existsSync(CHROMIUM))('in Chromium', () => {
  let browser: Browser;
  let workerSource: string;
  let pageScript: string;
  let wasm: Buffer;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    workerSource = await bundle({ entry: `${here}entry-web.ts` });
    pageScript = await bundle({ contents: PAGE_SCRIPT });
    wasm = await readFile(new URL('./fixtures/sleep.wasm', import.meta.url));
  }, 60_000);
  afterAll(() => browser?.close());

  async function runSleep(mode: 'jspi' | 'sync') {
    const page = await browser.newPage();
    const files: Record<string, { body: string | Buffer; contentType: string }> = {
      '/': { body: '<!doctype html><title>kubetab runtime</title><script type="module" src="/page.js"></script>', contentType: 'text/html' },
      '/page.js': { body: pageScript, contentType: 'text/javascript' },
      '/container.js': { body: workerSource, contentType: 'text/javascript' },
      '/sleep.wasm': { body: wasm, contentType: 'application/wasm' },
    };
    await page.route('http://127.0.0.1:7/**', (route) => route.fulfill(files[new URL(route.request().url()).pathname] ?? { status: 404, body: '' }));
    await page.goto('http://127.0.0.1:7/');
    await page.waitForFunction(() => 'runSleep' in globalThis);
    const result = await page.evaluate((which) => (globalThis as unknown as { runSleep(mode: string): Promise<unknown> }).runSleep(which), mode);
    await page.close();
    return result as { suspension: string; beforeDeadline: string; stdout: string; exitCode: number; isolated: boolean };
  }

  it('suspends a C program through JSPI until the manual clock reaches its deadline', async () => {
    const result = await runSleep('jspi');
    expect(result).toEqual({ suspension: 'jspi', beforeDeadline: '', stdout: 'slept 2000 ms\n', exitCode: 0, isolated: false });
  });

  it('runs the sync fallback without cross-origin isolation', async () => {
    const result = await runSleep('sync');
    expect(result).toEqual({ suspension: 'sync', beforeDeadline: '', stdout: 'slept 2000 ms\n', exitCode: 0, isolated: false });
  });
});
