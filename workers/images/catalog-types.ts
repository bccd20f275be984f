// The shape of the image catalog: which names and tags an image answers to, which programs and
// files it holds, how it starts, and how big it is (the size drives the simulated pull time).

export interface CatalogImage {
  /** Repository names the image answers to, without registry or tag: `nginx`, `hashicorp/http-echo`. */
  names: string[];
  /** Tags it answers to, or '*' for any tag. */
  tags: string[] | '*';
  /** Program name to module file (in the build output): `{ busybox: 'busybox.wasm' }`. */
  modules: Record<string, string>;
  /** Absolute executable paths to program names: `{ '/bin/sh': 'busybox' }`. */
  executables: Record<string, string>;
  /** Text files of the image's root filesystem. */
  files: Record<string, string>;
  /**
   * Directories of the image's root filesystem that hold no file of `files` (`/tmp`, `/root`):
   * a runtime creates them empty.
   */
  directories: string[];
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  env: Record<string, string>;
  /** Ports the image listens on (EXPOSE). */
  ports: number[];
  /** Compressed size in bytes, as a registry reports it. */
  sizeBytes: number;
  /** `sha256:<64 hex>`: the digest reported in imageID. */
  digest: string;
}
