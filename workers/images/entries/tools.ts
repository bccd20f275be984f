// perl (for the docs' pi Job) and the stress images (for the resource-limit lessons).

import { appletExecutables, BASE_DIRECTORIES, PASSWD_FILES, STANDARD_PATH } from './applets';
import { stableDigest } from './digest';
import type { CatalogImage } from '../catalog-types';
import type { CatalogEntry } from './types';

/** The release each perl tag points at. */
const PERL_RELEASES: Record<string, string> = {
  latest: '5.40.0', '5': '5.40.0', '5.40': '5.40.0', '5.40.0': '5.40.0', '5.38': '5.38.2', '5.38.2': '5.38.2', '5.36': '5.36.3',
  '5.36.3': '5.36.3', '5.34': '5.34.3', '5.34.3': '5.34.3', '5.34.0': '5.34.0', '5.32': '5.32.1', '5.32.1': '5.32.1', '5.30': '5.30.3',
};

function perlImage(release: string, slim: boolean): Partial<CatalogImage> {
  return {
    executables: {
      ...appletExecutables(['/bin', '/usr/bin']),
      '/bin/bash': 'busybox',
      '/usr/local/bin/perl': 'perl',
      [`/usr/local/bin/perl${release}`]: 'perl',
      '/usr/bin/perl': 'perl',
    },
    files: {
      ...PASSWD_FILES,
      [`/usr/local/lib/perl5/${release}/bignum.pm`]: `# bignum ${release}: kubetab's perl program provides bpi itself.\n1;\n`,
    },
    directories: [...BASE_DIRECTORIES, '/usr/src/app'],
    cmd: [`perl${release}`, '-de0'],
    sizeBytes: slim ? 54_126_817 : 331_571_903,
  };
}

export const perl: CatalogEntry = {
  image: {
    names: ['perl'],
    tags: [...Object.keys(PERL_RELEASES), ...Object.keys(PERL_RELEASES).map((tag) => (tag === 'latest' ? 'slim' : `${tag}-slim`))],
    modules: { perl: 'perl.wasm', busybox: 'busybox.wasm' },
    executables: {},
    files: {},
    directories: [],
    entrypoint: [],
    cmd: [],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [],
    sizeBytes: 0,
    digest: stableDigest('perl'),
    ...perlImage(PERL_RELEASES.latest, false),
  },
  forTag: (tag) => {
    const slim = tag === 'slim' || tag.endsWith('-slim');
    const release = PERL_RELEASES[slim ? (tag === 'slim' ? 'latest' : tag.slice(0, -'-slim'.length)) : tag];
    return { ...perlImage(release, slim), digest: stableDigest(`perl:${tag}`) };
  },
};

export const stress: CatalogEntry = {
  image: {
    names: ['polinux/stress', 'stress', 'progrium/stress'],
    tags: ['latest', '1.0.4'],
    modules: { stress: 'stress.wasm', busybox: 'busybox.wasm' },
    executables: { ...appletExecutables(['/bin']), '/usr/local/bin/stress': 'stress', '/usr/bin/stress': 'stress' },
    files: { ...PASSWD_FILES },
    directories: [...BASE_DIRECTORIES],
    entrypoint: [],
    cmd: ['stress', '--help'],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [],
    sizeBytes: 4_135_726,
    digest: stableDigest('polinux/stress'),
  },
};

export const vishStress: CatalogEntry = {
  image: {
    names: ['vish/stress'],
    tags: ['latest'],
    modules: { stress: 'stress.wasm' },
    executables: { '/stress': 'stress' },
    files: {},
    directories: [],
    entrypoint: ['/stress'],
    cmd: ['-logtostderr'],
    workingDir: '/',
    env: { PATH: STANDARD_PATH },
    ports: [],
    sizeBytes: 1_864_930,
    digest: stableDigest('vish/stress'),
  },
};
