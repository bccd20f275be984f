// The garbage collector and the namespace controller on hollow nodes: background cascading
// deletion of a Deployment's ReplicaSet and pods, orphaning, foreground deletion holding the
// owner until its dependents are gone, and a namespace deleted with its content.

import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../src/api/apps';
import type { Namespace, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { isNotFound } from '../../src/client/client';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const NAMESPACES = findResource('', 'v1', 'namespaces')!;
const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;
const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;

function deployment(name: string, namespace = 'default'): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
  };
}

describe('garbage collector and namespace controller', () => {
  const t = useTestCluster({ workers: 0, hollowNodes: 2 });

  const running = async (app: string, namespace = 'default') => {
    await t.client.create(DEPLOYMENTS, namespace, deployment(app, namespace));
    return eventually(t.clock, async () => {
      const pods = (await t.client.list<Pod>(PODS, namespace, { labelSelector: `app=${app}` })).items;
      expect(pods.filter((p) => p.status?.phase === 'Running')).toHaveLength(2);
      return pods;
    });
  };
  const gone = async (read: () => Promise<unknown>) => {
    try {
      await read();
      return false;
    } catch (error) {
      if (isNotFound(error)) return true;
      throw error;
    }
  };

  it('deletes the ReplicaSet and pods of a deleted Deployment (background)', async () => {
    await running('bg');
    await t.client.delete(DEPLOYMENTS, 'default', 'bg');
    await eventually(t.clock, async () => {
      expect((await t.client.list(REPLICA_SETS, 'default', { labelSelector: 'app=bg' })).items).toHaveLength(0);
      expect((await t.client.list(PODS, 'default', { labelSelector: 'app=bg' })).items).toHaveLength(0);
    });
  });

  it('orphans the pods of a ReplicaSet deleted with propagationPolicy Orphan', async () => {
    const pods = await running('orphan');
    const rsName = pods[0].metadata.ownerReferences?.[0].name ?? '';
    await t.client.delete(DEPLOYMENTS, 'default', 'orphan', { propagationPolicy: 'Orphan' });
    await eventually(t.clock, async () => {
      const rs = await t.client.get<ReplicaSet>(REPLICA_SETS, 'default', rsName);
      expect(rs.metadata.ownerReferences).toBeUndefined();
      expect(await gone(() => t.client.get(DEPLOYMENTS, 'default', 'orphan'))).toBe(true);
    });
    await t.client.delete(REPLICA_SETS, 'default', rsName, { propagationPolicy: 'Orphan' });
    await eventually(t.clock, async () => {
      expect(await gone(() => t.client.get(REPLICA_SETS, 'default', rsName))).toBe(true);
      const left = (await t.client.list<Pod>(PODS, 'default', { labelSelector: 'app=orphan' })).items;
      expect(left).toHaveLength(2);
      expect(left.every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
    });
  });

  it('holds a Deployment deleted in the foreground until its dependents are gone', async () => {
    await running('fg');
    await t.client.delete(DEPLOYMENTS, 'default', 'fg', { propagationPolicy: 'Foreground' });
    const held = await t.client.get<Deployment>(DEPLOYMENTS, 'default', 'fg');
    expect(held.metadata.deletionTimestamp).toBeDefined();
    expect(held.metadata.finalizers).toContain('foregroundDeletion');
    await eventually(t.clock, async () => {
      expect(await gone(() => t.client.get(DEPLOYMENTS, 'default', 'fg'))).toBe(true);
      expect((await t.client.list(REPLICA_SETS, 'default', { labelSelector: 'app=fg' })).items).toHaveLength(0);
      expect((await t.client.list(PODS, 'default', { labelSelector: 'app=fg' })).items).toHaveLength(0);
    });
  });

  it('deletes a namespace with everything in it, reporting what remains meanwhile', async () => {
    await t.client.create(NAMESPACES, undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    await eventually(t.clock, async () => expect((await t.client.list(findResource('', 'v1', 'serviceaccounts')!, 'team')).items).toHaveLength(1));
    await running('app', 'team');
    const stuck = await t.client.create<Pod>(PODS, 'team', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'held', finalizers: ['example.com/hold'] }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
    await t.client.delete(NAMESPACES, undefined, 'team');
    const terminating = await eventually(t.clock, async () => {
      const ns = await t.client.get<Namespace>(NAMESPACES, undefined, 'team');
      expect(ns.status?.phase).toBe('Terminating');
      const remaining = ns.status?.conditions?.find((c) => c.type === 'NamespaceContentRemaining');
      expect(remaining?.status).toBe('True');
      expect(ns.status?.conditions?.find((c) => c.type === 'NamespaceFinalizersRemaining')?.message).toBe('Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances');
      return ns;
    });
    expect(terminating.status?.conditions?.map((c) => c.type)).toEqual([
      'NamespaceDeletionDiscoveryFailure',
      'NamespaceDeletionGroupVersionParsingFailure',
      'NamespaceDeletionContentFailure',
      'NamespaceContentRemaining',
      'NamespaceFinalizersRemaining',
    ]);
    await t.client.patch(PODS, 'team', stuck.metadata.name ?? '', { metadata: { finalizers: null } });
    await eventually(t.clock, async () => expect(await gone(() => t.client.get(NAMESPACES, undefined, 'team'))).toBe(true));
  });
});
