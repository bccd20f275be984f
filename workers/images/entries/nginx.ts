// nginx (any tag): the official image's entrypoint and nginx, with busybox as /bin/sh (and
// bash, ls, cat...) so `kubectl exec -it nginx -- sh` works. NGINX_VERSION follows the tag.

import { appletExecutables, BASE_DIRECTORIES, PASSWD_FILES, STANDARD_PATH } from './applets';
import { stableDigest } from './digest';
import { DEFAULT_CONF, ERROR_PAGE, NGINX_CONF, WELCOME_PAGE } from './nginx-files';
import type { CatalogEntry } from './types';

const MAINLINE = '1.27.3';
const STABLE = '1.26.2';

/** The last release of each minor version, for tags like `1.25` or `1.25-alpine`. */
const LATEST_PATCH: Record<string, string> = {
  '1.27': '1.27.3', '1.26': '1.26.2', '1.25': '1.25.5', '1.24': '1.24.0', '1.23': '1.23.4', '1.22': '1.22.1', '1.21': '1.21.6',
  '1.20': '1.20.2', '1.19': '1.19.10', '1.18': '1.18.0', '1.17': '1.17.10', '1.16': '1.16.1', '1.15': '1.15.12', '1.14': '1.14.2',
};

/** The nginx version a tag names: `1.25`, `1.14.2-alpine`, `stable`, `latest`. */
export function nginxVersion(tag: string): string {
  const match = /^(\d+\.\d+)(\.\d+)?/.exec(tag);
  if (match) return match[2] ? match[1] + match[2] : (LATEST_PATCH[match[1]] ?? `${match[1]}.0`);
  return tag.startsWith('stable') ? STABLE : MAINLINE;
}

function sizeFor(tag: string, version: string): number {
  const [major, minor] = version.split('.').map(Number);
  if (tag.includes('alpine')) return major === 1 && minor < 20 ? 6_491_211 : 20_935_362;
  return major === 1 && minor < 20 ? 44_709_341 : 72_951_833;
}

export const nginx: CatalogEntry = {
  image: {
    names: ['nginx'],
    tags: '*',
    modules: { nginx: 'nginx.wasm', busybox: 'busybox.wasm' },
    executables: {
      ...appletExecutables(['/bin', '/usr/bin']),
      '/bin/bash': 'busybox',
      '/docker-entrypoint.sh': 'nginx',
      '/usr/sbin/nginx': 'nginx',
      '/usr/sbin/nginx-debug': 'nginx',
    },
    files: {
      ...PASSWD_FILES,
      '/usr/share/nginx/html/index.html': WELCOME_PAGE,
      '/usr/share/nginx/html/50x.html': ERROR_PAGE,
      '/etc/nginx/nginx.conf': NGINX_CONF,
      '/etc/nginx/conf.d/default.conf': DEFAULT_CONF,
      '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n',
    },
    directories: [...BASE_DIRECTORIES, '/run', '/var/log/nginx', '/var/cache/nginx', '/docker-entrypoint.d'],
    entrypoint: ['/docker-entrypoint.sh'],
    cmd: ['nginx', '-g', 'daemon off;'],
    workingDir: '/',
    env: { PATH: STANDARD_PATH, NGINX_VERSION: MAINLINE, NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm' },
    ports: [80],
    sizeBytes: sizeFor('latest', MAINLINE),
    digest: stableDigest('nginx'),
  },
  forTag: (tag) => {
    const version = nginxVersion(tag);
    return {
      env: { PATH: STANDARD_PATH, NGINX_VERSION: version, NJS_VERSION: '0.8.7', NJS_RELEASE: '1~bookworm', PKG_RELEASE: '1~bookworm' },
      sizeBytes: sizeFor(tag, version),
      digest: stableDigest(`nginx:${tag}`),
    };
  },
};
