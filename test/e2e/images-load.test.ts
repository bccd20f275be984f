// Bringing your own image in the page: the top bar's "Load image" takes a .wasm file, puts it in
// the terminal's files and loads it onto every node; a pod of that image then runs in the
// cluster, as the terminal shows.

import { describe, expect, it } from 'vitest';
import { wat } from '../../workers/runtime/test-support/entry-node-harness';
import { terminalText, typeInTerminal as type } from '../support/browser';
import { usePlayground } from '../support/playground';

const HELLO = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from the page\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 20))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`;

describe('loading an image from the page', () => {
  const playground = usePlayground();

  it('loads a picked .wasm file onto the nodes and runs it as a pod', async () => {
    const { page } = playground;
    await page.getByRole('button', { name: 'Load image' }).click();
    await page.locator('dialog input[type=file]').setInputFiles({ name: 'hello.wasm', mimeType: 'application/wasm', buffer: Buffer.from(await wat(HELLO)) });
    await expect.poll(() => page.locator('dialog input[type=text]').inputValue()).toBe('hello:v1');
    await page.getByRole('button', { name: 'Load onto nodes' }).click();
    await expect.poll(() => page.locator('dialog [role=status]').textContent(), { timeout: 20_000 }).toMatch(/^Loaded hello:v1 \(sha256:[0-9a-f]{12}…\) on kubetab-control-plane, kubetab-worker, kubetab-worker2, kubetab-worker3\.$/);
    await page.getByRole('button', { name: 'Close' }).click();
    await type(page, 'ls');
    await type(page, 'kubectl run hello --image=hello:v1 --image-pull-policy=Never --restart=Never');
    await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain('pod/hello created');
    await expect
      .poll(
        async () => {
          await type(page, 'kubectl logs hello');
          return terminalText(page);
        },
        { timeout: 60_000, interval: 2000 },
      )
      .toContain('hello from the page');
    expect(await terminalText(page)).toContain('hello.wasm');
  });
});
