// perl: the Kubernetes docs' pi Job, simple one-liners, and the clear refusal of the rest.

import { describe, expect, it } from 'vitest';
import { runProgram } from '../../testing/run-program';

const perl = (...argv: string[]) => runProgram('perl', ['perl', ...argv]);

/**
 * π to `digits` significant digits, rounded, by Gauss's formula
 * π = 48·atan(1/18) + 32·atan(1/57) − 20·atan(1/239): not the formula the program uses.
 */
function referencePi(digits: number): string {
  const scale = 10n ** BigInt(digits + 20);
  const atanInverse = (x: bigint): bigint => {
    let term = scale / x;
    let sum = term;
    for (let k = 1n; term !== 0n; k++) {
      term /= x * x;
      sum += (k % 2n === 1n ? -term : term) / (2n * k + 1n);
    }
    return sum;
  };
  const all = (48n * atanInverse(18n) + 32n * atanInverse(57n) - 20n * atanInverse(239n)).toString();
  const rounded = (BigInt(all.slice(0, digits)) + (Number(all[digits]) >= 5 ? 1n : 0n)).toString();
  return `${rounded[0]}.${rounded.slice(1)}`;
}

describe('perl', () => {
  it('computes the pi Job exactly as written: perl -Mbignum=bpi -wle "print bpi(2000)"', async () => {
    const result = await perl('-Mbignum=bpi', '-wle', 'print bpi(2000)');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(`${referencePi(2000)}\n`);
    expect(result.stdout.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(result.stdout.trimEnd()).toHaveLength(2001);
    expect(result.stdout.trimEnd().endsWith('9958133904780275901')).toBe(true);
  });

  it('runs simple one-liners', async () => {
    expect((await perl('-e', 'print "hello\\n"')).stdout).toBe('hello\n');
    expect((await perl('-le', 'print 1+2')).stdout).toBe('3\n');
    expect((await perl('-le', 'print 10/3; print 2**10; print "ab" x 2 . "c"; my $n = 7; print "n=$n"')).stdout).toBe('3.33333333333333\n1024\nababc\nn=7\n');
    expect((await perl('-e', 'printf("%05.1f|%s\\n", 3.14159, uc "x")')).stdout).toBe('003.1|X\n');
    expect((await perl('-E', 'say "said"')).stdout).toBe('said\n');
    expect((await perl('-e', 'exit 3')).exitCode).toBe(3);
  });

  it('refuses what it cannot run, with a clear message and status 255', async () => {
    const loop = await perl('-e', 'for my $i (1..3) { print $i }');
    expect(loop.exitCode).toBe(255);
    expect(loop.stderr).toBe('kubetab perl: unsupported Perl at -e line 1, near "for my $i (1..3) { print $i }" (this perl runs one-liners: print, say, printf, scalar expressions, and bignum\'s bpi)\n');
    expect(await perl('-e', 'print bpi(5)')).toMatchObject({ exitCode: 255, stderr: 'Undefined subroutine &main::bpi called at -e line 1.\n' });
    expect(await perl('-e', 'die "broken\\n"')).toMatchObject({ exitCode: 255, stderr: 'broken\n' });
    expect(await perl('-MNo::Such', '-e', '1')).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("Can't locate No/Such.pm in @INC") });
  });

  it('reports the version of the image it is in', async () => {
    const result = await runProgram('perl', ['perl', '-v'], { files: { '/usr/local/lib/perl5/5.34.0/bignum.pm': '1;\n' } });
    expect(result.stdout).toContain('This is perl 5, version 34, subversion 0 (v5.34.0)');
  });
});
