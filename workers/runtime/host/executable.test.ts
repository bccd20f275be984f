import { expect, it } from 'vitest';
import type { ImageContent } from '../runtime-api';
import { findExecutable } from './executable';

const image = { executables: { '/bin/sh': 'busybox', '/usr/sbin/nginx': 'nginx', '/app/run': 'app' } } as unknown as ImageContent;

it('searches the default PATH, a PATH from the environment, and resolves paths', () => {
  expect(findExecutable(image, 'sh', undefined, '/')).toEqual({ moduleName: 'busybox', path: '/bin/sh' });
  expect(findExecutable(image, 'nginx', undefined, '/')).toEqual({ moduleName: 'nginx', path: '/usr/sbin/nginx' });
  expect(findExecutable(image, 'run', '/app', '/')).toEqual({ moduleName: 'app', path: '/app/run' });
  expect(findExecutable(image, './run', undefined, '/app')).toEqual({ moduleName: 'app', path: '/app/run' });
  expect(findExecutable(image, '/bin/../bin/sh', undefined, '/')).toEqual({ moduleName: 'busybox', path: '/bin/sh' });
});

it('words misses as runc does', () => {
  expect(findExecutable(image, 'run', undefined, '/')).toEqual({ error: 'exec: "run": executable file not found in $PATH' });
  expect(findExecutable(image, '/bin/bash', undefined, '/')).toEqual({ error: 'exec: "/bin/bash": stat /bin/bash: no such file or directory' });
});
