// Small server images: hashicorp/http-echo, the Kubernetes e2e agnhost, and the pause image.

import { appletExecutables, BASE_DIRECTORIES, PASSWD_FILES, STANDARD_PATH } from './applets';
import { stableDigest } from './digest';
import type { CatalogEntry } from './types';

export const httpEcho: CatalogEntry = {
  image: {
    names: ['hashicorp/http-echo'],
    tags: ['latest', '1.0', '1.0.0', '0.2.3', '0.2.1'],
    modules: { 'http-echo': 'http-echo.wasm' },
    executables: { '/http-echo': 'http-echo' },
    files: {},
    directories: [],
    entrypoint: ['/http-echo'],
    cmd: [],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [5678],
    sizeBytes: 3_385_472,
    digest: stableDigest('hashicorp/http-echo'),
  },
  forTag: (tag) => ({ digest: stableDigest(`hashicorp/http-echo:${tag}`), sizeBytes: tag.startsWith('0.') ? 2_891_054 : 3_385_472 }),
};

export const agnhost: CatalogEntry = {
  image: {
    names: ['e2e-test-images/agnhost', 'agnhost', 'kubernetes-e2e-test-images/agnhost'],
    tags: ['latest', '2.53', '2.52', '2.51', '2.50', '2.48', '2.47', '2.45', '2.43', '2.40', '2.39', '2.36', '2.33', '2.32', '2.21'],
    modules: { agnhost: 'agnhost.wasm', busybox: 'busybox.wasm' },
    executables: { ...appletExecutables(['/bin']), '/agnhost': 'agnhost' },
    files: { ...PASSWD_FILES },
    directories: [...BASE_DIRECTORIES, '/uploads'],
    entrypoint: ['/agnhost'],
    cmd: ['pause'],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [80, 8080, 8081],
    sizeBytes: 51_618_304,
    digest: stableDigest('registry.k8s.io/e2e-test-images/agnhost'),
  },
  forTag: (tag) => ({ digest: stableDigest(`registry.k8s.io/e2e-test-images/agnhost:${tag}`) }),
};

export const pause: CatalogEntry = {
  image: {
    names: ['pause'],
    tags: ['latest', '3.10', '3.9', '3.8', '3.7', '3.6', '3.5', '3.4.1', '3.2', '3.1'],
    modules: { agnhost: 'agnhost.wasm' },
    executables: { '/pause': 'agnhost' },
    files: {},
    directories: [],
    entrypoint: ['/pause'],
    cmd: [],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [],
    sizeBytes: 321_520,
    digest: stableDigest('registry.k8s.io/pause'),
  },
  forTag: (tag) => ({ digest: stableDigest(`registry.k8s.io/pause:${tag}`) }),
};
