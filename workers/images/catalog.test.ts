// Resolving image references against the catalog: names, tags, aliases, unknown images and tags.

import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOG, resolveImage, type ImageFound } from './catalog';
import { InvalidImageNameError } from './reference';

function found(reference: string): ImageFound {
  const resolution = resolveImage(reference);
  if (resolution?.status !== 'found') throw new Error(`${reference} did not resolve: ${JSON.stringify(resolution)}`);
  return resolution;
}

describe('resolveImage', () => {
  it('resolves short names to docker.io/library and latest', () => {
    const nginx = found('nginx');
    expect(nginx.name).toBe('docker.io/library/nginx:latest');
    expect(nginx.image.modules.nginx).toBe('nginx.wasm');
    expect(nginx.imageId).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('answers busybox under its tags and registries, and alpine', () => {
    expect(found('busybox:1.36').image.executables['/bin/sh']).toBe('busybox');
    expect(found('busybox:1.28').image.executables['/bin/nslookup']).toBe('busybox');
    expect(found('registry.k8s.io/busybox').name).toBe('registry.k8s.io/busybox:latest');
    expect(found('docker.io/library/busybox:latest').image.names).toContain('busybox');
    expect(found('alpine:3.19').image.files['/etc/alpine-release']).toBe('3.19.4\n');
    expect(found('alpine').image.executables['/usr/bin/wget']).toBe('busybox');
  });

  it('gives nginx any tag, with the version the tag names', () => {
    expect(found('nginx:1.14.2').image.env.NGINX_VERSION).toBe('1.14.2');
    expect(found('nginx:1.25-alpine').image.env.NGINX_VERSION).toBe('1.25.5');
    expect(found('nginx:latest').image.env.NGINX_VERSION).toBe('1.27.3');
    expect(found('nginx:1.14.2').image.sizeBytes).toBeLessThan(found('nginx').image.sizeBytes);
    const nginx = found('nginx:1.27');
    expect(nginx.image.entrypoint).toEqual(['/docker-entrypoint.sh']);
    expect(nginx.image.cmd).toEqual(['nginx', '-g', 'daemon off;']);
    expect(nginx.image.executables['/bin/sh']).toBe('busybox');
    expect(Buffer.byteLength(nginx.image.files['/usr/share/nginx/html/index.html'])).toBe(615);
  });

  it('knows the servers and tools of the docs', () => {
    expect(found('hashicorp/http-echo').image.entrypoint).toEqual(['/http-echo']);
    expect(found('registry.k8s.io/e2e-test-images/agnhost:2.39').image.modules.agnhost).toBe('agnhost.wasm');
    expect(found('agnhost').image.entrypoint).toEqual(['/agnhost']);
    expect(found('registry.k8s.io/pause:3.9').image.executables['/pause']).toBe('agnhost');
    const perl = found('perl:5.34.0');
    expect(perl.image.executables['/usr/local/bin/perl']).toBe('perl');
    expect(Object.keys(perl.image.files)).toContain('/usr/local/lib/perl5/5.34.0/bignum.pm');
    expect(found('perl:5.34-slim').image.sizeBytes).toBeLessThan(perl.image.sizeBytes);
    expect(found('polinux/stress').image.executables['/usr/local/bin/stress']).toBe('stress');
    expect(found('vish/stress').image.entrypoint).toEqual(['/stress']);
  });

  it('returns undefined for an unknown repository', () => {
    expect(resolveImage('nosuchimage')).toBeUndefined();
    expect(resolveImage('example.com/team/app:1.0')).toBeUndefined();
  });

  it('tells a known repository without the tag apart', () => {
    expect(resolveImage('busybox:9.99')).toEqual({
      status: 'tag-not-found',
      name: 'docker.io/library/busybox:9.99',
      reference: { registry: 'docker.io', repository: 'library/busybox', tag: '9.99', digest: undefined },
    });
    expect(resolveImage('perl:4.0')?.status).toBe('tag-not-found');
  });

  it('matches digests, and refuses unknown ones', () => {
    const digest = found('busybox:1.36').image.digest;
    expect(found(`busybox:1.36@${digest}`).image.digest).toBe(digest);
    expect(resolveImage(`busybox:1.36@sha256:${'0'.repeat(64)}`)?.status).toBe('tag-not-found');
  });

  it('gives every tag a stable digest of its own', () => {
    expect(found('busybox:1.36').image.digest).toBe(found('busybox:1.36').image.digest);
    expect(found('busybox:1.36').image.digest).not.toBe(found('busybox:1.35').image.digest);
  });

  it('throws InvalidImageNameError for malformed references', () => {
    expect(() => resolveImage('Nginx')).toThrow(InvalidImageNameError);
  });
});

describe('CATALOG', () => {
  const buildDir = fileURLToPath(new URL('./build', import.meta.url));
  const sourceDir = fileURLToPath(new URL('./src', import.meta.url));

  it('names only programs that exist, and each executable names a program of its image', () => {
    const programs = readdirSync(sourceDir).filter((name) => name !== 'lib' && existsSync(`${sourceDir}/${name}/main.ts`));
    for (const image of CATALOG) {
      for (const [program, file] of Object.entries(image.modules)) {
        expect(programs).toContain(program);
        expect(file).toBe(`${program}.wasm`);
        expect(existsSync(`${buildDir}/${file}`)).toBe(true);
      }
      for (const program of Object.values(image.executables)) expect(Object.keys(image.modules)).toContain(program);
      expect(image.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(image.sizeBytes).toBeGreaterThan(100_000);
    }
  });

  it('starts every image with an executable it has', () => {
    for (const image of CATALOG) {
      const first = image.entrypoint[0] ?? image.cmd[0];
      const onPath = (image.env.PATH ?? '').split(':').map((dir) => `${dir}/${first}`);
      expect(first.startsWith('/') ? [first] : onPath.filter((path) => path in image.executables)).not.toHaveLength(0);
      if (first.startsWith('/')) expect(image.executables[first]).toBeDefined();
    }
  });
});
