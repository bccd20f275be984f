// The browser's node host: each node is a module Web Worker, spoken to with comlink.

import * as Comlink from 'comlink';
import type { NodeWorkerApi } from '../../../workers/node/protocol';
import type { NodeHost, NodeWorkerHandle, RemoteNodeApi } from '../node-host';

export const webNodeHost: NodeHost = {
  spawnNode(name: string): NodeWorkerHandle {
    const worker = new Worker(new URL('../../../workers/node/entry-web.ts', import.meta.url), { type: 'module', name });
    const api = Comlink.wrap<NodeWorkerApi>(worker) as unknown as RemoteNodeApi;
    return {
      api,
      terminate: async () => worker.terminate(),
    };
  },
  proxy: (value) => Comlink.proxy(value),
};
