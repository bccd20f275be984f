// busybox applets, run by name as a container would run them (argv[0] picks the applet).

import { describe, expect, it } from 'vitest';
import { BUSYBOX_APPLETS } from '../../entries/applets';
import { runProgram, sh } from '../../testing/run-program';

const run = (argv: string[], files: Record<string, string> = {}, stdin = '') => runProgram('busybox', argv, { files, stdin });

describe('busybox', () => {
  it('lists exactly the applets the catalog maps to it', async () => {
    const result = await run(['busybox', '--list']);
    expect(result.stdout.trim().split('\n')).toEqual([...BUSYBOX_APPLETS]);
  });

  it('runs an applet named by argv[0] or by its first argument', async () => {
    expect((await run(['/bin/echo', 'via', 'path'])).stdout).toBe('via path\n');
    expect((await run(['busybox', 'echo', 'via', 'busybox'])).stdout).toBe('via busybox\n');
    const unknown = await run(['frobnicate']);
    expect(unknown).toMatchObject({ exitCode: 127, stderr: 'frobnicate: applet not found\n' });
  });
});

describe('output applets', () => {
  it('echo: -n, -e and plain', async () => {
    expect((await sh('echo -n a; echo b; echo -e "x\\ty\\c"; echo "\\t"')).stdout).toBe('ab\nx\ty\\t\n');
  });

  it('printf: conversions, widths and format reuse', async () => {
    const result = await run(['printf', '%s=%d|%5.2f|%-3s|%x|%03d\\n', 'a', '42', '3.14159', 'b', '255', '7']);
    expect(result.stdout).toBe('a=42| 3.14|b  |ff|007\n');
    expect((await run(['printf', '%s\\n', 'one', 'two'])).stdout).toBe('one\ntwo\n');
    const bad = await run(['printf', '%d\\n', 'abc']);
    expect(bad).toMatchObject({ stdout: '0\n', stderr: "printf: invalid number 'abc'\n", exitCode: 1 });
  });

  it('true, false and yes (through head)', async () => {
    expect((await run(['true'])).exitCode).toBe(0);
    expect((await run(['false'])).exitCode).toBe(1);
    expect((await sh('yes | head -n 3')).stdout).toBe('y\ny\ny\n');
  });
});

