// The text tools scripts are built from: sed, awk and xargs, plus kill and `[[`, run through
// `sh -c` as a container command would, checked against busybox's output and messages.

import { describe, expect, it } from 'vitest';
import { sh } from '../../testing/run-program';

const LINES = "printf 'alpha 1\\nbeta 2\\ngamma 3\\n'";

describe('sed', () => {
  it('substitutes with flags, groups and &', async () => {
    const result = await sh("echo 'a=1 b=2 a=3' | sed 's/a/A/g; s/\\([a-z]\\)=\\([0-9]\\)/\\2:\\1/'; echo aaa | sed s/a/b/2; echo foo | sed -E 's/(o+)/[&|\\1]/'");
    expect(result.stdout).toBe('A=1 2:b A=3\naba\nf[oo|oo]\n');
  });

  it('addresses: line numbers, $, /regex/, ranges and !', async () => {
    const result = await sh(`${LINES} | sed -n '2p'; ${LINES} | sed '$d'; ${LINES} | sed -n '/beta/,$p'; ${LINES} | sed '2!d'; ${LINES} | sed -n '/a 1/='`);
    expect(result.stdout).toBe('beta 2\nalpha 1\nbeta 2\nbeta 2\ngamma 3\nbeta 2\n1\n');
  });

  it('-e scripts, a/i/c, y, q with a status, and the hold space', async () => {
    const result = await sh(`${LINES} | sed -e '1i\\top' -e '$a end' -e '2c\\changed'; echo abc | sed y/abc/xyz/; ${LINES} | sed 1q7; echo "q $?"; ${LINES} | sed -n '1h;1!H;\${x;s/\\n/,/g;p}'`);
    expect(result.stdout).toBe('top\nalpha 1\nchanged\ngamma 3\nend\nxyz\nalpha 1\nq 7\nalpha 1,beta 2,gamma 3\n');
  });

  it('-i edits files in place', async () => {
    const result = await sh("echo 'listen 80;' > /etc/app.conf; sed -i 's/80/8080/' /etc/app.conf; cat /etc/app.conf", { files: { '/etc/.keep': '' } });
    expect(result.stdout).toBe('listen 8080;\n');
  });

  it('reports bad scripts and missing files the busybox way', async () => {
    expect(await sh("echo x | sed 'k'")).toMatchObject({ exitCode: 1, stderr: 'sed: unsupported command k\n' });
    expect(await sh("echo x | sed 's/x/y'")).toMatchObject({ exitCode: 1, stderr: "sed: unmatched '/'\n" });
    expect(await sh("echo x | sed 's/x/y/z'")).toMatchObject({ exitCode: 1, stderr: 'sed: bad option in substitution expression\n' });
    expect(await sh('sed p /nope')).toMatchObject({ exitCode: 1, stderr: 'sed: /nope: No such file or directory\n' });
  });
});

