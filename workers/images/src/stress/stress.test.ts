// stress really takes the memory it is told to (so memory limits bite) and stops on --timeout.

import { describe, expect, it } from 'vitest';
import { runProgram } from '../../testing/run-program';

describe('stress', () => {
  it('allocates --vm-bytes of wasm memory (the docs memory-limit example, timed out)', async () => {
    const result = await runProgram('stress', ['stress', '--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1', '--timeout', '1']);
    expect(result.stdout).toBe('stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\nstress: info: [1] successful run completed in 1s\n');
    expect(result.exitCode).toBe(0);
    expect(result.memoryBytes).toBeGreaterThanOrEqual(150 * 1024 * 1024);
  });

  it('spins for --cpu until the timeout', async () => {
    const started = performance.now();
    const result = await runProgram('stress', ['stress', '--cpu', '2', '--timeout', '1s']);
    expect(result.exitCode).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('rejects bad arguments', async () => {
    expect(await runProgram('stress', ['stress', '--vm', '1', '--vm-bytes', 'lots'])).toMatchObject({ exitCode: 1, stderr: 'stress: FAIL: [1] (invalid number: lots)\n' });
    expect(await runProgram('stress', ['stress', '--timeout', '5'])).toMatchObject({ exitCode: 1, stderr: 'stress: FAIL: [1] (no workers specified)\n' });
  });
});
