// Workloads on the control-plane node, which has a kubelet like every kind node: a pod that
// names the node runs there, in the node's pod range; once its NoSchedule taint is removed, the
// scheduler places pods there too; its kubelet leaves the static pods' mirror pods alone but
// counts what they request when it admits a pod.

import { describe, expect, it } from 'vitest';
import type { CoreEvent, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { eventually, type TestCluster } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const EVENTS = findResource('', 'v1', 'events')!;
const NODE = 'kubetab-control-plane';

function pod(name: string, spec: Partial<Pod['spec']>, requests?: Record<string, string>): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'web', image: 'nginx', ...(requests ? { resources: { requests } } : {}) }], ...spec },
  };
}

async function running(t: TestCluster, name: string): Promise<Pod> {
  return eventually(t.clock, async () => {
    const current = await t.client.get<Pod>(PODS, 'default', name);
    if (current.status?.phase !== 'Running') throw new Error(`${name} is ${current.status?.phase}`);
    return current;
  });
}

describe('workloads on the control-plane node', () => {
  const t = useTestCluster({ workers: 0 });

  it('runs a pod that names the node, in the node pod range, with logs', async () => {
    await t.client.create(PODS, 'default', pod('named', { nodeName: NODE }));
    const named = await running(t, 'named');
    expect(named.status).toMatchObject({ hostIP: '172.18.0.2', podIP: expect.stringMatching(/^10\.244\.0\.\d+$/) });
    const logs = await t.kubectl('logs named');
    expect(logs.stdout).toContain('/docker-entrypoint.sh');
    const staticLogs = await t.kubectl('logs -n kube-system etcd-kubetab-control-plane');
    expect(staticLogs.stdout).toContain('kvstore restored');
  });

  it('leaves the mirror pods to the static pods: no kubelet events, status as published', async () => {
    const mirrors = (await t.client.list<Pod>(PODS, 'kube-system', { fieldSelector: `spec.nodeName=${NODE}` })).items;
    expect(mirrors).toHaveLength(4);
    for (const mirror of mirrors) expect(mirror.status).toMatchObject({ phase: 'Running', podIP: '172.18.0.2' });
    const events = (await t.client.list<CoreEvent>(EVENTS, 'kube-system')).items;
    expect(events.filter((e) => e.involvedObject.kind === 'Pod' && e.source?.component === 'kubelet')).toEqual([]);
  });

  it('admits a pod by what is left after the static pods requests', async () => {
    await t.client.create(PODS, 'default', pod('too-big', { nodeName: NODE }, { cpu: '3500m' }));
    const refused = await eventually(t.clock, async () => {
      const current = await t.client.get<Pod>(PODS, 'default', 'too-big');
      if (current.status?.phase !== 'Failed') throw new Error(`too-big is ${current.status?.phase}`);
      return current;
    });
    expect(refused.status).toMatchObject({ reason: 'OutOfcpu', message: 'Pod was rejected: Node didn\'t have enough resource: cpu, requested: 3500, used: 650, capacity: 4000' });
  });

  it('schedules pods there once the control-plane taint is removed', async () => {
    const selector = { 'kubernetes.io/hostname': NODE };
    await t.client.create(PODS, 'default', pod('selected', { nodeSelector: selector }));
    const pending = await eventually(t.clock, async () => {
      const current = await t.client.get<Pod>(PODS, 'default', 'selected');
      const scheduled = current.status?.conditions?.find((c) => c.type === 'PodScheduled');
      if (scheduled?.reason !== 'Unschedulable') throw new Error('not yet refused');
      return scheduled;
    });
    expect(pending.message).toContain("1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }");
    const untainted = await t.kubectl(`taint nodes ${NODE} node-role.kubernetes.io/control-plane:NoSchedule-`);
    expect(untainted).toEqual({ stdout: `node/${NODE} untainted\n`, stderr: "", code: 0 });
    const selected = await running(t, 'selected');
    expect(selected.spec.nodeName).toBe(NODE);
  });
});
