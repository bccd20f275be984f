// The ReplicaSet controller on hollow nodes: self-healing after a pod is deleted, adoption of
// matching orphans and release of pods relabelled away, the scale-down order (an unscheduled
// pod goes first), and status with minReadySeconds holding availableReplicas back.

import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../src/api/apps';
import type { CoreEvent, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const EVENTS = findResource('', 'v1', 'events')!;
const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;

function replicaSet(name: string, replicas: number, minReadySeconds = 0): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, minReadySeconds, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name, tier: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  };
}

describe('replicaset controller', () => {
  const t = useTestCluster({ workers: 0, hollowNodes: 3 });

  const pods = async (app: string) => (await t.client.list<Pod>(PODS, 'default', { labelSelector: `app=${app}` })).items.filter((p) => !p.metadata.deletionTimestamp);
  const rs = (name: string) => t.client.get<ReplicaSet>(REPLICA_SETS, 'default', name);

  it('replaces a deleted pod and records SuccessfulCreate and the status counts', async () => {
    await t.client.create(REPLICA_SETS, 'default', replicaSet('heal', 3));
    await eventually(t.clock, async () => expect((await rs('heal')).status?.readyReplicas).toBe(3));
    const [victim] = await pods('heal');
    await t.client.delete(PODS, 'default', victim.metadata.name ?? '');
    const after = await eventually(t.clock, async () => {
      const current = await pods('heal');
      expect(current).toHaveLength(3);
      expect(current.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
      expect((await rs('heal')).status?.readyReplicas).toBe(3);
      return current;
    });
    const created = (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.name === 'heal' && e.reason === 'SuccessfulCreate');
    expect(created).toHaveLength(4);
    expect(created.every((e) => e.source?.component === 'replicaset-controller' && /^Created pod: heal-[a-z0-9]{5}$/.test(e.message ?? ''))).toBe(true);
    expect(after.every((p) => p.metadata.generateName === 'heal-')).toBe(true);
    await eventually(t.clock, async () =>
      expect((await rs('heal')).status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 }),
    );
  });

  it('adopts a matching orphan (deleting a surplus pod) and releases a relabelled pod', async () => {
    await t.client.create(PODS, 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', labels: { app: 'heal' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], nodeSelector: { nowhere: 'true' } } });
    await eventually(t.clock, async () => {
      expect((await pods('heal')).map((p) => p.metadata.name)).not.toContain('stray');
      expect(await pods('heal')).toHaveLength(3);
    });
    const deleted = (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.name === 'heal' && e.reason === 'SuccessfulDelete');
    expect(deleted.map((e) => e.message)).toEqual(['Deleted pod: stray']);
    const [keep] = await pods('heal');
    await t.client.patch(PODS, 'default', keep.metadata.name ?? '', { metadata: { labels: { app: 'gone' } } });
    await eventually(t.clock, async () => {
      const released = await t.client.get<Pod>(PODS, 'default', keep.metadata.name ?? '');
      expect(released.metadata.ownerReferences).toBeUndefined();
      expect(await pods('heal')).toHaveLength(3);
    });
  });

  it('counts pods available only after minReadySeconds', async () => {
    await t.client.create(REPLICA_SETS, 'default', replicaSet('slow', 2, 20));
    await eventually(t.clock, async () => expect((await rs('slow')).status?.readyReplicas).toBe(2));
    expect((await rs('slow')).status?.availableReplicas).toBeUndefined();
    await eventually(t.clock, async () => expect((await rs('slow')).status?.availableReplicas).toBe(2), { stepMs: 2000, maxSteps: 20 });
  });
});
