// Images made from a WebAssembly file the user brings (`kubetab image load`, `--load-image`,
// the page's file picker), loaded onto every node as `kind load` loads an image into each
// node's containerd: a program at `/<file>` that is also the entrypoint, sized as the file,
// with its SHA-256 as digest (prepare-loaded-image.ts checks and describes the file). Each
// node's registry answers for them before the catalog, so a pod naming one runs it whatever
// its pull policy.

import { STANDARD_PATH } from '../../images/entries/applets';
import type { CatalogImage } from '../../images/catalog-types';
import { qualifiedImageName, type ImageReference } from '../../images/reference';
import type { ImageRegistry, LoadedModule, RegistryAnswer } from './image-cache';

export interface LoadedImage {
  /** `docker.io/library/hello:1.0`: the name nodes report. */
  name: string;
  /** The file's base name (`hello.wasm`): the program's path is `/<fileName>`. */
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** `sha256:<64 hex>` of the file. */
  digest: string;
}

/** What loading did, for the command that asked. */
export interface LoadedImageSummary {
  name: string;
  digest: string;
  sizeBytes: number;
  /** Nodes the image was new to, and nodes that already had this digest. */
  loadedOn: string[];
  alreadyOn: string[];
}

function programName(fileName: string): string {
  return fileName.replace(/\.wasm$/, '') || 'program';
}

function loadedModuleFile(image: LoadedImage): string {
  return `loaded/${image.digest}`;
}

/** The image as the node's image cache reads catalog entries. */
export function loadedCatalogImage(image: LoadedImage, reference: ImageReference): CatalogImage {
  const program = programName(image.fileName);
  return {
    names: [reference.repository],
    tags: [reference.tag],
    modules: { [program]: loadedModuleFile(image) },
    executables: { [`/${image.fileName}`]: program },
    files: {},
    directories: ['/tmp'],
    entrypoint: [`/${image.fileName}`],
    cmd: [],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [],
    sizeBytes: image.bytes.length,
    digest: image.digest,
  };
}

/** A node's registry: loaded images first, then the catalog. */
export class NodeImageRegistry implements ImageRegistry {
  private readonly images = new Map<string, LoadedImage>();
  private readonly modules = new Map<string, LoadedModule>();

  constructor(private readonly catalog: ImageRegistry) {}

  /** Whether this node already holds `image` with the same digest. */
  has(image: LoadedImage): boolean {
    return this.images.get(image.name)?.digest === image.digest;
  }

  async add(image: LoadedImage): Promise<void> {
    const module = await WebAssembly.compile(image.bytes);
    this.modules.set(loadedModuleFile(image), { bytes: image.bytes, module });
    this.images.set(image.name, image);
  }

  lookup(reference: ImageReference): RegistryAnswer {
    const loaded = this.images.get(qualifiedImageName(reference));
    if (loaded && (reference.digest === undefined || reference.digest === loaded.digest)) return { kind: 'found', image: loadedCatalogImage(loaded, reference) };
    return this.catalog.lookup(reference);
  }

  loadModule(file: string): Promise<LoadedModule> {
    const loaded = this.modules.get(file);
    return loaded ? Promise.resolve(loaded) : this.catalog.loadModule(file);
  }
}