describe('file applets', () => {
  it('cat: files, stdin, -n and missing files', async () => {
    expect((await run(['cat', '/a', '/b'], { '/a': 'one\n', '/b': 'two\n' })).stdout).toBe('one\ntwo\n');
    expect((await run(['cat'], {}, 'from stdin\n')).stdout).toBe('from stdin\n');
    expect((await run(['cat', '-n', '/a'], { '/a': 'x\ny\n' })).stdout).toBe('     1\tx\n     2\ty\n');
    const missing = await run(['cat', '/nope']);
    expect(missing).toMatchObject({ exitCode: 1, stderr: "cat: can't open '/nope': No such file or directory\n" });
  });

  it('mkdir -p, touch, ls, rm -r', async () => {
    const result = await sh('mkdir -p /d/sub && touch /d/b /d/a && ls /d && rm -r /d && ls /d');
    expect(result.stdout).toBe('a\nb\nsub\n');
    expect(result.stderr).toBe('ls: /d: No such file or directory\n');
    expect(result.exitCode).toBe(1);
  });

  it('ls -l prints busybox long lines', async () => {
    const result = await run(['ls', '-l', '/f'], { '/f': 'hello\n' });
    expect(result.stdout).toMatch(/^-rw-r--r-- {4}1 root {5}root {13}6 [A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d \/f\n$/);
  });

  it('rm refuses directories without -r and complains about missing files unless -f', async () => {
    const result = await sh('mkdir /d; rm /d; rm /missing; rm -f /missing; echo $?');
    expect(result.stderr).toBe("rm: '/d' is a directory\nrm: can't remove '/missing': No such file or directory\n");
    expect(result.stdout).toBe('0\n');
  });

  it('cp and mv, into directories too', async () => {
    const result = await sh('cp /a /b; mkdir /dir; cp /a /dir; mv /b /c; cat /b 2>/dev/null || cat /c /dir/a', { files: { '/a': 'data\n' } });
    expect(result.stdout).toBe('data\ndata\n');
  });

  it('pwd, basename, dirname', async () => {
    expect((await sh('cd /tmp; pwd; basename /a/b/c.txt .txt; dirname /a/b/c.txt; dirname file')).stdout).toBe('/tmp\nc\n/a/b\n.\n');
  });
});

describe('text applets', () => {
  const lines = { '/l': 'one\ntwo\nthree\nfour\nfive\n' };

  it('head and tail, -n and -N and +N', async () => {
    expect((await run(['head', '-n', '2', '/l'], lines)).stdout).toBe('one\ntwo\n');
    expect((await run(['head', '-2', '/l'], lines)).stdout).toBe('one\ntwo\n');
    expect((await run(['tail', '-n', '2', '/l'], lines)).stdout).toBe('four\nfive\n');
    expect((await run(['tail', '-n', '+4', '/l'], lines)).stdout).toBe('four\nfive\n');
    expect((await run(['tail', '-1', '/l'], lines)).stdout).toBe('five\n');
    expect((await run(['tail', '-qn+5', '/l'], lines)).stdout).toBe('five\n');
    expect(await run(['tail', '-nx', '/l'], lines)).toMatchObject({ exitCode: 1, stderr: "tail: invalid number 'x'\n" });
  });

  it('grep: patterns, flags and status', async () => {
    expect((await run(['grep', 't', '/l'], lines)).stdout).toBe('two\nthree\n');
    expect((await run(['grep', '-n', '-v', '[eo]', '/l'], lines)).stdout).toBe('');
    expect((await run(['grep', '-c', 'o', '/l'], lines)).stdout).toBe('3\n');
    expect((await run(['grep', '-E', '^(one|five)$', '/l'], lines)).stdout).toBe('one\nfive\n');
    expect((await run(['grep', '-i', 'ONE', '/l'], lines)).stdout).toBe('one\n');
    expect((await run(['grep', 'f.*e$', '/l'], lines)).stdout).toBe('five\n');
    expect((await run(['grep', '-w', 'on', '/l'], lines)).exitCode).toBe(1);
    expect((await run(['grep', '-o', 'o[nu]', '/l'], lines)).stdout).toBe('on\nou\n');
    expect((await run(['grep', '-q', 'zzz', '/l'], lines)).exitCode).toBe(1);
    expect(await run(['grep', 'x', '/nope'])).toMatchObject({ exitCode: 2, stderr: 'grep: /nope: No such file or directory\n' });
  });

  it('wc, with busybox column widths', async () => {
    expect((await run(['wc', '-l', '/l'], lines)).stdout).toBe('5 /l\n');
    expect((await run(['wc', '/l'], lines)).stdout).toBe('        5         5        24 /l\n');
    expect((await run(['wc', '-w'], {}, 'a b c\n')).stdout).toBe('3\n');
  });

  it('sort, uniq, cut, tr, seq, tee', async () => {
    expect((await sh('printf "b\\na\\nb\\n" | sort | uniq -c')).stdout).toBe('      1 a\n      2 b\n');
    expect((await sh('printf "10\\n9\\n100\\n" | sort -n')).stdout).toBe('9\n10\n100\n');
    expect((await sh('echo "a:b:c" | cut -d: -f2,3')).stdout).toBe('b:c\n');
    expect((await sh('echo hello | tr a-z A-Z')).stdout).toBe('HELLO\n');
    expect((await sh('seq 3; seq 2 2 6')).stdout).toBe('1\n2\n3\n2\n4\n6\n');
    expect((await sh('echo teed | tee /t; cat /t')).stdout).toBe('teed\nteed\n');
  });

  it('test and [', async () => {
    const result = await sh('[ -f /l ] && echo file; [ -d /tmp ] && echo dir; [ 3 -gt 2 -a abc = abc ] && echo both; [ ! -e /x ] && echo absent; [ a = b ] || echo differ; [ abc -eq 1 ]; echo $?', { files: lines });
    expect(result.stdout).toBe('file\ndir\nboth\nabsent\ndiffer\n2\n');
    expect(result.stderr).toBe('sh: abc: bad number\n');
  });
});

describe('system applets', () => {
  it('date: default format, +FORMAT and -d @SECONDS in UTC', async () => {
    expect((await run(['date', '-d', '@1767268800'])).stdout).toBe('Thu Jan  1 12:00:00 UTC 2026\n');
    expect((await run(['date', '-u', '-d', '@0', '+%Y-%m-%dT%H:%M:%S %a %b %j %s'])).stdout).toBe('1970-01-01T00:00:00 Thu Jan 001 0\n');
    expect((await run(['date'])).stdout).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d UTC \d{4}\n$/);
  });

  it('sleep waits, accepts fractions and suffixes, and rejects junk', async () => {
    const started = performance.now();
    expect((await run(['sleep', '0.2'])).exitCode).toBe(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(await run(['sleep', 'soon'])).toMatchObject({ exitCode: 1, stderr: "sleep: invalid number 'soon'\n" });
  });

  it('hostname, id, whoami, uname', async () => {
    const result = await sh('hostname; id; whoami; uname; uname -s -n -m');
    expect(result.stdout).toBe('test-pod\nuid=0(root) gid=0(root) groups=0(root),10(wheel)\nroot\nLinux\nLinux test-pod x86_64\n');
    expect((await run(['hostname'], { '/etc/hostname': 'from-file\n' })).stdout).toBe('from-file\n');
  });

  it('env prints the environment and runs an applet with more of it', async () => {
    expect((await run(['env'])).stdout).toBe('PATH=/bin\nHOME=/root\nHOSTNAME=test-pod\n');
    expect((await run(['env', 'A=1', 'printenv', 'A'])).stdout).toBe('1\n');
    expect((await run(['which', 'sh', 'nosuch'])).stdout).toBe('/bin/sh\n');
  });
});
