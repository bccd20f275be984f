// What the container runtime needs from the platform it runs on: a way to start a container
// worker (a nested Web Worker in the browser, a worker_threads worker in Node). The runtime
// speaks to the worker through the returned endpoint with comlink.

export interface ContainerWorkerHandle {
  /** A comlink endpoint: a Worker in the browser, comlink's node adapter around a Worker in Node. */
  readonly endpoint: unknown;
  /** Ends the worker at once; works even when the program in it never yields. */
  terminate(): void;
  /** Called if the worker dies by itself (an uncaught error, the engine running out of memory). */
  onCrash?(listener: (message: string) => void): void;
}

export interface RuntimePlatform {
  spawnContainerWorker(): ContainerWorkerHandle;
}
