// agnhost's subcommands up to where they need the network.

import { describe, expect, it } from 'vitest';
import { runProgram } from '../../testing/run-program';

describe('agnhost', () => {
  it('lists its commands without one, and rejects unknown ones', async () => {
    expect((await runProgram('agnhost', ['/agnhost'])).stderr).toContain('  netexec        Creates HTTP(S), UDP, and (optionally) SCTP servers with various endpoints\n');
    expect(await runProgram('agnhost', ['/agnhost', 'frob'])).toMatchObject({ exitCode: 1, stderr: 'Error: unknown command "frob" for "app"\nRun \'app --help\' for usage.\n' });
  });

  it('netexec logs its port (--http-port) before listening', async () => {
    const result = await runProgram('agnhost', ['/agnhost', 'netexec', '--http-port=8080']);
    expect(result.stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Started HTTP server on port 8080\n/);
  });

  it('serve-hostname listens on 9376 by default', async () => {
    let port = 0;
    await runProgram('agnhost', ['/agnhost', 'serve-hostname'], {
      net: () => ({ listen: (requested: number) => ((port = requested), 3), connect: () => 52, resolve: () => 52, peer: () => 52, local_ip: () => 52 }),
    });
    expect(port).toBe(9376);
  });
});
