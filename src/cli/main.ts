// The `kubetab` command line: `kubetab cluster` and `kubetab shell`.

import { UsageError } from './args';
import { clusterCommand, CLUSTER_USAGE } from './cluster-command';
import { shellCommand } from './shell-command';

const USAGE = `Usage: kubetab <command> [options]

Commands:
  cluster   run a headless cluster with an HTTP API for kubectl
  shell     kubetab's terminal shell against an in-process cluster

${CLUSTER_USAGE}
Usage: kubetab shell [--nodes N] [--time-scale S] [--state FILE]`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'cluster') return clusterCommand(rest);
  if (command === 'shell') return shellCommand(rest);
  process.stdout.write(`${USAGE}\n`);
  if (command !== undefined && command !== 'help' && command !== '--help') process.exitCode = 2;
}

main(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(`kubetab: ${error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
