// Blocks the container's own worker for a stretch of real time without spinning: Atomics.wait
// on a worker-private shared WebAssembly.Memory. Creating a shared memory needs no cross-origin
// isolation (only sharing it with another thread would), so this works on static hosting.

let cell: Int32Array | undefined;

function waitCell(): Int32Array {
  if (!cell) {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    cell = new Int32Array(memory.buffer as unknown as SharedArrayBuffer, 0, 1);
  }
  return cell;
}

/** Sleeps the calling worker for `realMs` milliseconds (forever for Infinity: until killed). */
export function blockWorker(realMs: number): void {
  if (realMs <= 0) return;
  Atomics.wait(waitCell(), 0, 0, realMs);
}
