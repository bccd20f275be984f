// The scheduler on hollow nodes: ties between equally good nodes broken at random, upstream's
// exact FailedScheduling message and PodScheduled condition, unschedulable pods retried when the cluster changes (a node labelled, a node
// added), hard topology spread keeping the skew within maxSkew, and required pod
// anti-affinity keeping replicas on different nodes.

import { describe, expect, it } from 'vitest';
import type { CoreEvent, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const NODES = findResource('', 'v1', 'nodes')!;
const EVENTS = findResource('', 'v1', 'events')!;

function pod(name: string, spec: Partial<Pod['spec']> = {}, labels: Record<string, string> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...spec } };
}

describe('scheduler', () => {
  const t = useTestCluster({ workers: 0, hollowNodes: 3 });

  const nodeOf = async (name: string) => (await t.client.get<Pod>(PODS, 'default', name)).spec.nodeName;

  it('breaks a tie between equally good nodes at random, not always for the same node', async () => {
    const chosen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await t.client.create(PODS, 'default', pod(`tie-${i}`, { nodeSelector: { 'kubetab.dev/hollow': 'true' } }));
      chosen.add(await eventually(t.clock, async () => (await nodeOf(`tie-${i}`)) || Promise.reject(new Error('not scheduled yet'))));
      await t.client.delete(PODS, 'default', `tie-${i}`, { gracePeriodSeconds: 0 });
      await eventually(t.clock, async () => expect((await t.client.list<Pod>(PODS, 'default')).items.map((p) => p.metadata.name)).not.toContain(`tie-${i}`));
    }
    expect(chosen.size).toBeGreaterThan(1);
  });

  it('explains an unschedulable pod with upstream FailedScheduling message', async () => {
    await t.client.create(PODS, 'default', pod('big', { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '5' } } }] }));
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    const condition = await eventually(t.clock, async () => {
      const current = await t.client.get<Pod>(PODS, 'default', 'big');
      const scheduled = current.status?.conditions?.find((c) => c.type === 'PodScheduled');
      expect(scheduled?.status).toBe('False');
      return scheduled;
    });
    expect([condition?.reason, condition?.message]).toEqual(['Unschedulable', message]);
    const events = (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.name === 'big');
    expect(events.map((e) => [e.type, e.reason, e.message, e.reportingComponent])).toEqual([['Warning', 'FailedScheduling', message, 'default-scheduler']]);
    const described = await t.kubectl('describe pod big');
    expect(described.stdout).toContain(`Warning  FailedScheduling`);
  });

  it('retries a pod with a node selector once a node gets the label', async () => {
    await t.client.create(PODS, 'default', pod('picky', { nodeSelector: { disk: 'ssd' } }));
    await eventually(t.clock, async () => expect((await t.client.get<Pod>(PODS, 'default', 'picky')).status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('False'));
    await t.client.patch(NODES, undefined, 'kubetab-hollow-2', { metadata: { labels: { disk: 'ssd' } } });
    await eventually(t.clock, async () => expect(await nodeOf('picky')).toBe('kubetab-hollow-2'));
  });

  it('keeps required anti-affinity replicas apart and schedules the last one when a node is added', async () => {
    const antiAffinity = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'solo' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    for (let i = 0; i < 4; i++) await t.client.create(PODS, 'default', pod(`solo-${i}`, { affinity: antiAffinity }, { app: 'solo' }));
    const placed = await eventually(t.clock, async () => {
      const nodes = await Promise.all([0, 1, 2, 3].map((i) => nodeOf(`solo-${i}`)));
      expect(nodes.filter(Boolean)).toHaveLength(3);
      return nodes;
    });
    expect(new Set(placed.filter(Boolean)).size).toBe(3);
    const pending = `solo-${placed.findIndex((n) => !n)}`;
    const waiting = await eventually(t.clock, async () => {
      const scheduled = (await t.client.get<Pod>(PODS, 'default', pending)).status?.conditions?.find((c) => c.type === 'PodScheduled');
      expect(scheduled?.status).toBe('False');
      return scheduled;
    });
    expect(waiting?.message).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match pod anti-affinity rules. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.",
    );
    const [added] = await t.cluster.addHollowNodes(1);
    await eventually(t.clock, async () => expect(await nodeOf(pending)).toBe(added));
  });

  it('spreads pods with a hard topology spread constraint within maxSkew over the nodes their selector allows', async () => {
    const spread = [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'spread' } } }];
    for (let i = 0; i < 8; i++) await t.client.create(PODS, 'default', pod(`spread-${i}`, { topologySpreadConstraints: spread, nodeSelector: { 'kubetab.dev/hollow': 'true' } }, { app: 'spread' }));
    const nodes = await eventually(t.clock, async () => {
      const all = await Promise.all(Array.from({ length: 8 }, (_, i) => nodeOf(`spread-${i}`)));
      expect(all.every(Boolean)).toBe(true);
      return all;
    });
    const counts = new Map<string, number>();
    for (const n of nodes) counts.set(n ?? '', (counts.get(n ?? '') ?? 0) + 1);
    expect([...counts.values()].sort()).toEqual([2, 2, 2, 2]);
  });
});
