// The three ways a program waits inside a blocking import (see README.md):
// Asyncify (the module unwinds its own stack and is rewound later), JSPI (the engine suspends
// the wasm stack), and sync (the worker blocks in Atomics.wait; only timed waits are possible).

import type { SuspensionMode } from '../protocol';
import type { HostFunction } from './host-function';

type WasmFunction = (...args: unknown[]) => unknown;

export interface Suspender {
  readonly mode: SuspensionMode;
  /** The import object entry for a function that may return a promise. */
  wrapBlocking(fn: HostFunction): unknown;
  /** Runs an exported function to completion, suspending where imports wait. */
  run(instance: WebAssembly.Instance, exportName: string): Promise<void>;
}

interface JspiApi {
  Suspending: new (fn: (...args: unknown[]) => unknown) => unknown;
  promising(fn: WasmFunction): (...args: unknown[]) => Promise<unknown>;
}

function jspiApi(): JspiApi | undefined {
  const api = WebAssembly as unknown as Partial<JspiApi>;
  return typeof api.Suspending === 'function' && typeof api.promising === 'function' ? (api as JspiApi) : undefined;
}

const ASYNCIFY_EXPORTS = ['asyncify_start_unwind', 'asyncify_stop_unwind', 'asyncify_start_rewind', 'asyncify_stop_rewind'];

/** The best strategy for a module, unless one is forced. */
export function chooseSuspension(module: WebAssembly.Module, forced?: SuspensionMode): SuspensionMode {
  if (forced) return forced;
  const exported = new Set(WebAssembly.Module.exports(module).map((e) => e.name));
  if (ASYNCIFY_EXPORTS.every((name) => exported.has(name))) return 'asyncify';
  return jspiApi() ? 'jspi' : 'sync';
}

export function createSuspender(mode: SuspensionMode): Suspender {
  switch (mode) {
    case 'asyncify':
      return new AsyncifySuspender();
    case 'jspi':
      return new JspiSuspender();
    case 'sync':
      return {
        mode,
        wrapBlocking: (fn) => fn,
        run: async (instance, exportName) => {
          (instance.exports[exportName] as WasmFunction)();
        },
      };
  }
}

class JspiSuspender implements Suspender {
  readonly mode = 'jspi' as const;
  private readonly api = jspiApi() as JspiApi;

  wrapBlocking(fn: HostFunction): unknown {
    return new this.api.Suspending((...args: unknown[]) => Promise.resolve(fn(...args)));
  }

  async run(instance: WebAssembly.Instance, exportName: string): Promise<void> {
    await this.api.promising(instance.exports[exportName] as WasmFunction)();
  }
}

/** Bytes at the top of memory that hold the unwound stack while the program is suspended. */
const ASYNCIFY_REGION = 32 * 1024;

/**
 * Drives a module built with `wasm-opt --asyncify`. The unwound stack needs a buffer in the
 * program's own memory; rather than take memory from the program, the host borrows the top of
 * memory only while the stack is being unwound or rewound, and puts the program's bytes back
 * before the program runs again.
 */
class AsyncifySuspender implements Suspender {
  readonly mode = 'asyncify' as const;
  private exports: Record<string, WasmFunction> = {};
  private memory: WebAssembly.Memory | undefined;
  private unwinding: Promise<number> | undefined;
  private rewinding = false;
  private result = 0;
  private dataPtr = 0;
  private programBytes = new Uint8Array(0);

  wrapBlocking(fn: HostFunction): unknown {
    return (...args: unknown[]): number => {
      if (this.rewinding) {
        this.rewinding = false;
        this.exports.asyncify_stop_rewind();
        this.restoreProgramBytes();
        return this.result;
      }
      const outcome = fn(...args);
      if (typeof outcome === 'number') return outcome;
      this.unwinding = outcome;
      this.borrowRegion();
      this.exports.asyncify_start_unwind(this.dataPtr);
      return 0;
    };
  }

  async run(instance: WebAssembly.Instance, exportName: string): Promise<void> {
    this.exports = instance.exports as Record<string, WasmFunction>;
    this.memory = (instance.exports.memory as WebAssembly.Memory | undefined) ?? this.memory;
    for (;;) {
      this.exports[exportName]();
      const pending = this.unwinding;
      if (!pending) return;
      this.unwinding = undefined;
      this.exports.asyncify_stop_unwind();
      const view = new DataView(this.buffer());
      const used = view.getUint32(this.dataPtr, true) - this.dataPtr;
      const unwound = new Uint8Array(this.buffer(), this.dataPtr, used).slice();
      this.restoreProgramBytes();
      this.result = await pending;
      this.borrowRegion();
      new Uint8Array(this.buffer(), this.dataPtr, used).set(unwound);
      this.rewinding = true;
      this.exports.asyncify_start_rewind(this.dataPtr);
    }
  }

  setMemory(memory: WebAssembly.Memory | undefined): void {
    this.memory = memory;
  }

  private buffer(): ArrayBuffer {
    if (!this.memory) throw new Error('an asyncify module must export or import its memory');
    return this.memory.buffer;
  }

  /** Saves the program's bytes at the top of memory and lays out the asyncify header there. */
  private borrowRegion(): void {
    const size = Math.min(ASYNCIFY_REGION, this.buffer().byteLength);
    this.dataPtr = this.buffer().byteLength - size;
    this.programBytes = new Uint8Array(this.buffer(), this.dataPtr, size).slice();
    const view = new DataView(this.buffer());
    view.setUint32(this.dataPtr, this.dataPtr + 8, true);
    view.setUint32(this.dataPtr + 4, this.dataPtr + size, true);
  }

  private restoreProgramBytes(): void {
    new Uint8Array(this.buffer(), this.dataPtr, this.programBytes.length).set(this.programBytes);
  }
}

/** Lets the linker tell the Asyncify driver about an imported memory. */
export function attachMemory(suspender: Suspender, memory: WebAssembly.Memory | undefined): void {
  if (suspender instanceof AsyncifySuspender) suspender.setMemory(memory);
}
