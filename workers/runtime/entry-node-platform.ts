// The runtime platform for Node: container workers are worker_threads workers running the
// esbuild bundle of entry-node.ts, spoken to through comlink's Node adapter. Node types are
// allowed here (entry files are outside the core layer).

import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { Worker } from 'node:worker_threads';
import type { ContainerWorkerHandle, RuntimePlatform } from './platform';

/**
 * A platform that starts container workers from the bundle at `containerEntry`. `onSpawn` sees
 * each worker (tests measure their event-loop use and watch them end).
 */
export function nodeRuntimePlatform(containerEntry: string, onSpawn?: (worker: Worker) => void): RuntimePlatform {
  return {
    spawnContainerWorker(): ContainerWorkerHandle {
      const worker = new Worker(containerEntry, { execArgv: [] });
      worker.unref();
      onSpawn?.(worker);
      let terminated = false;
      const crashListeners: ((message: string) => void)[] = [];
      const crashed = (message: string): void => {
        if (terminated) return;
        terminated = true;
        for (const listener of crashListeners) listener(message);
      };
      worker.on('error', (error) => crashed(error.message));
      worker.on('exit', (code) => crashed(`container worker exited with code ${code}`));
      return {
        endpoint: nodeEndpoint(worker),
        terminate: () => {
          terminated = true;
          void worker.terminate();
        },
        onCrash: (listener) => crashListeners.push(listener),
      };
    },
  };
}
