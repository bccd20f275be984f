// `npm run bench`: runs every benchmark suite (test/bench/*.suite.ts, each a default-exported
// function returning figures) in one run, prints the figures as a table, and with
// `-- --json FILE` also writes them as JSON. `-- --only NAME` runs the suites whose file name
// starts with NAME.

import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { formatTable, type Figures } from './figures';

const HERE = fileURLToPath(new URL('.', import.meta.url));

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  if (index < 0) return undefined;
  const value = argv[index + 1];
  if (!value) throw new Error(`${name} needs a value`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const jsonFile = option(argv, '--json');
  const only = option(argv, '--only');
  const suites = (await readdir(HERE)).filter((f) => f.endsWith('.suite.ts') && (!only || f.startsWith(only))).sort();
  const figures: Figures = {};
  for (const file of suites) {
    const suite = (await import(`./${file}`)) as { default: () => Promise<Figures> };
    process.stderr.write(`bench: ${file}…\n`);
    Object.assign(figures, await suite.default());
  }
  process.stdout.write(`${formatTable(figures)}\n`);
  if (jsonFile) {
    const plain = Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, { value: f.value, unit: f.unit }]));
    await writeFile(jsonFile, `${JSON.stringify(plain, null, 2)}\n`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
