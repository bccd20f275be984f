// Prepares a program for a start: refuses modules with imports kubetab does not offer, and,
// when the image kept the module's binary, compiles a copy whose memory maximum is the
// container's memory limit (cached per binary and limit).

import { unknownImport } from '../abi';
import { ContainerStartError, type ImageContent } from '../runtime-api';
import { capMemory, memoryLimits } from './module-binary';

const PAGE = 65536;

export interface PreparedModule {
  module: WebAssembly.Module;
  /** Set when the module imports its memory. */
  memoryImport?: { initialPages: number; maximumPages?: number };
  /** The module needs more memory at start than the limit allows. */
  exceedsLimit: boolean;
}

export class ModulePreparer {
  private readonly compiled = new WeakMap<Uint8Array, Map<number, Promise<WebAssembly.Module>>>();

  async prepare(image: ImageContent, moduleName: string, memoryLimitBytes: number | undefined): Promise<PreparedModule> {
    const module = image.modules[moduleName];
    if (!module) throw new ContainerStartError('CreateContainerError', `failed to create containerd task: image ${image.reference} has no program "${moduleName}"`);
    const unknown = unknownImport(module);
    if (unknown) {
      throw new ContainerStartError(
        'CreateContainerError',
        `failed to create containerd task: unknown import "${unknown}": kubetab provides only wasi_snapshot_preview1, kubetab_proc and kubetab_net`,
      );
    }
    const bytes = image.moduleBytes?.[moduleName];
    const limits = bytes ? memoryLimits(bytes) : undefined;
    const limitPages = memoryLimitBytes === undefined ? undefined : Math.max(1, Math.floor(memoryLimitBytes / PAGE));
    const memoryImport = limits?.imported ? { initialPages: limits.initialPages, maximumPages: capPages(limits.maximumPages, limitPages) } : undefined;
    const exceedsLimit = limits !== undefined && limitPages !== undefined && limits.initialPages > limitPages;
    if (!bytes || !limits || limits.imported || limitPages === undefined || exceedsLimit) return { module, memoryImport, exceedsLimit };
    return { module: await this.capped(bytes, limitPages), exceedsLimit };
  }

  private capped(bytes: Uint8Array, limitPages: number): Promise<WebAssembly.Module> {
    let byLimit = this.compiled.get(bytes);
    if (!byLimit) this.compiled.set(bytes, (byLimit = new Map()));
    let module = byLimit.get(limitPages);
    if (!module) {
      module = WebAssembly.compile(capMemory(bytes, limitPages));
      byLimit.set(limitPages, module);
    }
    return module;
  }
}

function capPages(declared: number | undefined, limit: number | undefined): number | undefined {
  if (declared === undefined) return limit;
  return limit === undefined ? declared : Math.min(declared, limit);
}
