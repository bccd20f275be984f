// `--load-image NAME=FILE` of `kubetab cluster`: reads each WebAssembly file up front (a typo
// fails before the cluster starts) and, once the nodes are up, loads it onto every node as an
// image, printing what `kind load docker-image` prints.

import { readFile } from 'node:fs/promises';
import type { Cluster } from '../cluster/cluster';
import { ImageLoadError, prepareLoadedImage } from '../../workers/node/images/prepare-loaded-image';
import { UsageError } from './args';

export interface ImageFile {
  reference: string;
  path: string;
  bytes: Uint8Array;
}

/** Reads and checks every `NAME=FILE`; throws UsageError naming the bad one. */
export async function readImageFiles(specs: readonly string[]): Promise<ImageFile[]> {
  return Promise.all(
    specs.map(async (spec) => {
      const eq = spec.indexOf('=');
      if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`option --load-image needs NAME=FILE, got "${spec}"`);
      const reference = spec.slice(0, eq);
      const path = spec.slice(eq + 1);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(path));
      } catch (error) {
        throw new UsageError(`--load-image ${spec}: ${error instanceof Error ? error.message : String(error)}`);
      }
      try {
        prepareLoadedImage(reference, path, bytes);
      } catch (error) {
        if (error instanceof ImageLoadError) throw new UsageError(`--load-image ${spec}: ${error.message}`);
        throw error;
      }
      return { reference, path, bytes };
    }),
  );
}

/** Loads the files onto every node; returns kind's report lines. */
export async function loadImageFiles(cluster: Cluster, files: readonly ImageFile[]): Promise<string[]> {
  const lines: string[] = [];
  for (const file of files) {
    const summary = await cluster.nodes.loadImage(file.reference, file.path, file.bytes);
    for (const node of summary.loadedOn) lines.push(`Image: "${file.reference}" with ID "${summary.digest}" not yet present on node "${node}", loading...`);
  }
  return lines;
}
