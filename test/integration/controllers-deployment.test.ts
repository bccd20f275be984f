// Deployments on hollow nodes, driven by the manual clock: ReplicaSet naming and ownership,
// revision annotations, scaling with upstream's ScalingReplicaSet events, a rolling update of
// ten replicas that never drops below eight available, rollback through a revived revision,
// Recreate, pause and resume, revision history cleanup, and the progress deadline.

import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../src/api/apps';
import type { CoreEvent, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const EVENTS = findResource('', 'v1', 'events')!;
const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;
const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;

function deployment(name: string, replicas: number, image: string, extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image }] } }, ...extra },
  };
}

describe('deployment controller', () => {
  const t = useTestCluster({ workers: 0, hollowNodes: 4 });

  const get = (name: string) => t.client.get<Deployment>(DEPLOYMENTS, 'default', name);
  const replicaSets = async (app: string) => (await t.client.list<ReplicaSet>(REPLICA_SETS, 'default', { labelSelector: `app=${app}` })).items;
  const pods = async (app: string) => (await t.client.list<Pod>(PODS, 'default', { labelSelector: `app=${app}` })).items;
  const messages = async (kind: string, name: string) =>
    (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name).map((e) => `${e.source?.component}: ${e.reason} ${e.message}`);
  const ready = (app: string, replicas: number) =>
    eventually(t.clock, async () => {
      const d = await get(app);
      expect(d.status?.readyReplicas).toBe(replicas);
      expect(d.status?.updatedReplicas).toBe(replicas);
      expect(d.status?.replicas).toBe(replicas);
      return d;
    });
  const setImage = async (name: string, image: string) => {
    const d = await get(name);
    await t.client.update(DEPLOYMENTS, { ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { ...d.spec.template.spec, containers: [{ name: 'web', image }] } } } });
  };

  it('creates a ReplicaSet named after the template hash, owning pods named after it', async () => {
    await t.client.create(DEPLOYMENTS, 'default', deployment('web', 3, 'nginx:1.27'));
    const d = await ready('web', 3);
    const [rs] = await replicaSets('web');
    const hash = rs.metadata.labels?.['pod-template-hash'] ?? '';
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const owned = await pods('web');
    expect(owned).toHaveLength(3);
    for (const pod of owned) {
      expect(pod.metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: rs.metadata.name, controller: true, blockOwnerDeletion: true });
    }
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ]);
    expect(await messages('Deployment', 'web')).toEqual([`deployment-controller: ScalingReplicaSet Scaled up replica set web-${hash} to 3`]);
    expect((await messages('ReplicaSet', `web-${hash}`)).sort()).toEqual(owned.map((p) => `replicaset-controller: SuccessfulCreate Created pod: ${p.metadata.name}`).sort());
    const table = await t.kubectl('get deployments');
    expect(table.stdout).toMatch(/^web\s+3\/3\s+3\s+3\s+\d+s$/m);
  });

  it('scales up and down with ScalingReplicaSet events naming the old size', async () => {
    const rsName = (await replicaSets('web'))[0].metadata.name;
    await t.client.patch(DEPLOYMENTS, 'default', 'web', { spec: { replicas: 5 } });
    await ready('web', 5);
    await t.client.patch(DEPLOYMENTS, 'default', 'web', { spec: { replicas: 2 } });
    await ready('web', 2);
    await eventually(t.clock, async () => expect(await pods('web')).toHaveLength(2));
    const events = await messages('Deployment', 'web');
    expect(events).toContain(`deployment-controller: ScalingReplicaSet Scaled up replica set ${rsName} to 5 from 3`);
    expect(events).toContain(`deployment-controller: ScalingReplicaSet Scaled down replica set ${rsName} to 2 from 5`);
    expect((await messages('ReplicaSet', rsName ?? '')).filter((m) => m.includes('SuccessfulDelete'))).toHaveLength(3);
  });

  it('rolls ten replicas to a new image with never fewer than eight available nor more than thirteen', async () => {
    await t.client.create(DEPLOYMENTS, 'default', deployment('roll', 10, 'nginx:1.27'));
    await ready('roll', 10);
    let fewest = Infinity;
    let most = 0;
    const live = new Map<string, Pod>();
    for (const pod of await pods('roll')) live.set(pod.metadata.name ?? '', pod);
    const watch = await t.client.watch<Pod>(PODS, 'default', { labelSelector: 'app=roll' }, (event) => {
      if (event.type === 'DELETED') live.delete(event.object.metadata.name ?? '');
      else live.set(event.object.metadata.name ?? '', event.object);
      const available = [...live.values()].filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
      fewest = Math.min(fewest, available);
      most = Math.max(most, [...live.values()].filter((p) => !p.metadata.deletionTimestamp).length);
    });
    await setImage('roll', 'nginx:1.28');
    await eventually(t.clock, async () => {
      const d = await get('roll');
      expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
      expect(d.status?.updatedReplicas).toBe(10);
      expect(d.status?.availableReplicas).toBe(10);
      expect(d.status?.replicas).toBe(10);
    });
    watch.stop();
    expect(fewest).toBeGreaterThanOrEqual(8);
    expect(most).toBeLessThanOrEqual(13);
    const sets = await replicaSets('roll');
    expect(sets.map((rs) => [rs.metadata.annotations?.['deployment.kubernetes.io/revision'], rs.spec.replicas]).sort()).toEqual([
      ['1', 0],
      ['2', 10],
    ]);
    await eventually(t.clock, async () => expect(new Set((await pods('roll')).map((p) => p.spec.containers[0].image))).toEqual(new Set(['nginx:1.28'])));
  });

  it('rolls back by reviving the old ReplicaSet with the next revision', async () => {
    const before = await replicaSets('roll');
    const first = before.find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '1');
    await setImage('roll', 'nginx:1.27');
    await eventually(t.clock, async () => {
      const revived = (await replicaSets('roll')).find((rs) => rs.metadata.name === first?.metadata.name);
      expect(revived?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
      expect(revived?.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
      expect(revived?.status?.availableReplicas).toBe(10);
    });
    expect((await replicaSets('roll')).length).toBe(2);
    expect((await get('roll')).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
  });

  it('keeps only revisionHistoryLimit old ReplicaSets', async () => {
    await t.client.patch(DEPLOYMENTS, 'default', 'roll', { spec: { revisionHistoryLimit: 1 } });
    await setImage('roll', 'nginx:1.29');
    await eventually(t.clock, async () => {
      const sets = await replicaSets('roll');
      expect(sets.map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4']);
    });
  });

  it('recreates: no new pod exists while an old one is left', async () => {
    await t.client.create(DEPLOYMENTS, 'default', deployment('batch', 3, 'busybox:1.36', { strategy: { type: 'Recreate' } }));
    await ready('batch', 3);
    const oldHash = (await replicaSets('batch'))[0].metadata.labels?.['pod-template-hash'];
    let overlap = false;
    const live = new Set<string>();
    const watch = await t.client.watch<Pod>(PODS, 'default', { labelSelector: 'app=batch' }, (event) => {
      const name = event.object.metadata.name ?? '';
      if (event.type === 'DELETED') live.delete(name);
      else live.add(name);
      const names = [...live];
      if (names.some((n) => !n.includes(`-${oldHash}-`)) && names.some((n) => n.includes(`-${oldHash}-`))) overlap = true;
    });
    await setImage('batch', 'busybox:1.37');
    await eventually(t.clock, async () => {
      const d = await get('batch');
      expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
      expect(d.status?.updatedReplicas).toBe(3);
      expect(d.status?.availableReplicas).toBe(3);
    });
    watch.stop();
    expect(overlap).toBe(false);
  });

  it('does not roll out while paused, and says so in Progressing', async () => {
    await t.client.patch(DEPLOYMENTS, 'default', 'batch', { spec: { paused: true } });
    await setImage('batch', 'busybox:1.38');
    await eventually(t.clock, async () => {
      const progressing = (await get('batch')).status?.conditions?.find((c) => c.type === 'Progressing');
      expect([progressing?.status, progressing?.reason, progressing?.message]).toEqual(['Unknown', 'DeploymentPaused', 'Deployment is paused']);
    });
    await t.clock.advance(5000);
    expect((await replicaSets('batch')).length).toBe(2);
    await t.client.patch(DEPLOYMENTS, 'default', 'batch', { spec: { paused: false } });
    await eventually(t.clock, async () => {
      const d = await get('batch');
      expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
      expect(d.status?.updatedReplicas).toBe(3);
    });
  });

  it('reports ProgressDeadlineExceeded when the new pods never become available', async () => {
    await t.client.create(DEPLOYMENTS, 'default', deployment('stuck', 2, 'nginx:1.27', { progressDeadlineSeconds: 30 }));
    await ready('stuck', 2);
    const d = await get('stuck');
    await t.client.update(DEPLOYMENTS, { ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { ...d.spec.template.spec, nodeSelector: { disk: 'none-has-this' } } } } });
    await eventually(
      t.clock,
      async () => {
        const progressing = (await get('stuck')).status?.conditions?.find((c) => c.type === 'Progressing');
        const newRS = (await replicaSets('stuck')).find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2');
        expect([progressing?.status, progressing?.reason, progressing?.message]).toEqual(['False', 'ProgressDeadlineExceeded', `ReplicaSet "${newRS?.metadata.name}" has timed out progressing.`]);
      },
      { stepMs: 2000, maxSteps: 60 },
    );
    const status = (await get('stuck')).status;
    expect(status?.availableReplicas).toBe(2);
    expect(status?.unavailableReplicas).toBe(1);
  });
});
