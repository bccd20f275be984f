// busybox and alpine: the busybox program as /bin/sh and every applet.

import { appletExecutables, BASE_DIRECTORIES, PASSWD_FILES, STANDARD_PATH } from './applets';
import { stableDigest } from './digest';
import type { CatalogEntry } from './types';

export const busybox: CatalogEntry = {
  image: {
    names: ['busybox'],
    tags: [
      'latest', 'stable', 'musl', 'glibc', 'uclibc', '1.37', '1.37.0', '1.36', '1.36.1', '1.36.0', '1.36-musl', '1.36.1-musl',
      '1.36-glibc', '1.36.1-glibc', '1.36-uclibc', '1.36.1-uclibc', '1.35', '1.35.0', '1.34', '1.34.1', '1.33', '1.33.1', '1.32',
      '1.32.1', '1.31', '1.31.1', '1.30', '1.30.1', '1.29', '1.29.3', '1.28', '1.28.4', '1.27', '1.27.2',
    ],
    modules: { busybox: 'busybox.wasm' },
    executables: appletExecutables(['/bin']),
    files: { ...PASSWD_FILES },
    directories: [...BASE_DIRECTORIES],
    entrypoint: [],
    cmd: ['sh'],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [],
    sizeBytes: 2_155_471,
    digest: stableDigest('busybox'),
  },
  forTag: (tag) => (/^1\.(2\d)/.test(tag) ? { sizeBytes: 755_372, digest: stableDigest(`busybox:${tag}`) } : { digest: stableDigest(`busybox:${tag}`) }),
};

/** The full release each alpine tag points at. */
const ALPINE_RELEASES: Record<string, string> = {
  latest: '3.20.3', '3': '3.20.3', '3.21': '3.21.0', '3.21.0': '3.21.0', '3.20': '3.20.3', '3.20.3': '3.20.3', '3.19': '3.19.4',
  '3.19.4': '3.19.4', '3.18': '3.18.9', '3.18.9': '3.18.9', '3.17': '3.17.10', '3.16': '3.16.9', edge: '3.21_alpha20240923',
};

function alpineFiles(release: string): Record<string, string> {
  const [major, minor] = release.split('.');
  return {
    '/etc/alpine-release': `${release}\n`,
    '/etc/os-release': `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${release}\nPRETTY_NAME="Alpine Linux v${major}.${minor}"\n` +
      'HOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  };
}

export const alpine: CatalogEntry = {
  image: {
    names: ['alpine'],
    tags: Object.keys(ALPINE_RELEASES),
    modules: { busybox: 'busybox.wasm' },
    executables: appletExecutables(['/bin', '/usr/bin', '/sbin']),
    files: { ...PASSWD_FILES, ...alpineFiles(ALPINE_RELEASES.latest) },
    directories: [...BASE_DIRECTORIES],
    entrypoint: [],
    cmd: ['/bin/sh'],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [],
    sizeBytes: 3_626_798,
    digest: stableDigest('alpine'),
  },
  forTag: (tag) => ({
    digest: stableDigest(`alpine:${ALPINE_RELEASES[tag]}`),
    files: { ...PASSWD_FILES, ...alpineFiles(ALPINE_RELEASES[tag]) },
  }),
};
