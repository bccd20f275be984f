// The guest ABI's import surface (workers/images/README.md): the import modules kubetab offers
// and the functions of its own extensions. Anything else a module imports is refused.

export const WASI_MODULE = 'wasi_snapshot_preview1';

export const KUBETAB_FUNCTIONS: Record<string, readonly string[]> = {
  kubetab_proc: ['signals', 'take_signal', 'pid', 'processes', 'kill'],
  kubetab_net: ['listen', 'connect', 'resolve', 'peer', 'local_ip'],
};

/** The first import kubetab cannot satisfy, as `module.name`, or undefined. */
export function unknownImport(module: WebAssembly.Module): string | undefined {
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind === 'memory') continue;
    if (kind === 'function' && (from === WASI_MODULE || KUBETAB_FUNCTIONS[from]?.includes(name))) continue;
    return `${from}.${name}`;
  }
  return undefined;
}