describe('awk', () => {
  it('prints fields: $1, $NF, -F, NR and NF', async () => {
    const result = await sh(`${LINES} | awk '{print $1, $NF}'; echo 'x:y:z' | awk -F: '{print $2, NF}'; ${LINES} | awk 'NR==2 {print NR": "$0}'`);
    expect(result.stdout).toBe('alpha 1\nbeta 2\ngamma 3\ny 3\n2: beta 2\n');
  });

  it('BEGIN/END, sums, arrays, printf and number formatting', async () => {
    const result = await sh(`${LINES} | awk 'BEGIN {print "start"} {sum += $2; seen[$1]++} END {printf "%d items, sum %.2f, mean %s\\n", NR, sum, sum/NR/7; print length(seen)}'`);
    expect(result.stdout).toBe('start\n3 items, sum 6.00, mean 0.285714\n3\n');
  });

  it('patterns, ranges, regex matches and control flow', async () => {
    const script = `${LINES} | awk '/^b/,/^g/ {print "in", $1} $2 > 2 && $1 !~ /z/ {print "big", $1} {if ($2 % 2) next; print "even", $1}'`;
    expect((await sh(script)).stdout).toBe('in beta\neven beta\nin gamma\nbig gamma\n');
  });

  it('string functions: sub, gsub, split, substr, index, match, toupper, sprintf', async () => {
    const script = `echo 'hello world' | awk '{gsub(/o/, "0"); n = split($0, w, " "); print $0, n, w[2], substr($0, 2, 3), index($0, "w"), toupper(w[1]); print match("abcd", /cd/), RSTART, RLENGTH, sprintf("%05.1f", 3.14159)}'`;
    expect((await sh(script)).stdout).toBe('hell0 w0rld 2 w0rld ell 7 HELL0\n3 3 2 003.1\n');
  });

  it('exit codes, -v variables and assigning fields', async () => {
    const result = await sh(`echo '5 apples' | awk -v fruit=pears '{$2 = fruit; print; exit 3}'; echo "status $?"`);
    expect(result.stdout).toBe('5 pears\nstatus 3\n');
  });

  it('print > FILE empties the file once, then appends; /dev/stderr is stderr', async () => {
    const result = await sh(`echo old > /tmp/out; ${LINES} | awk '{print $1 > "/tmp/out"} END {print "done" > "/dev/stderr"}'; cat /tmp/out`);
    expect(result).toMatchObject({ stdout: 'alpha\nbeta\ngamma\n', stderr: 'done\n' });
  });

  it('reports syntax errors, runtime errors and what it does not support', async () => {
    expect(await sh("awk '{print $1'")).toMatchObject({ exitCode: 1, stderr: 'awk: cmd. line:1: unexpected end of program\n' });
    expect(await sh("awk 'BEGIN {print 1/0}'")).toMatchObject({ exitCode: 2, stdout: '', stderr: 'awk: cmd. line:1: division by zero\n' });
    expect(await sh("awk 'function f(x) {return x}'")).toMatchObject({ exitCode: 1, stderr: 'awk: cmd. line:1: user-defined functions are not supported\n' });
    expect(await sh("awk '{print | \"sort\"}'")).toMatchObject({ exitCode: 1, stderr: 'awk: cmd. line:1: output to a command is not supported\n' });
  });
});

describe('xargs', () => {
  it('passes words to echo by default, -n at a time, or in place of -I', async () => {
    const result = await sh("echo 'a b  c' | xargs; printf '1\\n2\\n3\\n' | xargs -n 2 echo n:; printf 'x\\ny\\n' | xargs -I{} echo '<{}>'");
    expect(result.stdout).toBe('a b c\nn: 1 2\nn: 3\n<x>\n<y>\n');
  });

  it('reports commands it cannot run and failing ones', async () => {
    expect(await sh('echo a | xargs nosuch')).toMatchObject({ exitCode: 127, stderr: 'xargs: nosuch: No such file or directory\n' });
    expect(await sh('echo a | xargs false')).toMatchObject({ exitCode: 123 });
  });
});

describe('kill and [[', () => {
  it('kill -l lists signals and translates names and numbers', async () => {
    const result = await sh('kill -l | head -n 2; kill -l | tail -n 2; kill -l 9 TERM 143; kill -l BOGUS');
    expect(result).toMatchObject({ stdout: ' 1) HUP\n 2) INT\n34) RTMIN\n64) RTMAX\nKILL\n15\nTERM\n', stderr: "sh: unknown signal 'BOGUS'\n", exitCode: 1 });
  });

  it('kill reaches only this process: other PIDs and jobs do not exist', async () => {
    const result = await sh('kill 42; echo $?; kill -s HUP %1; kill -FOO 1; kill');
    expect(result.stdout).toBe('1\n');
    expect(result.stderr).toBe("sh: can't kill pid 42: No such process\nsh: kill: No such job: %1\nsh: bad signal name 'FOO'\nUsage: kill [-l] [-SIG] PID...\n");
  });

  it('kill $$ runs the trap after the command, and trap knows every signal name', async () => {
    const result = await sh('trap "echo got USR1" USR1; kill -USR1 $$; echo after; trap');
    expect(result.stdout).toBe("got USR1\nafter\ntrap -- 'echo got USR1' USR1\n");
  });

  it('[[ ]] tests like [ ] and wants its ]]', async () => {
    const result = await sh('[[ -n "x" ]] && echo yes; [[ 2 -gt 3 ]] || echo no; [[ 1 -eq 1 ]');
    expect(result).toMatchObject({ stdout: 'yes\nno\n', stderr: 'sh: missing ]]\n', exitCode: 2 });
  });
});
