// The node's image cache: pulling an image resolves it in the registry (the catalog), loads
// and compiles its programs, and takes as long as its size takes over a simulated network on
// the cluster clock; pulling an image the node already holds at the same digest costs only the
// registry round trip, as containerd fetches no layer it has. Failed pulls carry containerd's
// error text. Upstream messages: pkg/kubelet/images/image_manager.go and containerd's resolver.

import type { ClusterClock } from '../../../src/cluster/clock';
import type { CatalogImage } from '../../images/catalog-types';
import { catalogName, InvalidImageNameError, parseImageReference, qualifiedImageName, type ImageReference } from '../../images/reference';
import type { ImageContent } from '../../runtime/runtime-api';

/** What the registry knows of a reference. */
export type RegistryAnswer = { kind: 'found'; image: CatalogImage } | { kind: 'no-repository' } | { kind: 'no-tag' };

/** A program of an image: its bytes (the runtime rewrites memory limits into them) and compiled module. */
export interface LoadedModule {
  bytes: Uint8Array;
  module: WebAssembly.Module;
}

export interface ImageRegistry {
  lookup(reference: ImageReference): RegistryAnswer;
  /** Loads and compiles one program of an image by its module file name. */
  loadModule(file: string): Promise<LoadedModule>;
}

export interface CachedImage {
  content: ImageContent;
  sizeBytes: number;
  /** `docker.io/library/nginx:latest` */
  qualifiedName: string;
  /** `docker.io/library/nginx@sha256:…` */
  imageID: string;
}

export class PullError extends Error {
  constructor(
    readonly reason: 'ErrImagePull' | 'InvalidImageName',
    message: string,
  ) {
    super(message);
  }
}

/** Simulated registry round trip and bandwidth. */
const PULL_LATENCY_MS = 400;
const PULL_BYTES_PER_MS = 40_000;

/** Go's time.Duration formatting of a whole number of milliseconds (`523ms`, `2.214s`, `1m5.5s`). */
export function goDuration(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  if (whole < 1000) return `${whole}ms`;
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = (whole % 60_000) / 1000;
  const secondsText = `${seconds.toFixed(3).replace(/\.?0+$/, '')}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondsText}`;
  if (minutes > 0) return `${minutes}m${secondsText}`;
  return secondsText;
}

export class ImageCache {
  private readonly images = new Map<string, CachedImage>();
  private readonly pulling = new Map<string, Promise<CachedImage>>();
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly registry: ImageRegistry,
    private readonly clock: ClusterClock,
    private readonly delayScale: number,
  ) {}

  /** The parsed reference, or InvalidImageName with the kubelet's message. */
  parse(image: string): ImageReference {
    try {
      return parseImageReference(image);
    } catch (error) {
      if (!(error instanceof InvalidImageNameError)) throw error;
      const lower = image !== image.toLowerCase();
      const detail = lower ? `repository name (${image.split(':')[0]}) must be lowercase` : 'invalid reference format';
      throw new PullError('InvalidImageName', `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format${lower ? `: ${detail}` : ''}`);
    }
  }

  /** Calls `listener` after each image lands in the cache. */
  onPulled(listener: () => void): void {
    this.listeners.push(listener);
  }

  present(image: string): CachedImage | undefined {
    return this.images.get(qualifiedImageName(this.parse(image)));
  }

  /** Images for node status, largest first, as the kubelet reports them. */
  list(): { names: string[]; sizeBytes: number }[] {
    return [...this.images.values()]
      .sort((a, b) => b.sizeBytes - a.sizeBytes)
      .map((image) => ({ names: [image.imageID, image.qualifiedName], sizeBytes: image.sizeBytes }));
  }

  /** Pulls an image (joining a pull already under way); resolves with it and how long it took. */
  async pull(image: string): Promise<{ image: CachedImage; durationMs: number }> {
    const started = this.clock.now();
    const reference = this.parse(image);
    const key = qualifiedImageName(reference);
    let pull = this.pulling.get(key);
    if (!pull) {
      pull = this.fetch(reference).finally(() => this.pulling.delete(key));
      this.pulling.set(key, pull);
    }
    const result = await pull;
    return { image: result, durationMs: this.clock.now() - started };
  }

  /** Puts an image the registry holds straight into the cache (a loaded image: no pull). */
  store(image: string): Promise<CachedImage> {
    return this.fetch(this.parse(image), 0);
  }

  private async fetch(reference: ImageReference, delayScale = this.delayScale): Promise<CachedImage> {
    const name = qualifiedImageName(reference);
    const answer = this.registry.lookup(reference);
    await this.wait(PULL_LATENCY_MS * delayScale);
    if (answer.kind === 'no-repository') {
      throw new PullError(
        'ErrImagePull',
        `failed to pull and unpack image "${name}": failed to resolve reference "${name}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      );
    }
    if (answer.kind === 'no-tag') {
      throw new PullError('ErrImagePull', `failed to pull and unpack image "${name}": failed to resolve reference "${name}": ${name}: not found`);
    }
    const catalog = answer.image;
    const imageID = `${reference.registry}/${reference.repository}@${catalog.digest}`;
    const held = this.images.get(name);
    if (held?.imageID === imageID) return held;
    const [loaded] = await Promise.all([
      this.loadModules(catalog),
      this.wait((catalog.sizeBytes / PULL_BYTES_PER_MS) * delayScale),
    ]);
    const cached: CachedImage = {
      content: {
        reference: catalogName(reference),
        modules: Object.fromEntries(Object.entries(loaded).map(([name, program]) => [name, program.module])),
        moduleBytes: Object.fromEntries(Object.entries(loaded).map(([name, program]) => [name, program.bytes])),
        executables: { ...catalog.executables },
        files: { ...catalog.files },
        directories: [...catalog.directories],
        entrypoint: [...catalog.entrypoint],
        cmd: [...catalog.cmd],
        workingDir: catalog.workingDir,
        env: { ...catalog.env },
      },
      sizeBytes: catalog.sizeBytes,
      qualifiedName: name,
      imageID,
    };
    this.images.set(name, cached);
    for (const listener of this.listeners) listener();
    return cached;
  }

  /** Simulated network time on the cluster clock (none at all when there is none to wait). */
  private wait(ms: number): Promise<void> {
    return ms > 0 ? this.clock.sleep(ms) : Promise.resolve();
  }

  private async loadModules(catalog: CatalogImage): Promise<Record<string, LoadedModule>> {
    const entries = await Promise.all(Object.entries(catalog.modules).map(async ([program, file]) => [program, await this.registry.loadModule(file)] as const));
    return Object.fromEntries(entries);
  }
}
