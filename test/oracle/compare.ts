// The oracle as a command for developing kubectl commands: runs the corpus (or the command
// lines given) through the real kubectl and kubetab's kubectl on a seeded cluster and prints
// each difference. `npx tsx test/oracle/compare.ts [REGEX | -- LINE...]`.

import { CORPUS, type OracleCase } from './corpus';
import { normalizeAges, normalizeKlog, unTwin } from './normalize';
import { realKubectlVersion, shellWords, startOracle } from './oracle-harness';
import { seedCluster } from './seed';

const TWIN = /%([a-z0-9-]+)%/g;

function chooseCases(argv: string[]): OracleCase[] {
  const dash = argv.indexOf('--');
  if (dash >= 0) return argv.slice(dash + 1).map((line) => ({ line }));
  const filter = argv[0] ? new RegExp(argv[0]) : undefined;
  return CORPUS.filter((c) => !filter || filter.test(c.line));
}

async function main(argv: string[]): Promise<number> {
  if (!(await realKubectlVersion())) {
    process.stderr.write('compare: the real kubectl is not on the PATH\n');
    return 2;
  }
  const cases = chooseCases(argv);
  const oracle = await startOracle();
  await seedCluster(oracle);
  let differing = 0;
  try {
    for (const c of cases) {
      const names = [...(c.line + (c.stdin ?? '')).matchAll(TWIN)].map((m) => m[1]);
      const outputs: Record<'r' | 'k', string[]> = { r: [], k: [] };
      for (const suffix of ['r', 'k'] as const) {
        const forClient = (text: string) => text.replace(TWIN, (_, name: string) => `${name}-${suffix}`);
        const args = shellWords(forClient(c.line));
        const stdin = c.stdin === undefined ? undefined : forClient(c.stdin);
        const work = suffix === 'r' ? oracle.real(args, stdin) : oracle.ours(args, stdin);
        const result = await (c.pump ? oracle.pumping(work) : work);
        await oracle.settle(c.settle ?? 0);
        if (suffix === 'r' && c.reset) await oracle.ours(shellWords(c.reset));
        const shown = (text: string) => names.reduce((t, name) => unTwin(t, `${name}-${suffix}`, `%${name}%`), normalizeAges(normalizeKlog(text)));
        outputs[suffix] = [shown(result.stdout), shown(result.stderr), String(result.code)];
      }
      const labels = ['stdout', 'stderr', 'exit code'];
      const differences = labels.filter((_, i) => outputs.r[i] !== outputs.k[i]);
      if (differences.length === 0) continue;
      differing++;
      process.stdout.write(`\n===== kubectl ${c.line}\n`);
      labels.forEach((label, i) => {
        if (outputs.r[i] !== outputs.k[i]) process.stdout.write(`--- ${label}, real kubectl:\n${outputs.r[i]}\n--- ${label}, kubetab:\n${outputs.k[i]}\n`);
      });
    }
  } finally {
    await oracle.close();
  }
  process.stdout.write(`\n${cases.length - differing} same, ${differing} differ\n`);
  return differing > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`compare: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
