// The shape of a host import: numbers (i32) and bigints (i64) in, a WASI errno out, or a promise
// of one when the call has to wait (see `ProcessContext.block`).

export type HostResult = number | Promise<number>;

// Guest imports are called with wasm values whose types the import's signature decides.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HostFunction = (...args: any[]) => HostResult;

export interface HostModule {
  /** Functions that never wait. */
  immediate: Record<string, HostFunction>;
  /** Functions that may suspend the program (listed in the images' asyncify-imports). */
  blocking: Record<string, HostFunction>;
}
