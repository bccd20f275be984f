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

  it('the downward API volume loop: [[ -e FILE ]] and echo -en', async () => {
    const script = "if [[ -e /etc/podinfo/labels ]]; then echo -en '\\n\\n'; cat /etc/podinfo/labels; fi; if [[ -e /etc/podinfo/annotations ]]; then echo -en '\\n\\n'; cat /etc/podinfo/annotations; fi;";
    const result = await sh(script, { files: { '/etc/podinfo/labels': 'cluster="test-cluster1"\nrack="rack-22"' } });
    expect(result).toMatchObject({ stdout: '\n\ncluster="test-cluster1"\nrack="rack-22"', exitCode: 0 });
  });

  it('the two-files counter writes "$i: $(date)" and "$(date) INFO $i", read back with tail -n+1', async () => {
    const script = 'i=0; while [ $i -lt 3 ]; do echo "$i: $(date)" >> /var/log/1.log; echo "$(date) INFO $i" >> /var/log/2.log; i=$((i+1)); done; ' +
      "tail -n+1 /var/log/1.log | cut -d: -f1 | xargs; awk '{print $(NF-1), $NF}' /var/log/2.log";
    const result = await sh(script, { files: { '/var/log/.keep': '' } });
    expect(result.stdout).toBe('0 1 2\nINFO 0\nINFO 1\nINFO 2\n');
  });

  it('an Indexed Job reverses its input with rev', async () => {
    const result = await runProgram('busybox', ['rev', '/input/data.txt'], { files: { '/input/data.txt': 'foo\nbar baz\n' } });
    expect(result).toMatchObject({ stdout: 'oof\nzab rab\n', exitCode: 0 });
  });

  it('a container that stops itself: kill -TERM 1 runs the TERM trap', async () => {
    const result = await sh('trap \'echo "caught SIGTERM, shutting down"; exit 0\' TERM; echo running; kill -TERM 1; echo never');
    expect(result).toMatchObject({ stdout: 'running\ncaught SIGTERM, shutting down\n', exitCode: 0 });
  });

  it('PID 1 without a trap ignores kill, as Linux does inside a container', async () => {
    const result = await sh('kill 1; kill -9 1; echo "still running $?"');
    expect(result).toMatchObject({ stdout: 'still running 0\n', exitCode: 0 });
  });

  it('debugging commands: hostname, environment, time and arithmetic', async () => {
    const script = 'echo $HOSTNAME; cat /etc/hostname; env | grep HOSTNAME; [ $(date +%s) -gt 1700000000 ] && echo epoch; echo $((2**10)) $(( (3 + 4) * 2 ))';
    const result = await sh(script, { files: { '/etc/hostname': 'test-pod\n' } });
    expect(result.stdout).toBe('test-pod\ntest-pod\nHOSTNAME=test-pod\nepoch\n1024 14\n');
  });

  it('wget -qO- takes its flags combined, as the docs write it', async () => {
    const https = await sh('wget -qO- https://kubernetes.io');
    expect(https).toMatchObject({ exitCode: 1, stderr: "wget: can't execute 'ssl_client': No such file or directory\nwget: error getting response: Connection reset by peer\n" });
    const bad = await sh('wget -qO- -x http://web');
    expect(bad).toMatchObject({ exitCode: 1, stderr: 'wget: unrecognized option: x\n' });
  });

  it('reading config with sed -n, awk and grep', async () => {
    const files = { '/etc/config/game.properties': 'enemies=aliens\nlives=3\nsecret.code.allowed=true\n' };
    const script = "sed -n '2p' /etc/config/game.properties; awk -F= '/lives/ {print $2}' /etc/config/game.properties; " +
      "sed 's/=.*//' /etc/config/game.properties | xargs; grep -c = /etc/config/game.properties";
    const result = await sh(script, { files });
    expect(result.stdout).toBe('lives=3\n3\nenemies lives secret.code.allowed\n3\n');
  });

  it('tail -F on a file that does not exist yet reports it and keeps waiting', async () => {
    const result = await sh('tail -n 1 /var/log/app.log; echo "status $?"');
    expect(result.stdout).toBe('status 1\n');
    expect(result.stderr).toBe("tail: can't open '/var/log/app.log': No such file or directory\n");
  });
});
