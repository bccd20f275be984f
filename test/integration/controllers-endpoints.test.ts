// Endpoints, EndpointSlices and load balancers on hollow nodes: the `kubernetes` Service's
// endpoints at the API server, a Service's pods with a named target port, addresses moving to
// notReadyAddresses when their node goes silent (and the node lifecycle controller's taints and
// events on the way), publishNotReadyAddresses, and LoadBalancer addresses with their events.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Deployment, EndpointSlice } from '../../src/api/apps';
import type { CoreEvent, Endpoints, Node, Pod, Service } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const NODES = findResource('', 'v1', 'nodes')!;
const EVENTS = findResource('', 'v1', 'events')!;
const SERVICES = findResource('', 'v1', 'services')!;
const ENDPOINTS = findResource('', 'v1', 'endpoints')!;
const SLICES = findResource('discovery.k8s.io', 'v1', 'endpointslices')!;
const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;

function service(name: string, extra: Partial<Service['spec']> = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', labels: { team: 'web' } }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'web-port', protocol: 'TCP' }], ...extra } };
}

describe('endpoints, endpoint slices, node lifecycle and load balancers', () => {
  const t = useTestCluster({ workers: 0, hollowNodes: 2 });

  beforeAll(async () => {
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'web-port', containerPort: 8080 }] }] } } },
    };
    await t.client.create(DEPLOYMENTS, 'default', d);
    await eventually(t.clock, async () => expect((await t.client.list<Pod>(PODS, 'default', { labelSelector: 'app=web' })).items.filter((p) => p.status?.podIP)).toHaveLength(4));
  });

  it('points the kubernetes Service at the API server on the control-plane node', async () => {
    const endpoints = await t.client.get<Endpoints>(ENDPOINTS, 'default', 'kubernetes');
    expect(endpoints.subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    const slice = await t.client.get<EndpointSlice>(SLICES, 'default', 'kubernetes');
    expect(slice.endpoints?.[0].addresses).toEqual(['172.18.0.2']);
    expect(slice.metadata.labels?.['kubernetes.io/service-name']).toBe('kubernetes');
  });

  it('lists ready pods on the resolved named port, in Endpoints and a managed EndpointSlice', async () => {
    await t.client.create(SERVICES, 'default', service('web'));
    const endpoints = await eventually(t.clock, async () => {
      const ep = await t.client.get<Endpoints>(ENDPOINTS, 'default', 'web');
      expect(ep.subsets?.[0].addresses).toHaveLength(4);
      return ep;
    });
    const subset = endpoints.subsets?.[0];
    expect(subset?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(subset?.notReadyAddresses).toBeUndefined();
    expect(subset?.addresses?.every((a) => a.targetRef?.kind === 'Pod' && a.nodeName?.startsWith('kubetab-hollow-'))).toBe(true);
    const ips = subset?.addresses?.map((a) => a.ip) ?? [];
    expect([...ips].sort()).toEqual(ips);
    expect(endpoints.metadata.labels).toEqual({ team: 'web' });
    const slices = (await t.client.list<EndpointSlice>(SLICES, 'default', { labelSelector: 'kubernetes.io/service-name=web' })).items;
    expect(slices).toHaveLength(1);
    const [slice] = slices;
    expect(slice.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice.metadata.labels).toEqual({ team: 'web', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slice.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints?.map((e) => e.conditions)).toEqual(Array(4).fill({ ready: true, serving: true, terminating: false }));
  });

  it('moves the pods of a silent node to notReadyAddresses once the node is NotReady', async () => {
    await t.client.create(SERVICES, 'default', service('web-all', { publishNotReadyAddresses: true }));
    const node = 'kubetab-hollow-1';
    const onNode = (await t.client.list<Pod>(PODS, 'default', { labelSelector: 'app=web' })).items.filter((p) => p.spec.nodeName === node);
    (await t.cluster.hollowNodes()).setSilent(node, true);
    await t.clock.advance(40_000);
    expect((await t.client.get<Node>(NODES, undefined, node)).status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
    const lost = await eventually(t.clock, async () => {
      const n = await t.client.get<Node>(NODES, undefined, node);
      const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
      expect([ready?.status, ready?.reason, ready?.message]).toEqual(['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']);
      expect(n.spec.taints?.map((x) => `${x.key}:${x.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
      return n;
    });
    expect(lost.status?.conditions?.every((c) => c.status === 'Unknown')).toBe(true);
    const endpoints = await eventually(t.clock, async () => {
      const ep = await t.client.get<Endpoints>(ENDPOINTS, 'default', 'web');
      expect(ep.subsets?.[0].notReadyAddresses?.map((a) => a.targetRef?.name).sort()).toEqual(onNode.map((p) => p.metadata.name).sort());
      return ep;
    });
    expect(endpoints.subsets?.[0].addresses).toHaveLength(4 - onNode.length);
    const all = await t.client.get<Endpoints>(ENDPOINTS, 'default', 'web-all');
    expect(all.subsets?.[0].addresses).toHaveLength(4);
    const events = (await t.client.list<CoreEvent>(EVENTS, 'default')).items;
    expect(events.some((e) => e.reason === 'NodeNotReady' && e.involvedObject.kind === 'Node' && e.message === `Node ${node} status is now: NodeNotReady` && e.source?.component === 'node-controller')).toBe(true);
    expect(events.filter((e) => e.reason === 'NodeNotReady' && e.involvedObject.kind === 'Pod' && e.message === 'Node is not ready' && e.type === 'Warning')).toHaveLength(onNode.length);
    (await t.cluster.hollowNodes()).setSilent(node, false);
    await eventually(t.clock, async () => {
      const n = await t.client.get<Node>(NODES, undefined, node);
      expect(n.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(n.spec.taints).toBeUndefined();
    });
  });

  it('gives LoadBalancer Services addresses from 172.18.255.200 with the service controller events', async () => {
    await t.client.create(SERVICES, 'default', service('lb-one', { type: 'LoadBalancer' }));
    await t.client.create(SERVICES, 'default', service('lb-two', { type: 'LoadBalancer' }));
    await eventually(t.clock, async () => {
      const one = await t.client.get<Service>(SERVICES, 'default', 'lb-one');
      const two = await t.client.get<Service>(SERVICES, 'default', 'lb-two');
      expect(one.status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
      expect(two.status?.loadBalancer?.ingress).toEqual([{ ip: '172.18.255.201', ipMode: 'VIP' }]);
      expect(one.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    });
    const events = (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.name === 'lb-one');
    expect(events.map((e) => [e.source?.component, e.reason, e.message]).sort()).toEqual([
      ['service-controller', 'EnsuredLoadBalancer', 'Ensured load balancer'],
      ['service-controller', 'EnsuringLoadBalancer', 'Ensuring load balancer'],
    ]);
    await t.client.delete(SERVICES, 'default', 'lb-one');
    await eventually(t.clock, async () => expect((await t.client.list(SERVICES, 'default')).items.map((s) => s.metadata.name)).not.toContain('lb-one'));
  });
});
