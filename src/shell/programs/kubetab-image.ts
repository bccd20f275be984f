// `kubetab image load NAME[:TAG] FILE.wasm`: loads a WebAssembly program from the shell's files
// onto every node as an image, reporting per node as `kind load docker-image` does. A pod with
// `image: NAME` (and pull policy IfNotPresent or Never) then runs it.

import type { ProgramIO } from '../program';

export const IMAGE_USAGE = `  kubetab image load NAME[:TAG] FILE.wasm\n`;

export async function imageCommand(io: ProgramIO, args: string[]): Promise<number> {
  const [action, reference, path, ...extra] = args;
  if (action !== 'load' || !reference || !path || extra.length > 0) {
    io.stderr(`Usage:\n${IMAGE_USAGE}`);
    return 1;
  }
  const loadImage = io.shell.controls?.loadImage;
  if (!loadImage) {
    io.stderr('kubetab: image loading is not available here\n');
    return 1;
  }
  const bytes = io.shell.files.readBinary(path);
  if (!bytes) {
    io.stderr(`kubetab: ${path}: No such file or directory\n`);
    return 1;
  }
  try {
    const summary = await loadImage(reference, path, bytes);
    if (summary.loadedOn.length === 0) {
      io.stdout(`Image: "${reference}" with ID "${summary.digest}" found to be already present on all nodes.\n`);
      return 0;
    }
    for (const node of summary.loadedOn) io.stdout(`Image: "${reference}" with ID "${summary.digest}" not yet present on node "${node}", loading...\n`);
    return 0;
  } catch (error) {
    io.stderr(`kubetab: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
