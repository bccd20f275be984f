// WASI preview1 process functions: arguments, environment, clocks (the cluster clock),
// randomness, yielding and exit.

import { Errno } from '../wasi/errno';
import { ClockId } from '../wasi/layout';
import type { HostFunction } from './host-function';
import { ProcessExit, type ProcessContext } from './process-context';

const encoder = new TextEncoder();
const NS_PER_MS = 1_000_000n;

/** Writes a list of strings as the pointer array plus NUL-terminated bytes WASI expects. */
function writeStringList(ctx: ProcessContext, list: string[], pointers: number, buffer: number): number {
  let offset = buffer;
  list.forEach((item, i) => {
    const bytes = encoder.encode(`${item}\0`);
    ctx.memory.setU32(pointers + i * 4, offset);
    ctx.memory.write(offset, bytes);
    offset += bytes.length;
  });
  return Errno.SUCCESS;
}

function writeListSizes(ctx: ProcessContext, list: string[], countPtr: number, sizePtr: number): number {
  ctx.memory.setU32(countPtr, list.length);
  ctx.memory.setU32(sizePtr, list.reduce((sum, item) => sum + encoder.encode(item).length + 1, 0));
  return Errno.SUCCESS;
}

/** Nanoseconds for a clock id: wall and monotonic time follow the cluster clock. */
export function clockNanos(ctx: ProcessContext, id: number): bigint | undefined {
  switch (id) {
    case ClockId.REALTIME:
    case ClockId.MONOTONIC:
      return BigInt(Math.floor(ctx.clock.now() * 1000)) * 1000n;
    case ClockId.PROCESS_CPUTIME:
    case ClockId.THREAD_CPUTIME:
      return BigInt(Math.floor(performance.now() * 1000)) * 1000n;
    default:
      return undefined;
  }
}

export function processFunctions(ctx: ProcessContext): Record<string, HostFunction> {
  const { spec } = ctx;
  return {
    args_get: (argv: number, buffer: number) => writeStringList(ctx, spec.argv, argv, buffer),
    args_sizes_get: (count: number, size: number) => writeListSizes(ctx, spec.argv, count, size),
    environ_get: (environ: number, buffer: number) => writeStringList(ctx, spec.env, environ, buffer),
    environ_sizes_get: (count: number, size: number) => writeListSizes(ctx, spec.env, count, size),
    clock_res_get: (id: number, resolutionPtr: number) => {
      if (clockNanos(ctx, id) === undefined) return Errno.INVAL;
      ctx.memory.setU64(resolutionPtr, id === ClockId.REALTIME || id === ClockId.MONOTONIC ? NS_PER_MS : 1000n);
      return Errno.SUCCESS;
    },
    clock_time_get: (id: number, _precision: bigint, timePtr: number) => {
      const nanos = clockNanos(ctx, id);
      if (nanos === undefined) return Errno.INVAL;
      ctx.memory.setU64(timePtr, nanos);
      return Errno.SUCCESS;
    },
    random_get: (buffer: number, length: number) => {
      for (let offset = 0; offset < length; offset += 65536) {
        const chunk = new Uint8Array(Math.min(65536, length - offset));
        crypto.getRandomValues(chunk);
        ctx.memory.write(buffer + offset, chunk);
      }
      return Errno.SUCCESS;
    },
    proc_exit: (code: number) => {
      throw new ProcessExit((code >>> 0) & 255);
    },
  };
}
