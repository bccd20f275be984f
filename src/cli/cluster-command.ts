// `kubetab cluster` (npm run cluster): a headless cluster with its API over HTTP for the real
// kubectl. Loopback only unless --address is given, and then a bearer token is required.
// Runs until Ctrl+C or SIGTERM, then stops every node and exits.

import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startBridge } from './http-bridge';
import { kubeconfig } from './kubeconfig';
import { loadImageFiles, readImageFiles } from './load-images';
import { parseOptions, UsageError, type OptionSpec } from './args';
import { startNodeCluster } from './start-cluster';

const OPTIONS: OptionSpec[] = [
  { name: 'nodes', kind: 'number' },
  { name: 'port', kind: 'number' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'time-scale', kind: 'number' },
  { name: 'address', kind: 'string' },
  { name: 'state', kind: 'string' },
  { name: 'pull-delay-scale', kind: 'number' },
  { name: 'hollow-nodes', kind: 'number' },
  { name: 'load-image', kind: 'list' },
];

export const CLUSTER_USAGE = `Usage: kubetab cluster [--nodes N] [--port P] [--kubeconfig FILE] [--time-scale S]
                       [--address ADDR] [--state FILE] [--pull-delay-scale S]
                       [--hollow-nodes N]
                       [--load-image NAME=FILE.wasm]...`;

export async function clusterCommand(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv, OPTIONS);
  const address = options.get('address') as string | undefined;
  const token = address ? randomBytes(24).toString('hex') : undefined;
  const hollowNodes = (options.get('hollow-nodes') as number | undefined) ?? 0;
  if (!Number.isInteger(hollowNodes) || hollowNodes < 0 || hollowNodes > 5000) throw new UsageError(`--hollow-nodes must be a whole number from 0 to 5000, not ${hollowNodes}`);
  const imageFiles = await readImageFiles((options.get('load-image') as string[] | undefined) ?? []);
  const cluster = await startNodeCluster({
    workers: (options.get('nodes') as number | undefined) ?? 3,
    timeScale: (options.get('time-scale') as number | undefined) ?? 1,
    stateFile: options.get('state') as string | undefined,
    pullDelayScale: options.get('pull-delay-scale') as number | undefined,
    hollowNodes,
  });
  const imageLines = await loadImageFiles(cluster, imageFiles);
  const bridge = await startBridge({ api: cluster.apiServer, host: address ?? '127.0.0.1', port: (options.get('port') as number | undefined) ?? 0, token });
  const configPath = resolve((options.get('kubeconfig') as string | undefined) ?? join(tmpdir(), 'kubetab', 'kubeconfig'));
  await mkdir(dirname(configPath), { recursive: true });
  await writeFile(configPath, kubeconfig(bridge.url, token), { mode: 0o600 });
  const lines = [
    ...imageLines,
    `kubetab cluster is running: ${cluster.workerNodeNames().length} worker node(s)${hollowNodes > 0 ? ` and ${hollowNodes} hollow node(s)` : ''}, API server at ${bridge.url}`,
    `kubeconfig written to ${configPath}`,
    '',
    `  export KUBECONFIG=${configPath}`,
    '  kubectl get nodes',
    '',
  ];
  if (token) lines.push(`Requests must carry this bearer token (it is in the kubeconfig): ${token}`, '');
  lines.push('Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write('\nstopping kubetab cluster…\n');
      void bridge
        .close()
        .then(() => cluster.shutdown())
        .then(done, done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
