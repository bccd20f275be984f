// Bundles the Node worker entries (node worker, container worker) into single JavaScript files
// under .cache/workers with esbuild, so worker_threads start them without a TypeScript loader.
// Rebuilt when any source is newer than the bundle.

import { build } from 'esbuild';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRIES = {
  node: 'workers/node/entry-node.ts',
  container: 'workers/runtime/entry-node.ts',
} as const;

async function newestSource(dirs: string[]): Promise<number> {
  let newest = 0;
  for (const dir of dirs) {
    for (const entry of await readdir(`${ROOT}${dir}`, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts')) {
        const info = await stat(`${entry.parentPath}/${entry.name}`);
        newest = Math.max(newest, info.mtimeMs);
      }
    }
  }
  return newest;
}

const pending = new Map<string, Promise<string>>();

/** The path of an up-to-date bundle of one worker entry. */
export function workerBundle(kind: keyof typeof ENTRIES): Promise<string> {
  let result = pending.get(kind);
  if (!result) {
    result = buildIfStale(kind);
    pending.set(kind, result);
  }
  return result;
}

async function buildIfStale(kind: keyof typeof ENTRIES): Promise<string> {
  const outfile = `${ROOT}.cache/workers/${kind}.mjs`;
  const built = await stat(outfile).then((s) => s.mtimeMs, () => 0);
  if (built > (await newestSource(['src', 'workers']))) return outfile;
  await mkdir(`${ROOT}.cache/workers`, { recursive: true });
  const result = await build({
    entryPoints: [`${ROOT}${ENTRIES[kind]}`],
    outfile,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'silent',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const temporary = `${outfile}.${process.pid}.tmp`;
  await writeFile(temporary, result.outputFiles[0].contents);
  await rename(temporary, outfile);
  return outfile;
}
