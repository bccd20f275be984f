// hashicorp/http-echo's command line and startup log (serving is tested through the runtime).

import { describe, expect, it } from 'vitest';
import { runProgram } from '../../testing/run-program';

describe('http-echo', () => {
  it('requires -text (or ECHO_TEXT)', async () => {
    expect(await runProgram('http-echo', ['/http-echo'])).toMatchObject({ exitCode: 127, stderr: 'Missing -text option OR ENV var TEXT is empty!\n' });
  });

  it('logs where it listens, and fails when it cannot', async () => {
    const result = await runProgram('http-echo', ['/http-echo', '-text=hello', '-listen=:8080']);
    expect(result.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[INFO\] server is listening on :8080\n\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[ERR\] server exited with: listen tcp :8080: bind: function not implemented\n$/);
    expect(result.exitCode).toBe(1);
  });

  it('prints its version and rejects unknown flags', async () => {
    expect(await runProgram('http-echo', ['/http-echo', '-version'])).toMatchObject({ exitCode: 0, stderr: 'http-echo v1.0.0\n' });
    const bad = await runProgram('http-echo', ['/http-echo', '-bogus']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('flag provided but not defined: -bogus');
  });
});
