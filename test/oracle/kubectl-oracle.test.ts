// The real kubectl is the oracle: every command line in the corpus runs through the real
// kubectl (over HTTP) and kubetab's kubectl (in process) against the same cluster state, and
// stdout, stderr and the exit code must be the same, ages and klog stamps aside. Commands that
// change the cluster run on twin objects (`%x%` becomes x-r for the real kubectl, x-k for
// kubetab's) and their outputs are compared with the names put back.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, type OracleCase } from './corpus';
import { normalizeAges, normalizeKlog, unTwin } from './normalize';
import { realKubectlVersion, shellWords, startOracle, type Oracle } from './oracle-harness';
import { seedCluster } from './seed';

const TWIN = /%([a-z0-9-]+)%/g;

function forClient(text: string, suffix: 'r' | 'k'): string {
  return text.replace(TWIN, (_, name: string) => `${name}-${suffix}`);
}

function twinNames(line: string): string[] {
  return [...line.matchAll(TWIN)].map((m) => m[1]);
}

function comparable(text: string, names: string[], suffix: 'r' | 'k'): string {
  let result = normalizeKlog(text);
  for (const name of names) result = unTwin(result, `${name}-${suffix}`, `%${name}%`);
  return result;
}

const version = await realKubectlVersion();

if (!version) {
  const message = 'the real kubectl is not installed (not on the PATH): the kubectl oracle cannot run';
  console.warn(`SKIPPED: ${message}`);
  describe('kubectl oracle', () => {
    it.skipIf(!process.env.CI)('needs the real kubectl', () => {
      throw new Error(message);
    });
  });
} else {
  describe(`kubectl oracle (${version})`, () => {
    let oracle: Oracle;

    beforeAll(async () => {
      oracle = await startOracle();
      await seedCluster(oracle);
    });

    afterAll(async () => {
      await oracle?.close();
    });

    async function run(c: OracleCase, suffix: 'r' | 'k') {
      const args = shellWords(forClient(c.line, suffix));
      const stdin = c.stdin === undefined ? undefined : forClient(c.stdin, suffix);
      const work = suffix === 'r' ? oracle.real(args, stdin) : oracle.ours(args, stdin);
      const result = await (c.pump ? oracle.pumping(work) : work);
      await oracle.settle(c.settle ?? 0);
      return result;
    }

    it.each(CORPUS.map((c) => [c.line, c] as const))('kubectl %s', async (_line, c) => {
      const names = twinNames(c.line + (c.stdin ?? ''));
      const real = await run(c, 'r');
      if (c.reset) await oracle.ours(shellWords(c.reset));
      const ours = await run(c, 'k');
      const expected = { stdout: comparable(real.stdout, names, 'r'), stderr: comparable(real.stderr, names, 'r'), code: real.code };
      const actual = { stdout: comparable(ours.stdout, names, 'k'), stderr: comparable(ours.stderr, names, 'k'), code: ours.code };
      if (expected.stdout !== actual.stdout || expected.stderr !== actual.stderr) {
        expected.stdout = normalizeAges(expected.stdout);
        expected.stderr = normalizeAges(expected.stderr);
        actual.stdout = normalizeAges(actual.stdout);
        actual.stderr = normalizeAges(actual.stderr);
      }
      expect(actual).toEqual(expected);
    });
  });
}
