// The image catalog: every image a pod can name, and resolveImage, which reads a reference the
// way a container runtime does (`nginx` is docker.io/library/nginx:latest) and says whether a
// registry would have it: found, a known repository without that tag, or nothing at all.

import type { CatalogImage } from './catalog-types';
import { alpine, busybox } from './entries/busybox';
import { nginx } from './entries/nginx';
import { agnhost, httpEcho, pause } from './entries/servers';
import { perl, stress, vishStress } from './entries/tools';
import type { CatalogEntry } from './entries/types';
import { catalogName, parseImageReference, qualifiedImageName, type ImageReference } from './reference';

const ENTRIES: CatalogEntry[] = [busybox, alpine, nginx, httpEcho, agnhost, pause, perl, stress, vishStress];

export const CATALOG: CatalogImage[] = ENTRIES.map((entry) => entry.image);

export interface ImageFound {
  status: 'found';
  /** The image as this tag has it. */
  image: CatalogImage;
  reference: ImageReference;
  /** `docker.io/library/nginx:latest`: the name kubelets report. */
  name: string;
  /** `docker.io/library/nginx@sha256:…`: the imageID kubelets report. */
  imageId: string;
}

export interface ImageTagNotFound {
  status: 'tag-not-found';
  reference: ImageReference;
  name: string;
}

export type ImageResolution = ImageFound | ImageTagNotFound;

function findEntry(name: string): CatalogEntry | undefined {
  return ENTRIES.find((entry) => entry.image.names.includes(name));
}

function hasTag(image: CatalogImage, tag: string): boolean {
  return image.tags === '*' || image.tags.includes(tag);
}

/**
 * resolveImage looks a reference up: `undefined` for a repository the catalog does not have,
 * `tag-not-found` for a known repository without that tag (or digest), `found` otherwise.
 * Throws InvalidImageNameError (from parseImageReference) when the reference is malformed.
 */
export function resolveImage(reference: string): ImageResolution | undefined {
  const ref = parseImageReference(reference);
  const entry = findEntry(catalogName(ref));
  if (!entry) return undefined;
  const name = qualifiedImageName(ref);
  if (!hasTag(entry.image, ref.tag)) return { status: 'tag-not-found', reference: ref, name };
  const image: CatalogImage = { ...entry.image, ...(entry.forTag?.(ref.tag) ?? {}) };
  if (ref.digest !== undefined && ref.digest !== image.digest) return { status: 'tag-not-found', reference: ref, name };
  return { status: 'found', image, reference: ref, name, imageId: `${ref.registry}/${ref.repository}@${image.digest}` };
}
