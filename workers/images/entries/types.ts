// A catalog entry: the image as most tags have it, and what changes for a given tag (the
// version a program reports, the size of the variant).

import type { CatalogImage } from '../catalog-types';

export interface CatalogEntry {
  image: CatalogImage;
  /** Changes for `tag` (already known to be one the image answers to). */
  forTag?: (tag: string) => Partial<CatalogImage>;
}
