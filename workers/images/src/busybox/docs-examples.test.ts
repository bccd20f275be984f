// The Kubernetes documentation's busybox examples, run as written where they end, and with
// their sleeps shortened where they would run for minutes.

import { describe, expect, it } from 'vitest';
import { readGuestString, runProgram, sh, writeGuestString, type Imports } from '../../testing/run-program';

const NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';
const ENOENT = 44;

/** kubetab_net.resolve knowing one name; everything else is NXDOMAIN. */
function resolverKnowing(name: string, address: string) {
  return (memory: () => WebAssembly.Memory): Imports => ({
    listen: () => 52,
    connect: () => 52,
    peer: () => 52,
    local_ip: () => 52,
    resolve: (host: number, hostLength: number, buf: number, _bufLength: number, lengthOut: number) => {
      const asked = readGuestString(memory(), host, hostLength).replace(/\.$/, '');
      if (asked !== name) return ENOENT;
      new DataView(memory().buffer).setUint32(lengthOut, writeGuestString(memory(), buf, `${address}\n`), true);
      return 0;
    },
  });
}

describe('init containers: waiting for a service with nslookup', () => {
  const script = 'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done';

  it('ends once the name resolves, printing busybox nslookup output', async () => {
    const result = await runProgram('busybox', ['sh', '-c', script], {
      files: { [NAMESPACE_FILE]: 'default', '/etc/resolv.conf': 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' },
      net: resolverKnowing('myservice.default.svc.cluster.local', '10.96.113.4'),
    });
    expect(result.stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tmyservice.default.svc.cluster.local\nAddress: 10.96.113.4\n\n');
    expect(result.exitCode).toBe(0);
  });

  it('reports NXDOMAIN and fails while the service does not exist', async () => {
    const result = await runProgram('busybox', ['nslookup', 'myservice.default.svc.cluster.local'], { net: resolverKnowing('other', '10.0.0.1') });
    expect(result.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can\'t find myservice.default.svc.cluster.local: NXDOMAIN\n\n' +
        '** server can\'t find myservice.default.svc.cluster.local: NXDOMAIN\n\n',
    );
    expect(result.exitCode).toBe(1);
  });

  it('finds short names through the search list', async () => {
    const result = await runProgram('busybox', ['nslookup', 'kubernetes.default'], {
      files: { '/etc/resolv.conf': 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' },
      net: resolverKnowing('kubernetes.default.svc.cluster.local', '10.96.0.1'),
    });
    expect(result.stdout).toContain('Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n');
  });
});

describe('the docs commands', () => {
  it("sh -c 'echo The app is running! && sleep ...'", async () => {
    const result = await sh('echo The app is running! && sleep 0.1');
    expect(result).toMatchObject({ stdout: 'The app is running!\n', exitCode: 0 });
  });

  it('a logging loop appending date to a shared file, read by tail', async () => {
    const result = await sh('mkdir -p /var/log; i=0; while true; do date >> /var/log/app.log; i=$((i+1)); [ $i -ge 3 ] && break; sleep 0.05; done; tail -n 2 /var/log/app.log | wc -l');
    expect(result.stdout).toBe('2\n');
  });

  it('an exec liveness probe: cat /tmp/healthy succeeds, then fails once the file is removed', async () => {
    const result = await sh('touch /tmp/healthy; sleep 0.05; cat /tmp/healthy; echo "probe $?"; rm -f /tmp/healthy; cat /tmp/healthy; echo "probe $?"');
    expect(result.stdout).toBe('probe 0\nprobe 1\n');
    expect(result.stderr).toBe("cat: can't open '/tmp/healthy': No such file or directory\n");
  });

  it('tail -F on a file that does not exist yet reports it and keeps waiting', async () => {
    const result = await sh('tail -n 1 /var/log/app.log; echo "status $?"');
    expect(result.stdout).toBe('status 1\n');
    expect(result.stderr).toBe("tail: can't open '/var/log/app.log': No such file or directory\n");
  });
});
