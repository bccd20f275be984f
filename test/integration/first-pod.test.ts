// The walking skeleton end to end in Node: a real cluster with three worker threads as nodes,
// kubetab's kubectl, a pod that goes Pending → ContainerCreating → Running on the manual
// clock, its logs from the real nginx image, describe with events, and deletion.

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { summarizePod } from '../../src/apiserver/tables/pods';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;

describe('your first pod', () => {
  const t = useTestCluster();

  it('lists the four nodes Ready, as kind names them', async () => {
    const nodes = await eventually(t.clock, async () => {
      const result = await t.kubectl('get nodes');
      expect(result.stdout.match(/ Ready /g)).toHaveLength(4);
      return result.stdout;
    });
    const lines = nodes.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['kubetab-control-plane', 'kubetab-worker', 'kubetab-worker2', 'kubetab-worker3']);
    expect(lines[1]).toMatch(/Ready\s+control-plane\s+\d+s\s+v1\.32\.2$/);
    expect(lines[2]).toMatch(/Ready\s+<none>\s+\d+s\s+v1\.32\.2$/);
  });

  it('runs nginx through Pending and ContainerCreating to Running on a worker node', async () => {
    const seen = new Set<string>();
    const watch = await t.client.watch<Pod>(PODS, 'default', {}, (event) => {
      if (event.object.metadata?.name === 'web') seen.add(summarizePod(event.object).reason);
    });
    const created = await t.kubectl('run web --image=nginx');
    expect(created).toEqual({ stdout: 'pod/web created\n', stderr: '', code: 0 });
    const pod = await eventually(t.clock, async () => {
      const current = await t.client.get<Pod>(PODS, 'default', 'web');
      expect(current.status?.phase).toBe('Running');
      expect(current.status?.containerStatuses?.[0].ready).toBe(true);
      return current;
    });
    watch.stop();
    expect([...seen]).toEqual(expect.arrayContaining(['Pending', 'ContainerCreating', 'Running']));
    expect(pod.spec.nodeName).toMatch(/^kubetab-worker\d?$/);
    expect(pod.status?.podIP).toMatch(/^10\.244\.[1-3]\.\d+$/);
    const table = await t.kubectl('get pods -o wide');
    expect(table.stdout).toMatch(new RegExp(`^web\\s+1/1\\s+Running\\s+0\\s+\\d+s\\s+${pod.status?.podIP?.replace(/\./g, '\\.')}\\s+${pod.spec.nodeName}\\s+<none>\\s+<none>$`, 'm'));
  });

  it('prints the container output as its logs', async () => {
    const logs = await eventually(t.clock, async () => {
      const result = await t.kubectl('logs web');
      expect(result.stdout).toContain('Configuration complete; ready for start up');
      return result;
    });
    expect(logs.code).toBe(0);
  });

  it('describes the pod with the events of its start', async () => {
    const described = await t.kubectl('describe pod web');
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/^Name:\s+web$/m);
    expect(described.stdout).toMatch(/^Status:\s+Running$/m);
    for (const pattern of [/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default\/web to kubetab-worker/, /Normal\s+Pulling\s+\S+\s+kubelet\s+Pulling image "nginx"/, /Normal\s+Pulled\s+\S+\s+kubelet\s+Successfully pulled image "nginx" in/, /Normal\s+Created\s+\S+\s+kubelet\s+Created container: web/, /Normal\s+Started\s+\S+\s+kubelet\s+Started container web/]) {
      expect(described.stdout).toMatch(pattern);
    }
  });

  it('deletes the pod and it is gone', async () => {
    const deleting = t.kubectl('delete pod web');
    const result = await eventually(t.clock, async () => {
      const pods = await t.client.list(PODS, 'default');
      expect(pods.items).toHaveLength(0);
      return deleting;
    });
    expect(result).toEqual({ stdout: 'pod "web" deleted\n', stderr: '', code: 0 });
    expect((await t.kubectl('get pods')).stderr).toBe('No resources found in default namespace.\n');
  });
});
