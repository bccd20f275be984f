// Node failures with real worker nodes on the manual clock: a stopped node is NotReady after
// the 50 s grace period and, 300 s later (or after a pod's own tolerationSeconds; never for a
// pod that tolerates the taint without a limit), the taint eviction controller evicts its pods
// and the Deployment's replacements run elsewhere; a partitioned node goes NotReady while its
// containers keep running, and is Ready again soon after it is healed.

import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../src/api/apps';
import type { CoreEvent, Node, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const NODES = findResource('', 'v1', 'nodes')!;
const EVENTS = findResource('', 'v1', 'events')!;
const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;

describe('node failures', () => {
  const t = useTestCluster({ pullDelayScale: 0 });

  /** Moves the clock on a second at a time, letting the worker nodes follow each step. */
  const pass = async (ms: number) => {
    for (let done = 0; done < ms; done += 1000) {
      await t.clock.advance(1000);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  const readyOf = async (name: string) => (await t.client.get<Node>(NODES, undefined, name)).status?.conditions?.find((c) => c.type === 'Ready');
  const running = (app: string, count: number) =>
    eventually(
      t.clock,
      async () => {
        const pods = (await t.client.list<Pod>(PODS, 'default', { labelSelector: `app=${app}` })).items.filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
        expect(pods).toHaveLength(count);
        return pods;
      },
      { maxSteps: 400 },
    );
  const deploy = async (app: string, replicas: number) => {
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace: 'default' },
      spec: { replicas, selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } },
    };
    await t.client.create(DEPLOYMENTS, 'default', d);
    return running(app, replicas);
  };

  it('evicts the pods of a stopped node after 50 s + 300 s (or their own tolerationSeconds) and runs replacements elsewhere', async () => {
    const pods = await deploy('web', 3);
    const node = pods[0].spec.nodeName ?? '';
    const victims = pods.filter((p) => p.spec.nodeName === node).map((p) => p.metadata.name);
    const tolerating = (name: string, tolerationSeconds?: number): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default' },
      spec: {
        nodeName: node,
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }],
        tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', ...(tolerationSeconds === undefined ? {} : { tolerationSeconds }) }],
      },
    });
    await t.client.create(PODS, 'default', tolerating('short-stay', 30));
    await t.client.create(PODS, 'default', tolerating('stays-on'));
    const deletionOf = async (name: string) => (await t.client.get<Pod>(PODS, 'default', name)).metadata.deletionTimestamp;
    await t.cluster.nodes.stop(node);
    await pass(40_000);
    expect((await readyOf(node))?.status).toBe('True');
    await eventually(t.clock, async () => expect((await readyOf(node))?.status).toBe('Unknown'), { stepMs: 1000, maxSteps: 30 });
    const lostAt = t.clock.now();
    await pass(25_000);
    expect(await deletionOf('short-stay')).toBeUndefined();
    await eventually(t.clock, async () => expect(await deletionOf('short-stay')).toBeDefined(), { stepMs: 1000, maxSteps: 15 });
    expect(t.clock.now() - lostAt).toBeGreaterThanOrEqual(30_000);
    await pass(265_000);
    const stillThere = (await t.client.list<Pod>(PODS, 'default', { labelSelector: 'app=web' })).items.filter((p) => victims.includes(p.metadata.name));
    expect(stillThere.every((p) => !p.metadata.deletionTimestamp)).toBe(true);
    await eventually(
      t.clock,
      async () => {
        const left = (await t.client.list<Pod>(PODS, 'default', { labelSelector: 'app=web' })).items.filter((p) => victims.includes(p.metadata.name));
        expect(left.every((p) => p.metadata.deletionTimestamp)).toBe(true);
      },
      { stepMs: 1000, maxSteps: 60 },
    );
    expect(t.clock.now() - lostAt).toBeGreaterThanOrEqual(300_000);
    expect(await deletionOf('stays-on')).toBeUndefined();
    const replacements = await running('web', 3);
    expect(replacements.every((p) => p.spec.nodeName !== node)).toBe(true);
    const events = (await t.client.list<CoreEvent>(EVENTS, 'default')).items;
    for (const name of victims) {
      expect(events.some((e) => e.reason === 'TaintManagerEviction' && e.message === `Marking for deletion Pod default/${name}` && e.source?.component === 'taint-eviction-controller')).toBe(true);
      expect(events.some((e) => e.reason === 'NodeNotReady' && e.involvedObject.name === name && e.message === 'Node is not ready')).toBe(true);
    }
    await t.cluster.nodes.start(node);
    await eventually(t.clock, async () => expect((await readyOf(node))?.status).toBe('True'), { stepMs: 1000, maxSteps: 120 });
  });

  it('marks a partitioned node NotReady while its containers run on, and Ready again once healed', async () => {
    const pods = await deploy('cut', 3);
    const pod = pods[0];
    const node = pod.spec.nodeName ?? '';
    const containerId = pod.status?.containerStatuses?.[0].containerID;
    await t.cluster.nodes.setPartitioned(node, true);
    await eventually(t.clock, async () => expect((await readyOf(node))?.status).toBe('Unknown'), { stepMs: 1000, maxSteps: 90 });
    const unreachable = (await t.client.get<Node>(NODES, undefined, node)).spec.taints?.map((x) => `${x.key}:${x.effect}`) ?? [];
    expect(unreachable).toContain('node.kubernetes.io/unreachable:NoSchedule');
    await t.cluster.nodes.setPartitioned(node, false);
    await eventually(
      t.clock,
      async () => {
        expect((await readyOf(node))?.status).toBe('True');
        expect((await t.client.get<Node>(NODES, undefined, node)).spec.taints).toBeUndefined();
      },
      { stepMs: 1000, maxSteps: 60 },
    );
    const after = await t.client.get<Pod>(PODS, 'default', pod.metadata.name ?? '');
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.status?.containerStatuses?.[0].containerID).toBe(containerId);
    expect(after.status?.containerStatuses?.[0].restartCount).toBe(0);
  });
});
