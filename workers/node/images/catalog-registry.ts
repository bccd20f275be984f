// The registry a node pulls from: kubetab's image catalog. It answers whether a reference
// names a known repository and tag, and loads an image's programs.

import { resolveImage } from '../../images/catalog';
import { qualifiedImageName } from '../../images/reference';
import type { ImageRegistry, LoadedModule, RegistryAnswer } from './image-cache';

export function catalogRegistry(loadModule: (file: string) => Promise<LoadedModule>): ImageRegistry {
  return {
    lookup(reference): RegistryAnswer {
      const answer = resolveImage(qualifiedImageName(reference));
      if (!answer) return { kind: 'no-repository' };
      return answer.status === 'found' ? { kind: 'found', image: answer.image } : { kind: 'no-tag' };
    },
    loadModule,
  };
}
