// The one small interface between the cluster and the platform it runs on: how a node worker is
// started (a Web Worker in the browser, a worker_threads worker in Node) and how objects are
// handed across threads. Everything else about nodes is platform-independent.

import type { NodeWorkerApi } from '../../workers/node/protocol';

/** A node worker's API as seen from the main thread: every call is asynchronous. */
export type RemoteNodeApi = {
  [K in keyof NodeWorkerApi]: NodeWorkerApi[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

export interface NodeWorkerHandle {
  readonly api: RemoteNodeApi;
  /** Ends the worker at once, as a node crash does: no goodbye, no cleanup. */
  terminate(): Promise<void>;
}

export interface NodeHost {
  spawnNode(name: string): NodeWorkerHandle;
  /** Starts these nodes' workers ahead of time, so they load while the control plane boots. */
  prepare?(names: readonly string[]): void;
  /** Marks an object to be passed by reference (its methods called back across threads). */
  proxy<T extends object>(value: T): T;
}
