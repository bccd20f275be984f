// Finds the program for argv[0] as runc would: a path (absolute, or relative to the working
// directory) or a name searched in PATH, looked up in the image's executables.

import { resolvePath } from '../fs/paths';
import type { ImageContent } from '../runtime-api';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type ExecutableLookup = { moduleName: string; path: string } | { error: string };

export function findExecutable(image: ImageContent, argv0: string | undefined, path: string | undefined, workingDir: string): ExecutableLookup {
  if (argv0 === undefined || argv0 === '') return { error: 'exec: "": executable file not found in $PATH' };
  if (argv0.includes('/')) {
    const absolute = resolvePath(workingDir, argv0);
    const moduleName = image.executables[absolute];
    return moduleName ? { moduleName, path: absolute } : { error: `exec: "${argv0}": stat ${argv0}: no such file or directory` };
  }
  for (const dir of (path ?? DEFAULT_PATH).split(':')) {
    if (dir === '') continue;
    const candidate = resolvePath(dir, argv0);
    const moduleName = image.executables[candidate];
    if (moduleName) return { moduleName, path: candidate };
  }
  return { error: `exec: "${argv0}": executable file not found in $PATH` };
}
