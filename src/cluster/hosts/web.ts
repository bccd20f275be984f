// The browser's node host: each node is a module Web Worker, spoken to with comlink. Workers
// can be started ahead of time (`prepare`), so their code loads while the control plane boots.

import * as Comlink from 'comlink';
import type { NodeWorkerApi } from '../../../workers/node/protocol';
import type { NodeHost, NodeWorkerHandle, RemoteNodeApi } from '../node-host';

function startWorker(name: string): Worker {
  return new Worker(new URL('../../../workers/node/entry-web.ts', import.meta.url), { type: 'module', name });
}

const prepared = new Map<string, Worker>();

export const webNodeHost: NodeHost = {
  prepare(names) {
    for (const name of names) if (!prepared.has(name)) prepared.set(name, startWorker(name));
  },
  spawnNode(name: string): NodeWorkerHandle {
    const worker = prepared.get(name) ?? startWorker(name);
    prepared.delete(name);
    const api = Comlink.wrap<NodeWorkerApi>(worker) as unknown as RemoteNodeApi;
    return {
      api,
      terminate: async () => worker.terminate(),
    };
  },
  proxy: (value) => Comlink.proxy(value),
};
