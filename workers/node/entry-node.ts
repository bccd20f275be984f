// Node entry of a node worker (a worker_threads worker): the node agent with container workers
// as worker_threads running the container bundle, and images read from the build directory.

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { nodeRuntimePlatform } from '../runtime/entry-node-platform';
import { catalogRegistry } from './images/catalog-registry';
import { NodeAgent } from './node-agent';

if (!parentPort) throw new Error('the node worker entry must run in a worker thread');
const { containerEntry, imageDirectory } = workerData as { containerEntry: string; imageDirectory: string };

const agent = new NodeAgent({
  registry: catalogRegistry(async (file) => {
    const bytes = new Uint8Array(await readFile(`${imageDirectory}/${file}`));
    return { bytes, module: await WebAssembly.compile(bytes) };
  }),
  runtime: nodeRuntimePlatform(containerEntry),
  proxy: (value) => Comlink.proxy(value),
  warmPool: 'with-node',
});
Comlink.expose(agent, nodeEndpoint(parentPort));
