// Browser entry of a node worker (a module Web Worker): the node agent with container workers
// as nested module workers, and images fetched from the site's assets.

import * as Comlink from 'comlink';
import type { ContainerWorkerHandle, RuntimePlatform } from '../runtime/platform';
import { catalogRegistry } from './images/catalog-registry';
import { NodeAgent } from './node-agent';

const IMAGE_URLS = import.meta.glob('../images/build/*.wasm', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

function imageUrl(file: string): string {
  const url = IMAGE_URLS[`../images/build/${file}`];
  if (!url) throw new Error(`image module ${file} is not part of this build`);
  return url;
}

const runtime: RuntimePlatform = {
  spawnContainerWorker(): ContainerWorkerHandle {
    const worker = new Worker(new URL('../runtime/entry-web.ts', import.meta.url), { type: 'module' });
    const crashListeners: ((message: string) => void)[] = [];
    worker.addEventListener('error', (event) => {
      for (const listener of crashListeners) listener(event.message || 'container worker failed');
    });
    return {
      endpoint: worker,
      terminate: () => worker.terminate(),
      onCrash: (listener) => crashListeners.push(listener),
    };
  },
};

const agent = new NodeAgent({
  registry: catalogRegistry(async (file) => {
    const response = await fetch(imageUrl(file));
    if (!response.ok) throw new Error(`image module ${file}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, module: await WebAssembly.compile(bytes) };
  }),
  runtime,
  proxy: (value) => Comlink.proxy(value),
  warmPool: 'with-first-pod',
});
Comlink.expose(agent);
