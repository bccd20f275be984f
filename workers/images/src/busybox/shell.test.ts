// The busybox shell, run as `sh -c SCRIPT`: a table of scripts and what they print.

import { describe, expect, it } from 'vitest';
import { runProgram, sh } from '../../testing/run-program';

interface Case {
  script: string;
  stdout: string;
  status?: number;
  stderr?: string;
}

const CASES: Record<string, Case> = {
  'echo and ;': { script: 'echo hello; echo world', stdout: 'hello\nworld\n' },
  '&& and ||': { script: 'true && echo yes; false && echo no; false || echo fallback; true || echo never', stdout: 'yes\nfallback\n' },
  '$? after a failure': { script: 'false; echo $?; true; echo $?', stdout: '1\n0\n' },
  'variables and ${}': { script: 'name=world; echo "hello $name" ${name}s "${name}"', stdout: 'hello world worlds world\n' },
  'single quotes keep $': { script: "echo '$HOME' \"$HOME\"", stdout: '$HOME /root\n' },
  'escapes in double quotes': { script: 'echo "a \\"b\\" \\$c"', stdout: 'a "b" $c\n' },
  'command substitution': { script: 'echo "[$(echo inner)]" `echo back`', stdout: '[inner] back\n' },
  'nested substitution': { script: 'echo $(echo $(echo deep))', stdout: 'deep\n' },
  arithmetic: { script: 'i=3; echo $((i * 2 + 1)) $(( (1 + 2) * 3 )) $((10 / 3)) $((10 % 3))', stdout: '7 9 3 1\n' },
  'field splitting': { script: 'words="a  b c"; for w in $words; do echo "<$w>"; done', stdout: '<a>\n<b>\n<c>\n' },
  'quoted $@': { script: 'set -- "a b" c; for x in "$@"; do echo "<$x>"; done; echo $#', stdout: '<a b>\n<c>\n2\n' },
  'if elif else': { script: 'x=2; if [ $x -eq 1 ]; then echo one; elif [ $x -eq 2 ]; then echo two; else echo other; fi', stdout: 'two\n' },
  'while loop': { script: 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done', stdout: '0\n1\n2\n' },
  'until loop': { script: 'i=0; until [ $i -ge 2 ]; do i=$((i + 1)); done; echo $i', stdout: '2\n' },
  'for with break and continue': { script: 'for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done', stdout: '1\n3\n' },
  case: { script: 'for f in a.txt b.log c; do case $f in *.txt) echo text;; *.log|*.out) echo log;; *) echo other;; esac; done', stdout: 'text\nlog\nother\n' },
  functions: { script: 'greet() { echo "hi $1"; return 3; }; greet you; echo $?', stdout: 'hi you\n3\n' },
  'local variables': { script: 'v=outer; f() { local v=inner; echo $v; }; f; echo $v', stdout: 'inner\nouter\n' },
  pipes: { script: 'printf "b\\na\\nc\\n" | sort | head -n 2', stdout: 'a\nb\n' },
  'pipe status is the last stage': { script: 'false | true; echo $?; true | false; echo $?', stdout: '0\n1\n' },
  'redirect out and append': { script: 'echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f', stdout: 'one\ntwo\n' },
  'redirect in': { script: 'echo data > /tmp/in; read line < /tmp/in; echo "got $line"', stdout: 'got data\n' },
  'stderr redirections': { script: 'echo err >&2; ls /nope 2>/dev/null; echo $?; ls /nope 2>&1 | wc -l', stdout: '1\n1\n', stderr: 'err\n' },
  'here-document': { script: 'x=42\ncat <<EOF\nvalue $x\nEOF\ncat <<\'EOF\'\nraw $x\nEOF', stdout: 'value 42\nraw $x\n' },
  'parameter operators': {
    script: 'f=archive.tar.gz; echo ${f%.*} ${f%%.*} ${f#*.} ${f##*.} ${#f} ${unset:-dflt} ${f/tar/zip}',
    stdout: 'archive.tar archive tar.gz gz 14 dflt archive.zip.gz\n',
  },
  'exit status': { script: 'echo before; exit 3; echo after', stdout: 'before\n', status: 3 },
  'exit in a subshell stays there': { script: '(exit 4); echo $?', stdout: '4\n' },
  'subshells do not leak': { script: 'x=1; (x=2; cd /tmp); echo $x; pwd', stdout: '1\n/\n' },
  'cd and pwd': { script: 'mkdir -p /a/b; cd /a/b; pwd; cd ..; pwd; cd /nope', stdout: '/a/b\n/a\n', stderr: "sh: cd: can't cd to /nope: No such file or directory\n", status: 1 },
  export: { script: 'export GREETING=hi; env | grep GREETING; LOCAL=x; env | grep -c LOCAL', stdout: 'GREETING=hi\n0\n', status: 1 },
  'prefix assignments reach the command only': { script: 'FOO=bar env | grep FOO; echo "[$FOO]"', stdout: 'FOO=bar\n[]\n' },
  'unknown command': { script: 'nosuch; echo $?', stdout: '127\n', stderr: 'sh: nosuch: not found\n' },
  'set -e': { script: 'set -e; echo one; false; echo two', stdout: 'one\n', status: 1 },
  'set -e spares conditions': { script: 'set -e; if false; then :; fi; false || true; echo survived', stdout: 'survived\n' },
  'trap on EXIT': { script: 'trap "echo bye" EXIT; echo main', stdout: 'main\nbye\n' },
  'syntax error': { script: 'if true; then echo x', stdout: '', stderr: 'sh: syntax error: unexpected end of file (expecting "fi")\n', status: 2 },
  'unset variable with set -u': { script: 'set -u; echo $missing; echo after', stdout: '', stderr: 'sh: missing: parameter not set\n', status: 1 },
  'glob expansion': { script: 'mkdir /g; touch /g/b.log /g/a.log /g/c.txt; echo /g/*.log; echo /g/*.none', stdout: '/g/a.log /g/b.log\n/g/*.none\n' },
  'applet by path': { script: '/bin/echo by path', stdout: 'by path\n' },
  'eval and read loop': { script: 'eval "echo evaluated"; printf "1 a\\n2 b\\n" | while read n l; do echo "$l$n"; done', stdout: 'evaluated\na1\nb2\n' },
};

describe('sh -c', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const result = await sh(c.script);
      expect(result.stdout).toBe(c.stdout);
      expect(result.exitCode).toBe(c.status ?? 0);
      if (c.stderr !== undefined) expect(result.stderr).toBe(c.stderr);
    });
  }
});

