import wabtInit from 'wabt';
import { expect, it } from 'vitest';
import { capMemory, memoryLimits } from './module-binary';

async function wat(source: string): Promise<Uint8Array> {
  const module = (await wabtInit()).parseWat('m.wat', source);
  return new Uint8Array(module.toBinary({}).buffer);
}

const grow = '(func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))';

it('caps a defined memory so memory.grow fails at the limit', async () => {
  const bytes = await wat(`(module (type (func)) (import "wasi_snapshot_preview1" "sched_yield" (func (result i32))) (memory (export "memory") 2) ${grow})`);
  expect(memoryLimits(bytes)).toEqual({ imported: false, initialPages: 2, maximumPages: undefined });
  const capped = capMemory(bytes, 4);
  expect(memoryLimits(capped)).toEqual({ imported: false, initialPages: 2, maximumPages: 4 });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(capped), { wasi_snapshot_preview1: { sched_yield: () => 0 } });
  const growBy = instance.exports.grow as (pages: number) => number;
  expect(growBy(2)).toBe(2);
  expect(growBy(1)).toBe(-1);
});

it('keeps a smaller declared maximum and caps an imported memory', async () => {
  const small = await wat('(module (memory 1 3))');
  expect(memoryLimits(capMemory(small, 10))?.maximumPages).toBe(3);
  const imported = await wat('(module (import "env" "memory" (memory 5)))');
  expect(memoryLimits(capMemory(imported, 8))).toEqual({ imported: true, initialPages: 5, maximumPages: 8 });
});

it('leaves a module without memory unchanged', async () => {
  const bytes = await wat('(module (func))');
  expect(capMemory(bytes, 4)).toEqual(bytes);
  expect(memoryLimits(bytes)).toBeUndefined();
});
