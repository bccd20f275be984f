// What `kubectl describe node` shows under Events, from real worker nodes on the manual clock:
// the kubelet's and kube-proxy's starts, the node conditions reaching their status and the node
// turning Ready, the node controller's registration; the same announcements again when a partitioned node is
// healed; and a restarted kubelet's own "Starting kubelet." Upstream: pkg/kubelet/kubelet.go
// (BirthCry), pkg/kubelet/nodestatus/setters.go, pkg/controller/nodelifecycle. Hollow nodes
// record the same kubelet events, as kubemark's hollow kubelets run the kubelet's own code.

import { describe, expect, it } from 'vitest';
import type { CoreEvent, Node } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const NODES = findResource('', 'v1', 'nodes')!;
const EVENTS = findResource('', 'v1', 'events')!;
const NODE = 'kubetab-worker2';

describe('node events', () => {
  const t = useTestCluster({ pullDelayScale: 0 });

  /** The node's events, oldest first, as `source: Reason (count)`. */
  const nodeEvents = async () => {
    const events = (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.kind === 'Node' && e.involvedObject.name === NODE);
    return events.map((e) => `${e.source?.component || e.reportingComponent}: ${e.reason} (${e.count ?? 1})`);
  };
  const readyOf = async () => (await t.client.get<Node>(NODES, undefined, NODE)).status?.conditions?.find((c) => c.type === 'Ready')?.status;

  it('records the kubelet starting, each condition reaching its status and the node turning Ready, under the node name as uid', async () => {
    await eventually(t.clock, async () => expect(await nodeEvents()).toContain('node-controller: RegisteredNode (1)'));
    const kubelet = (await nodeEvents()).filter((line) => line.startsWith('kubelet: '));
    expect(kubelet).toEqual([
      'kubelet: Starting (1)',
      'kubelet: NodeHasSufficientMemory (1)',
      'kubelet: NodeHasNoDiskPressure (1)',
      'kubelet: NodeHasSufficientPID (1)',
      'kubelet: NodeAllocatableEnforced (1)',
      'kubelet: NodeReady (1)',
    ]);
    const events = (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.name === NODE && e.source?.component === 'kubelet');
    expect(new Set(events.map((e) => e.involvedObject.uid))).toEqual(new Set([NODE]));
    expect(events.find((e) => e.reason === 'NodeReady')?.message).toBe(`Node ${NODE} status is now: NodeReady`);
    // The node controller names the node by its uid; describe looks events up both ways.
    const registered = (await t.client.list<CoreEvent>(EVENTS, 'default')).items.find((e) => e.involvedObject.name === NODE && e.reason === 'RegisteredNode');
    expect(registered?.involvedObject.uid).toBe((await t.client.get<Node>(NODES, undefined, NODE)).metadata.uid);
    const described = (await t.kubectl(['describe', 'node', NODE])).stdout;
    expect(described).toMatch(/Normal\s+Starting\s+\S+\s+kubelet\s+Starting kubelet\./);
    expect(described).toMatch(/Normal\s+NodeAllocatableEnforced\s+\S+\s+kubelet\s+Updated Node Allocatable limit across pods/);
    const proxy = (await t.client.list<CoreEvent>(EVENTS, 'default')).items.find((e) => e.involvedObject.name === NODE && e.reportingComponent === 'kube-proxy');
    expect(proxy).toMatchObject({ reason: 'Starting', action: 'StartKubeProxy', reportingInstance: `kube-proxy-${NODE}`, involvedObject: { kind: 'Node', uid: NODE } });
    expect(proxy?.message).toBeUndefined();
    expect(described).toMatch(/Normal\s+Starting\s+\S+\s+kube-proxy\s*\n/);
    expect(described).toMatch(/Normal\s+RegisteredNode\s+\S+\s+node-controller\s+Node kubetab-worker2 event: Registered Node kubetab-worker2 in Controller/);
  });

  it('announces the conditions and Ready again when a partitioned node is healed', async () => {
    await t.cluster.nodes.setPartitioned(NODE, true);
    await eventually(t.clock, async () => expect(await readyOf()).toBe('Unknown'), { stepMs: 1000, maxSteps: 90 });
    await t.cluster.nodes.setPartitioned(NODE, false);
    await eventually(t.clock, async () => expect(await readyOf()).toBe('True'), { stepMs: 1000, maxSteps: 60 });
    await eventually(t.clock, async () => expect(await nodeEvents()).toContain('kubelet: NodeReady (2)'));
    const events = await nodeEvents();
    for (const reason of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) expect(events).toContain(`kubelet: ${reason} (2)`);
    expect(events).toContain('node-controller: NodeNotReady (1)');
    expect(events).toContain('kubelet: Starting (1)');
  });

  it('records a restarted kubelet as a new start', async () => {
    await t.cluster.nodes.restartKubelet(NODE);
    await eventually(t.clock, async () => expect((await nodeEvents()).filter((line) => line === 'kubelet: Starting (1)')).toHaveLength(2));
    expect(await readyOf()).toBe('True');
  });
});

describe('hollow node events', () => {
  const t = useTestCluster({ workers: 0, hollowNodes: 1 });
  const HOLLOW = 'kubetab-hollow-1';

  const kubeletEvents = async () =>
    (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.name === HOLLOW && e.source?.component === 'kubelet').map((e) => `${e.reason} (${e.count ?? 1})`);

  it("records what a real kubelet records about its node, as kubemark's hollow kubelets do", async () => {
    await eventually(t.clock, async () => expect(await kubeletEvents()).toHaveLength(6));
    expect(await kubeletEvents()).toEqual(['Starting (1)', 'NodeHasSufficientMemory (1)', 'NodeHasNoDiskPressure (1)', 'NodeHasSufficientPID (1)', 'NodeAllocatableEnforced (1)', 'NodeReady (1)']);
    expect((await t.kubectl(['describe', 'node', HOLLOW])).stdout).toMatch(/Normal\s+NodeReady\s+\S+\s+kubelet\s+Node kubetab-hollow-1 status is now: NodeReady/);
  });

  it('announces Ready again when a silenced hollow node comes back', async () => {
    const hollow = await t.cluster.hollowNodes();
    const readyOf = async () => (await t.client.get<Node>(NODES, undefined, HOLLOW)).status?.conditions?.find((c) => c.type === 'Ready')?.status;
    hollow.setSilent(HOLLOW, true);
    await eventually(t.clock, async () => expect(await readyOf()).toBe('Unknown'), { stepMs: 1000, maxSteps: 90 });
    hollow.setSilent(HOLLOW, false);
    await eventually(t.clock, async () => expect(await kubeletEvents()).toContain('NodeReady (2)'), { stepMs: 1000, maxSteps: 60 });
    expect(await readyOf()).toBe('True');
  });
});
