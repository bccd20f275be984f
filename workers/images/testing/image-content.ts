// The ImageContent a node would run for a catalog reference, built from the catalog and the
// build output, for tests that run the images through the real container runtime.

import { readFileSync } from 'node:fs';
import { resolveImage } from '../catalog';
import type { ImageContent } from '../../runtime/runtime-api';

const BUILD_DIR = new URL('../build/', import.meta.url);

/**
 * The image for `reference`. The runtime's file trees have files only, so each of the image's
 * empty directories gets a `.keep` file to exist at all.
 */
export async function imageContent(reference: string): Promise<ImageContent> {
  const resolution = resolveImage(reference);
  if (resolution?.status !== 'found') throw new Error(`${reference} is not in the catalog`);
  const { image } = resolution;
  const modules: Record<string, WebAssembly.Module> = {};
  const moduleBytes: Record<string, Uint8Array> = {};
  for (const [program, file] of Object.entries(image.modules)) {
    moduleBytes[program] = new Uint8Array(readFileSync(new URL(file, BUILD_DIR)));
    modules[program] = await WebAssembly.compile(moduleBytes[program]);
  }
  const files: Record<string, string> = { ...image.files };
  for (const dir of image.directories) files[`${dir}/.keep`] = '';
  return {
    reference,
    modules,
    moduleBytes,
    executables: image.executables,
    files,
    entrypoint: image.entrypoint,
    cmd: image.cmd,
    workingDir: image.workingDir,
    env: image.env,
  };
}
