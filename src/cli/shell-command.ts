// `kubetab shell` (npm run shell): kubetab's terminal shell in a Node terminal, against an
// in-process cluster. With a TTY it is interactive (raw keys, the same line editor as the
// page); otherwise it runs the commands it reads from standard input, one per line, and exits.

import { createInterface } from 'node:readline';
import { ApiClient } from '../client/client';
import { ResourceMapper } from '../kubectl/resource-mapper';
import { createShellSession } from '../shell/session';
import { HELP_TEXT } from '../shell/programs/session-programs';
import { VirtualFs } from '../shell/virtual-fs';
import { parseOptions, type OptionSpec } from './args';
import { editInTerminal } from './external-editor';
import { startNodeCluster } from './start-cluster';

const OPTIONS: OptionSpec[] = [
  { name: 'nodes', kind: 'number' },
  { name: 'time-scale', kind: 'number' },
  { name: 'state', kind: 'string' },
];

export async function shellCommand(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv, OPTIONS);
  const cluster = await startNodeCluster({
    workers: (options.get('nodes') as number | undefined) ?? 3,
    timeScale: (options.get('time-scale') as number | undefined) ?? 1,
    stateFile: options.get('state') as string | undefined,
  });
  const client = new ApiClient(cluster.apiServer, 'kubectl');
  const interactive = Boolean(process.stdin.isTTY);
  const output = interactive ? (text: string) => process.stdout.write(text) : (text: string) => process.stdout.write(text.replace(/\r\n/g, '\n'));
  const session = createShellSession(
    {
      client,
      mapper: new ResourceMapper(client),
      clock: cluster.clock,
      files: new VirtualFs(),
      env: { HOME: '/home/learner' },
      history: [],
      timezoneOffset: (at) => new Date(at).getTimezoneOffset(),
      controls: {
        nodeNames: () => cluster.workerNodeNames(),
        nodeState: (name) => cluster.nodes.state(name),
        stopNode: (name) => cluster.nodes.stop(name),
        startNode: (name) => cluster.nodes.start(name),
        partitionNode: (name, partitioned) => cluster.nodes.setPartitioned(name, partitioned),
        restartKubelet: (name) => cluster.nodes.restartKubelet(name),
        addHollowNodes: (count) => cluster.addHollowNodes(count),
        setSpeed: (speed) => cluster.clock.setSpeed(speed),
        loadImage: (reference, path, bytes) => cluster.nodes.loadImage(reference, path, bytes),
      },
      network: cluster.network.host(),
      editText: interactive ? editInTerminal : undefined,
    },
    { write: output },
    process.stdout.columns ?? 80,
    process.stdout.rows ?? 24,
    { interactive, banner: interactive ? `${HELP_TEXT}\n` : undefined },
  );
  if (interactive) {
    process.stdin.setRawMode(true);
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (data: string) => session.input(data));
    process.stdout.on('resize', () => session.resize(process.stdout.columns, process.stdout.rows));
    await session.closed;
    process.stdin.setRawMode(false);
    process.stdin.pause();
  } else {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) await session.run(line);
  }
  await cluster.shutdown();
}
