// Builds the import object for a program from its declared imports: the WASI preview1 and
// kubetab functions (ENOSYS for preview1 functions kubetab does not implement), each checking
// the memory limit, blocking ones wrapped for the suspension mode, and an imported memory
// capped at the limit. Any other import is refused (the supervisor has already checked).

import { WASI_MODULE } from '../abi';
import { Errno } from '../wasi/errno';
import type { HostFunction, HostModule } from './host-function';
import { kubetabNet, kubetabProc } from './kubetab-imports';
import type { ProcessContext } from './process-context';
import { attachMemory, type Suspender } from './suspenders';
import { fdFunctions } from './wasi-fd';
import { pathFunctions } from './wasi-path';
import { pollFunctions } from './wasi-poll';
import { processFunctions } from './wasi-process';
import { sockFunctions } from './wasi-sock';

const PAGE = 65536;

function hostModules(ctx: ProcessContext): Record<string, HostModule> {
  const fd = fdFunctions(ctx);
  const sock = sockFunctions(ctx);
  return {
    [WASI_MODULE]: {
      immediate: { ...processFunctions(ctx), ...pathFunctions(ctx), ...fd.immediate, ...sock.immediate, sched_yield: () => Errno.SUCCESS },
      blocking: { ...fd.blocking, ...pollFunctions(ctx), ...sock.blocking },
    },
    kubetab_proc: kubetabProc(ctx),
    kubetab_net: kubetabNet(ctx),
  };
}

/** Memory for a module that imports it instead of defining it. */
export interface MemoryImport {
  initialPages: number;
  maximumPages?: number;
}

export function linkImports(module: WebAssembly.Module, ctx: ProcessContext, suspender: Suspender, memoryImport?: MemoryImport): Record<string, Record<string, unknown>> {
  const modules = hostModules(ctx);
  const imports: Record<string, Record<string, unknown>> = {};
  for (const { module: moduleName, name, kind } of WebAssembly.Module.imports(module)) {
    const target = (imports[moduleName] ??= {});
    if (kind === 'memory') {
      const memory = new WebAssembly.Memory({ initial: memoryImport?.initialPages ?? 1, maximum: memoryImport?.maximumPages ?? limitPages(ctx) });
      ctx.memory.memory = memory;
      attachMemory(suspender, memory);
      target[name] = memory;
      continue;
    }
    const host = modules[moduleName];
    const blocking = host?.blocking[name];
    const immediate = host?.immediate[name];
    if (kind !== 'function' || !host || (!blocking && !immediate && moduleName !== WASI_MODULE)) {
      throw new Error(`unknown import "${moduleName}.${name}"`);
    }
    if (blocking) target[name] = suspender.wrapBlocking(guarded(ctx, blocking));
    else target[name] = guarded(ctx, immediate ?? (() => Errno.NOSYS));
  }
  return imports;
}

function limitPages(ctx: ProcessContext): number | undefined {
  const limit = ctx.spec.memoryLimitBytes;
  return limit === undefined ? undefined : Math.max(1, Math.floor(limit / PAGE));
}

/**
 * Every host call first checks the memory limit (growth is only seen at calls and at exit),
 * and a pointer outside the program's memory answers EFAULT instead of ending the program.
 */
function guarded(ctx: ProcessContext, fn: HostFunction): HostFunction {
  const fault = (error: unknown): number => {
    if (error instanceof RangeError) return Errno.FAULT;
    throw error;
  };
  return (...args) => {
    ctx.checkMemory();
    try {
      const result = fn(...args);
      return typeof result === 'number' ? result : result.catch(fault);
    } catch (error) {
      return fault(error);
    }
  };
}