describe('sh reading commands', () => {
  it('runs a script file with arguments', async () => {
    const result = await runProgram('busybox', ['sh', '/script.sh', 'one', 'two'], { files: { '/script.sh': '#!/bin/sh\necho "$0 got $1 and $2"\n' } });
    expect(result.stdout).toBe('/script.sh got one and two\n');
  });

  it('reads commands from stdin, a complete command at a time', async () => {
    const result = await runProgram('busybox', ['sh'], { stdin: 'echo first\nif true; then\n  echo inside\nfi\nexit 5\necho never\n' });
    expect(result.stdout).toBe('first\ninside\n');
    expect(result.exitCode).toBe(5);
  });

  it('prompts when interactive (-i), with continuation prompts and the directory', async () => {
    const result = await runProgram('busybox', ['sh', '-i'], { stdin: 'echo hi\nif true; then\necho multi\nfi\ncd /tmp\nexit\n' });
    expect(result.stdout).toBe('hi\nmulti\n');
    expect(result.stderr).toBe('/ # / # > > / # /tmp # ');
  });

  it('prompts like bash when called as bash (the Debian images map /bin/bash to it)', async () => {
    const result = await runProgram('busybox', ['bash', '-i'], { stdin: 'cd /tmp\nexit\n', files: { '/etc/hostname': 'web-1\n' } });
    expect(result.stderr).toBe('root@web-1:/# root@web-1:/tmp# ');
  });

  it('runs shell scripts named as commands', async () => {
    const result = await sh('/run.sh; echo "status $?"', { files: { '/run.sh': '#!/bin/sh\necho running\nexit 7\n' } });
    expect(result.stdout).toBe('running\nstatus 7\n');
  });
});
