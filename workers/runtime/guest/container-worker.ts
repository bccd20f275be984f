// The container worker: runs one process (a container's program or an exec'd one) in its own
// worker. It instantiates the module against the host functions, runs `_start` in the chosen
// suspension mode, takes events from the supervisor, and reports how the program ended.

import type { ContainerWorkerApi, ExitReport, ProcessEvent, ProcessHost, ProcessSpec, StartedProcess } from '../protocol';
import { linkImports } from './link';
import { ProcessContext, ProcessExit } from './process-context';
import { chooseSuspension, createSuspender, type Suspender } from './suspenders';

const MEGABYTE = 1024 * 1024;
/** Exit code of a program that trapped (as for a process killed by SIGABRT). */
const TRAP_EXIT_CODE = 134;

export class ContainerWorker implements ContainerWorkerApi {
  private context: ProcessContext | undefined;

  ready(): boolean {
    return true;
  }

  async start(spec: ProcessSpec, host: ProcessHost): Promise<StartedProcess> {
    if (this.context) throw new Error('this worker already runs a process');
    const context = new ProcessContext(spec, host);
    const suspender = createSuspender(chooseSuspension(spec.module, spec.suspension));
    context.mode = suspender.mode;
    const instance = await instantiate(spec, context, suspender);
    if (typeof instance.exports._start !== 'function') throw new Error('the module has no _start export (it is not a WASI command)');
    context.memory.memory ??= instance.exports.memory as WebAssembly.Memory | undefined;
    this.context = context;
    setTimeout(() => void this.run(context, suspender, instance), 0);
    return { startedAt: context.startedAt, mode: suspender.mode };
  }

  deliver(events: ProcessEvent[]): void {
    this.context?.deliver(events);
  }

  private async run(context: ProcessContext, suspender: Suspender, instance: WebAssembly.Instance): Promise<void> {
    let report: ExitReport;
    try {
      await suspender.run(instance, '_start');
      report = { exitCode: 0, oom: false };
    } catch (error) {
      report = exitReport(error);
    }
    if (!report.oom && report.exitCode !== 0 && nearLimit(context)) report = { exitCode: 137, oom: true, message: report.message };
    context.host.exited(report);
  }
}

/**
 * Whether a program that ended abnormally most likely failed to grow its memory past the limit
 * (memory.grow returns -1 at the capped maximum and allocators then trap or exit). Allocators
 * grow by up to their current size (doubling) or by at least a megabyte, so a program holding
 * more than half of its limit, or within a megabyte of it, is counted as out of memory.
 */
function nearLimit(context: ProcessContext): boolean {
  const limit = context.spec.memoryLimitBytes;
  if (limit === undefined) return false;
  const used = context.memory.byteLength;
  return used * 2 > limit || used + MEGABYTE > limit;
}

function exitReport(error: unknown): ExitReport {
  if (error instanceof ProcessExit) return { exitCode: error.exitCode, oom: error.oom };
  const message = error instanceof Error ? error.message : String(error);
  return { exitCode: TRAP_EXIT_CODE, oom: false, message: `wasm trap: ${message}` };
}

/**
 * Instantiates the module. Without the binary the supervisor cannot say how much memory an
 * imported memory must start with, so a link error is retried with a doubled initial size.
 */
async function instantiate(spec: ProcessSpec, context: ProcessContext, suspender: Suspender): Promise<WebAssembly.Instance> {
  let memoryImport = spec.memoryImport;
  for (;;) {
    const imports = linkImports(spec.module, context, suspender, memoryImport);
    try {
      // The DOM and core typings of the import object differ; the linker built it from the module's own imports.
      return await WebAssembly.instantiate(spec.module, imports as never);
    } catch (error) {
      const initial = memoryImport?.initialPages ?? 1;
      const canGrow = spec.memoryImport === undefined && error instanceof WebAssembly.LinkError && /memory/i.test(error.message) && initial < 65536;
      if (!canGrow) throw error;
      memoryImport = { initialPages: initial * 2 };
    }
  }
}
