// The node chaos commands as a learner types them in kubetab's shell, against real worker
// nodes on the manual clock: the node list, restarting a kubelet (its containers run on and
// are adopted again, as a real kubelet restart leaves containerd's containers alone), stopping
// and starting a node, and refusing a node that is not there.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../src/api/core';
import { useTestCluster } from '../support/use-test-cluster';
import { createPod, NODES, podObject, waitFor, waitForPod, waitForRunning } from '../support/pod-fixtures';
import { testShell, type TestShell } from '../support/test-shell';

const NODE = 'kubetab-worker3';

function readyStatus(node: Node): string | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

describe('node chaos from the shell', () => {
  const t = useTestCluster({ pullDelayScale: 0 });
  let shell: TestShell;

  beforeAll(async () => {
    shell = testShell(t);
  });

  const waitForNode = (check: (node: Node) => void) =>
    waitFor(t, async () => {
      const node = await t.client.get<Node>(NODES, undefined, NODE);
      check(node);
      return node;
    });

  it('lists the worker nodes and their state', async () => {
    expect(await shell.run('kubetab node list')).toBe('kubetab-worker\trunning\nkubetab-worker2\trunning\nkubetab-worker3\trunning\n');
  });

  it('restarts a kubelet without touching its containers, and the node keeps running pods', async () => {
    await createPod(t, podObject('keeper', { nodeName: NODE, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    const before = await waitForRunning(t, 'keeper');
    expect(await shell.run(`kubetab node restart-kubelet ${NODE}`)).toBe(`kubelet on ${NODE} restarted\n`);
    await createPod(t, podObject('newcomer', { nodeName: NODE, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    await waitForRunning(t, 'newcomer');
    const after = await waitForPod(t, 'keeper', (pod: Pod) => expect(pod.status?.phase).toBe('Running'));
    expect(after.status?.containerStatuses?.[0]).toMatchObject({ restartCount: 0, containerID: before.status?.containerStatuses?.[0].containerID });
    expect(readyStatus(await t.client.get<Node>(NODES, undefined, NODE))).toBe('True');
  });

  it('stops a node, which goes NotReady, and starts it again, which comes back Ready', async () => {
    expect(await shell.run(`kubetab node stop ${NODE}`)).toBe(`node ${NODE} stopped: its kubelet and containers are gone; watch it become NotReady\n`);
    expect(await shell.run('kubetab node list')).toContain(`${NODE}\tstopped\n`);
    const notReady = await waitForNode((node) => expect(readyStatus(node)).toBe('Unknown'));
    expect(notReady.spec?.taints?.map((taint) => `${taint.key}:${taint.effect}`)).toContain('node.kubernetes.io/unreachable:NoSchedule');
    expect(await shell.run(`kubetab node start ${NODE}`)).toBe(`node ${NODE} started\n`);
    await waitForNode((node) => expect(readyStatus(node)).toBe('True'));
    expect(await shell.run('kubetab node list')).toContain(`${NODE}\trunning\n`);
  });

  it('refuses a node that is not a worker of the cluster, changing nothing', async () => {
    const said = await shell.run('kubetab node stop kubetab-control-plane');
    expect(said).toBe('kubetab: node "kubetab-control-plane" is not a worker node of this cluster (nodes: kubetab-worker, kubetab-worker2, kubetab-worker3)\n');
    expect(await shell.run('kubetab node list')).toBe('kubetab-worker\trunning\nkubetab-worker2\trunning\nkubetab-worker3\trunning\n');
  });
});
