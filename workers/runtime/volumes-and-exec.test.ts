// Filesystems shared between processes: an emptyDir seen by two containers of a pod while they
// run, configMap updates reaching a running container, read-only mounts, and exec'd processes
// seeing what the container's first process wrote.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { CollectedOutput, containerConfig, imageOf, startRuntime, toolbox, type Harness } from './test-support/entry-node-harness';
import type { ImageContent } from './runtime-api';

let harness: Harness;
let image: ImageContent;
beforeAll(async () => {
  harness = await startRuntime();
  image = await imageOf({ toolbox: await toolbox(true) }, { files: { '/etc/motd': 'from the image\n' } });
}, 60_000);
afterAll(() => harness.runtime.shutdown());

it('an emptyDir written by one container is read by another that is already running', async () => {
  const sandbox = await harness.sandbox([{ name: 'shared', files: {}, readOnly: false }]);
  const mount = [{ path: '/shared', volume: 'shared', readOnly: false }];
  const reader = new CollectedOutput();
  const readerContainer = await sandbox.startContainer(containerConfig(image, ['toolbox', 'later', '1000', '/shared/msg'], { mounts: mount }), reader.sink);
  const writer = new CollectedOutput();
  const writerContainer = await sandbox.startContainer(containerConfig(image, ['toolbox', 'write', '/shared/msg', 'hello from the writer'], { mounts: mount }), writer.sink);
  expect((await writerContainer.exited).exitCode).toBe(0);
  await harness.clock.advance(1000);
  expect((await readerContainer.exited).exitCode).toBe(0);
  expect(reader.stdout).toBe('hello from the writer');
});

it('a configMap update reaches a running container, and the volume is read-only', async () => {
  const sandbox = await harness.sandbox([{ name: 'config', files: { 'app.conf': 'version 1\n' }, readOnly: true }]);
  const mounts = [{ path: '/etc/app', volume: 'config', readOnly: true }];
  const output = new CollectedOutput();
  const container = await sandbox.startContainer(
    containerConfig(image, ['toolbox', 'cat', '/etc/app/app.conf', '--', 'write', '/etc/app/app.conf', 'changed', '--', 'later', '1000', '/etc/app/app.conf'], { mounts }),
    output.sink,
  );
  await output.waitFor('version 1');
  sandbox.updateVolume('config', { 'app.conf': 'version 2\n' });
  await harness.clock.advance(1000);
  const status = await container.exited;
  expect(output.stdout).toBe('version 1\nversion 2\n');
  expect(output.stderr).toBe('write: errno 69\n');
  expect(status.exitCode).toBe(0);
});

it('a subPath mount of a configMap key shows that one file', async () => {
  const sandbox = await harness.sandbox([{ name: 'config', files: { 'nginx.conf': 'worker_processes 1;\n', other: 'x' }, readOnly: true }]);
  const output = new CollectedOutput();
  const mounts = [{ path: '/etc/nginx/nginx.conf', volume: 'config', readOnly: true, subPath: 'nginx.conf' }];
  await (await sandbox.startContainer(containerConfig(image, ['toolbox', 'cat', '/etc/nginx/nginx.conf'], { mounts }), output.sink)).exited;
  expect(output.stdout).toBe('worker_processes 1;\n');
});

it('an exec\'d process sees files the main process wrote in the container\'s root filesystem', async () => {
  const sandbox = await harness.sandbox();
  const output = new CollectedOutput();
  const container = await sandbox.startContainer(containerConfig(image, ['toolbox', 'write', '/etc/state', 'ready', '--', 'idle']), output.sink);
  await output.waitFor('idling');
  const execOutput = new CollectedOutput();
  const exec = await container.exec({ argv: ['toolbox', 'cat', '/etc/state', '--', 'cat', '/etc/motd'], stdin: false, tty: false }, execOutput.sink);
  expect((await exec.exited).exitCode).toBe(0);
  expect(execOutput.stdout).toBe('readyfrom the image\n');
  container.signal('SIGKILL');
  await container.exited;
});

it('containers of a pod do not share their root filesystems', async () => {
  const sandbox = await harness.sandbox();
  const first = await sandbox.startContainer(containerConfig(image, ['toolbox', 'write', '/etc/mine', 'first']), new CollectedOutput().sink);
  await first.exited;
  const output = new CollectedOutput();
  await (await sandbox.startContainer(containerConfig(image, ['toolbox', 'cat', '/etc/mine']), output.sink)).exited;
  expect(output.stderr).toBe('cat: errno 44\n');
});
