// Checking a WebAssembly file the user brings before it becomes an image: the name must be a
// valid image reference with a tag, the file a WebAssembly module; the image is named and
// digested as nodes will report it. Loaded only when an image is loaded.

import { InvalidImageNameError, parseImageReference, qualifiedImageName, type ImageReference } from '../../images/reference';
import type { LoadedImage } from './loaded-images';
import { sha256Hex } from './sha256';

export class ImageLoadError extends Error {}

/** Checks the name and the file and describes the image; throws ImageLoadError. */
export function prepareLoadedImage(reference: string, path: string, bytes: Uint8Array): LoadedImage {
  let parsed: ImageReference;
  try {
    parsed = parseImageReference(reference);
  } catch (error) {
    if (!(error instanceof InvalidImageNameError)) throw error;
    throw new ImageLoadError(`invalid image name "${reference}": invalid reference format`);
  }
  if (parsed.digest !== undefined) throw new ImageLoadError(`invalid image name "${reference}": name an image by tag, not by digest`);
  const fileName = path.split('/').filter(Boolean).pop() ?? '';
  const copy = new Uint8Array(bytes);
  if (!WebAssembly.validate(copy)) throw new ImageLoadError(`${path}: not a WebAssembly module`);
  return { name: qualifiedImageName(parsed), fileName, bytes: copy, digest: `sha256:${sha256Hex(copy)}` };
}
