// Bringing your own image: a WebAssembly program in the terminal's files loaded with
// `kubetab image load NAME[:TAG] FILE.wasm` goes to every node (and to a node that starts
// later), a pod naming it runs it with pull policy Never, node status lists it with the file's
// size and digest, and bad names or files are refused without loading anything.

import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Node } from '../../src/api/core';
import { wat } from '../../workers/runtime/test-support/entry-node-harness';
import { useTestCluster } from '../support/use-test-cluster';
import { createPod, logs, NODES, podEvents, podObject, waitFor, waitForPod } from '../support/pod-fixtures';
import { testShell, type TestShell } from '../support/test-shell';

const HELLO = `(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from my image\\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 20))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))`;

describe('kubetab image load', () => {
  const t = useTestCluster();
  let shell: TestShell;
  let bytes: Uint8Array;
  let digest: string;

  beforeAll(async () => {
    shell = testShell(t);
    bytes = await wat(HELLO);
    digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    shell.files.writeBinary('hello.wasm', bytes);
    shell.files.write('notes.txt', 'not a program\n');
  });

  it('loads the file onto every node, the control plane too, as kind load reports it', async () => {
    expect(await shell.run('kubetab image load hello:1.0 hello.wasm')).toBe(
      ['kubetab-control-plane', 'kubetab-worker', 'kubetab-worker2', 'kubetab-worker3'].map((node) => `Image: "hello:1.0" with ID "${digest}" not yet present on node "${node}", loading...\n`).join(''),
    );
    expect(await shell.run('kubetab image load hello:1.0 hello.wasm')).toBe(`Image: "hello:1.0" with ID "${digest}" found to be already present on all nodes.\n`);
  });

  it('runs a pod of the loaded image with pull policy Never', async () => {
    await createPod(t, podObject('mine', { nodeName: 'kubetab-worker2', restartPolicy: 'Never', containers: [{ name: 'hello', image: 'hello:1.0', imagePullPolicy: 'Never' }] }));
    await waitForPod(t, 'mine', (pod) => expect(pod.status?.phase).toBe('Succeeded'));
    expect(await logs(t, 'mine')).toBe('hello from my image\n');
    expect(await podEvents(t, 'mine')).toContain('Pulled: Container image "hello:1.0" already present on machine');
  });

  it('lists the image in node status with the size and digest of the file', async () => {
    const node = await t.client.get<Node>(NODES, undefined, 'kubetab-worker');
    expect(node.status?.images).toContainEqual({ names: [`docker.io/library/hello@${digest}`, 'docker.io/library/hello:1.0'], sizeBytes: bytes.length });
  });

  it('gives the image to a node that starts later', async () => {
    expect(await shell.run('kubetab node stop kubetab-worker3')).toContain('stopped');
    expect(await shell.run('kubetab node start kubetab-worker3')).toContain('started');
    await createPod(t, podObject('later', { nodeName: 'kubetab-worker3', restartPolicy: 'Never', containers: [{ name: 'hello', image: 'hello:1.0', imagePullPolicy: 'IfNotPresent' }] }));
    await waitForPod(t, 'later', (pod) => expect(pod.status?.phase).toBe('Succeeded'), { maxSteps: 400 });
    await waitFor(t, async () => expect(await logs(t, 'later')).toBe('hello from my image\n'));
  });

  it('refuses bad names and files, loading nothing', async () => {
    expect(await shell.run('kubetab image load Hello:1.0 hello.wasm')).toBe('kubetab: invalid image name "Hello:1.0": invalid reference format\n');
    expect(await shell.run('kubetab image load notes:1 notes.txt')).toBe('kubetab: notes.txt: not a WebAssembly module\n');
    expect(await shell.run('kubetab image load hello:2 missing.wasm')).toBe('kubetab: missing.wasm: No such file or directory\n');
    expect(await shell.run('kubetab image load hello')).toBe('Usage:\n  kubetab image load NAME[:TAG] FILE.wasm\n');
    await createPod(t, podObject('refused', { nodeName: 'kubetab-worker', containers: [{ name: 'app', image: 'notes:1', imagePullPolicy: 'Never' }] }));
    const pod = await waitForPod(t, 'refused', (p) => expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ErrImageNeverPull'));
    expect(pod.status?.phase).toBe('Pending');
  });
});
