// Node's node host: each node is a worker_threads worker running a bundle of the node worker
// entry (built on demand with esbuild, so workers start as plain JavaScript), spoken to with
// comlink through its Node adapter.

import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NodeWorkerApi } from '../../../workers/node/protocol';
import type { NodeHost, NodeWorkerHandle, RemoteNodeApi } from '../node-host';
import { workerBundle } from './worker-bundles';

export async function createNodeHost(): Promise<NodeHost> {
  const nodeEntry = await workerBundle('node');
  const containerEntry = await workerBundle('container');
  return {
    spawnNode(name: string): NodeWorkerHandle {
      const worker = new Worker(nodeEntry, { name, execArgv: [], workerData: { containerEntry, imageDirectory: IMAGE_DIRECTORY } });
      const api = Comlink.wrap<NodeWorkerApi>(nodeEndpoint(worker)) as unknown as RemoteNodeApi;
      return {
        api,
        terminate: async () => {
          await worker.terminate();
        },
      };
    },
    proxy: (value) => Comlink.proxy(value),
  };
}

const IMAGE_DIRECTORY = fileURLToPath(new URL('../../../workers/images/build', import.meta.url));
