// nginx up to where it needs the network: the entrypoint's lines, the startup notices (the
// daemonizing form exits right after them), a failed bind, and the command-line switches.
// Serving is tested through the runtime, with real pod networking.

import { describe, expect, it } from 'vitest';
import { runProgram, type Imports } from '../../testing/run-program';

const ADDRESS_IN_USE = 3;
const TIMESTAMP = '\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d';

function listenAnswering(errno: number) {
  return (memory: () => WebAssembly.Memory): Imports => ({
    listen: (_port: number, fdOut: number) => {
      if (errno === 0) new DataView(memory().buffer).setUint32(fdOut, 7, true);
      return errno;
    },
    connect: () => 52,
    resolve: () => 52,
    peer: () => 52,
    local_ip: () => 52,
  });
}

const ENTRYPOINT_LINES = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

describe('nginx', () => {
  it('prints the entrypoint lines, then its notices, as the official image does', async () => {
    const result = await runProgram('nginx', ['/docker-entrypoint.sh', 'nginx'], {
      env: { NGINX_VERSION: '1.27.3' },
      net: listenAnswering(0),
    });
    expect(result.stdout).toBe(ENTRYPOINT_LINES.map((line) => `${line}\n`).join(''));
    const notices = result.stderr.trimEnd().split('\n');
    expect(notices.map((line) => line.replace(new RegExp(`^${TIMESTAMP} `), ''))).toEqual([
      '[notice] 1#1: using the "epoll" event method',
      '[notice] 1#1: nginx/1.27.3',
      '[notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ',
      '[notice] 1#1: OS: Linux 6.8.0-kubetab',
      '[notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '[notice] 1#1: start worker processes',
      '[notice] 1#1: start worker process 29',
      '[notice] 1#1: start worker process 30',
    ]);
    for (const line of notices) expect(line).toMatch(new RegExp(`^${TIMESTAMP} \\[notice\\]`));
    expect(result.exitCode).toBe(0);
  });

  it('says nothing at startup in images older than 1.19', async () => {
    const result = await runProgram('nginx', ['/docker-entrypoint.sh', 'nginx'], { env: { NGINX_VERSION: '1.14.2' }, net: listenAnswering(0) });
    expect(result).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('nginx -s: no master without /run/nginx.pid, a PID file it cannot read, and a name it does not know', async () => {
    expect(await runProgram('nginx', ['nginx', '-s', 'reload'])).toMatchObject({ exitCode: 1, stdout: '', stderr: 'nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n' });
    expect(await runProgram('nginx', ['nginx', '-s', 'stop'], { files: { '/run/nginx.pid': '\n' } })).toMatchObject({ exitCode: 1, stderr: 'nginx: [error] invalid PID number "" in "/run/nginx.pid"\n' });
    expect(await runProgram('nginx', ['nginx', '-s'])).toMatchObject({ exitCode: 1, stderr: 'nginx: option "-s" requires parameter\n' });
  });

  it('fails with an emerg line when the port is taken', async () => {
    const result = await runProgram('nginx', ['nginx', '-g', 'daemon off;'], { env: { NGINX_VERSION: '1.27.3' }, net: listenAnswering(ADDRESS_IN_USE) });
    expect(result.stderr).toMatch(new RegExp(`^${TIMESTAMP} \\[emerg\\] 1#1: bind\\(\\) to 0.0.0.0:80 failed \\(98: Address already in use\\)\\n$`));
    expect(result.exitCode).toBe(1);
  });

  it('listens on the port of a mounted default.conf', async () => {
    let port = 0;
    await runProgram('nginx', ['nginx'], {
      files: { '/etc/nginx/conf.d/default.conf': 'server {\n    listen 8080;\n    location / {\n        root /srv;\n    }\n}\n' },
      net: (memory) => ({ ...listenAnswering(0)(memory), listen: (requested: number) => ((port = requested), ADDRESS_IN_USE) }),
    });
    expect(port).toBe(8080);
  });

  it('answers -v, -t and unknown switches like nginx', async () => {
    expect(await runProgram('nginx', ['nginx', '-v'], { env: { NGINX_VERSION: '1.25.5' } })).toMatchObject({ stderr: 'nginx version: nginx/1.25.5\n', exitCode: 0 });
    expect((await runProgram('nginx', ['nginx', '-t'])).stderr).toBe(
      'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n',
    );
    expect(await runProgram('nginx', ['nginx', '-x'])).toMatchObject({ stderr: 'nginx: invalid option: "-x"\n', exitCode: 1 });
    expect((await runProgram('nginx', ['/docker-entrypoint.sh', 'sh'])).exitCode).toBe(126);
  });
});
