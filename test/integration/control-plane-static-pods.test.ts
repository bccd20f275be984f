// The control-plane node's static pods as kind shows them: four mirror pods Running in
// kube-system, recreated when deleted, counted in the node's allocated resources, with logs,
// exec refused as containerd refuses it, and the kube-dns Service that cluster DNS answers for.
// A reload (the same persisted store) keeps exactly one of each.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { FilePersistence } from '../../src/cli/file-persistence';
import { ClusterClock } from '../../src/cluster/clock';
import { eventually, startTestCluster, type TestCluster } from '../support/node-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const NODE = 'kubetab-control-plane';
const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

async function mirrorPods(t: TestCluster): Promise<Pod[]> {
  return (await t.client.list<Pod>(PODS, 'kube-system', { fieldSelector: `spec.nodeName=${NODE}` })).items;
}

describe('control-plane static pods', () => {
  let t: TestCluster;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubetab-static-pods-'));
    t = await startTestCluster({ workers: 0, hollowNodes: 1, persistence: new FilePersistence(join(dir, 'state.json')) });
  });

  afterAll(async () => {
    await t?.shutdown();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes the four mirror pods Running on the control-plane node', async () => {
    const pods = await mirrorPods(t);
    expect(pods.map((p) => p.metadata.name)).toEqual(COMPONENTS.map((c) => `${c}-${NODE}`));
    for (const pod of pods) {
      expect(pod.metadata.labels).toEqual({ component: pod.spec.containers[0].name, tier: 'control-plane' });
      expect(pod.metadata.annotations?.['kubernetes.io/config.source']).toBe('file');
      expect(pod.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(pod.metadata.annotations?.['kubernetes.io/config.hash']);
      expect(pod.metadata.ownerReferences).toEqual([expect.objectContaining({ apiVersion: 'v1', kind: 'Node', name: NODE, controller: true })]);
      expect(pod.spec).toMatchObject({ hostNetwork: true, priority: 2000001000, priorityClassName: 'system-node-critical', tolerations: [{ operator: 'Exists', effect: 'NoExecute' }] });
      expect(pod.spec.serviceAccountName).toBeUndefined();
      expect(pod.status).toMatchObject({ phase: 'Running', podIP: '172.18.0.2', hostIP: '172.18.0.2', qosClass: 'Burstable' });
      expect(pod.status?.containerStatuses?.[0]).toMatchObject({ ready: true, started: true, restartCount: 0 });
    }
    const wide = await t.kubectl('get pods -n kube-system -o wide');
    expect(wide.stdout).toMatch(/^etcd-kubetab-control-plane\s+1\/1\s+Running\s+0\s+\S+\s+172\.18\.0\.2\s+kubetab-control-plane\s+<none>\s+<none>$/m);
    expect(wide.stdout).toMatch(/^kube-apiserver-kubetab-control-plane\s+1\/1\s+Running/m);
  });

  it('recreates a deleted mirror pod', async () => {
    const before = await t.client.get<Pod>(PODS, 'kube-system', `etcd-${NODE}`);
    expect((await t.kubectl('delete pod -n kube-system etcd-kubetab-control-plane')).code).toBe(0);
    const after = await eventually(t.clock, async () => {
      const pod = await t.client.get<Pod>(PODS, 'kube-system', `etcd-${NODE}`);
      expect(pod.metadata.uid).not.toBe(before.metadata.uid);
      expect(pod.status?.phase).toBe('Running');
      return pod;
    });
    expect(after.spec.containers[0].image).toBe('registry.k8s.io/etcd:3.5.16-0');
    expect(await mirrorPods(t)).toHaveLength(4);
  });

  it('counts their requests on the node', async () => {
    const out = (await t.kubectl(`describe node ${NODE}`)).stdout;
    expect(out).toContain('Non-terminated Pods:          (4 in total)');
    expect(out).toMatch(/kube-system\s+kube-apiserver-kubetab-control-plane\s+250m \(6%\)\s+0 \(0%\)\s+0 \(0%\)\s+0 \(0%\)/);
    expect(out).toMatch(/kube-system\s+etcd-kubetab-control-plane\s+100m \(2%\)\s+0 \(0%\)\s+100Mi \(1%\)/);
    expect(out).toMatch(/cpu\s+650m \(16%\)\s+0 \(0%\)/);
  });

  it('serves their logs, with the scheduler binding decisions', async () => {
    const apiserver = await t.kubectl('logs -n kube-system kube-apiserver-kubetab-control-plane');
    expect(apiserver.code).toBe(0);
    expect(apiserver.stdout).toMatch(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} {7}1 options\.go:\d+\] external host was not specified, using 172\.18\.0\.2$/m);
    expect(JSON.parse((await t.kubectl('logs -n kube-system etcd-kubetab-control-plane')).stdout)).toMatchObject({ level: 'info', msg: 'kvstore restored' });
    await t.kubectl('run web --image=nginx:1.27');
    const scheduler = await eventually(t.clock, async () => {
      const out = (await t.kubectl('logs -n kube-system kube-scheduler-kubetab-control-plane')).stdout;
      expect(out).toMatch(/"Successfully bound pod to node" pod="default\/web" node="[^"]+"/);
      return out;
    });
    expect(scheduler).toContain('"Starting Kubernetes Scheduler" version="v1.32.2"');
    expect((await t.kubectl('logs -n kube-system kube-scheduler-kubetab-control-plane --tail=1')).stdout.split('\n')).toHaveLength(2);
  });

  it('refuses exec as containerd does for an image without a shell', async () => {
    const result = await t.kubectl('exec -n kube-system etcd-kubetab-control-plane -- sh');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown\n$/,
    );
  });

  it('has the kube-dns Service that cluster DNS answers for', async () => {
    const svc = await t.kubectl('get svc -n kube-system kube-dns');
    expect(svc.stdout).toMatch(/^kube-dns\s+ClusterIP\s+10\.96\.0\.10\s+<none>\s+53\/UDP,53\/TCP,9153\/TCP\s+/m);
    expect((await t.kubectl('cluster-info')).stdout).toContain('CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n');
    await eventually(t.clock, async () => expect(t.cluster.network.resolve('kube-dns.kube-system', 'default')).toEqual(['10.96.0.10']));
  });

  it('keeps one of each across a reload of the store', async () => {
    const names = (await mirrorPods(t)).map((p) => p.metadata.name);
    const persistence = new FilePersistence(join(dir, 'state.json'));
    await t.shutdown();
    t = await startTestCluster({ workers: 0, persistence, clock: ClusterClock.manual(t.clock.now()) });
    const pods = await mirrorPods(t);
    expect(pods.map((p) => p.metadata.name)).toEqual(names);
    expect(pods.every((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)).toBe(true);
    expect((await t.kubectl('get svc -n kube-system -o name')).stdout).toBe('service/kube-dns\n');
  });
});
