import { describe, expect, it } from 'vitest';
import type { EndpointSlice, EndpointSliceEndpoint } from '../../../src/api/apps';
import type { Node, Service } from '../../../src/api/core';
import { buildServiceRules } from './service-rules';
import { SessionAffinity } from './session-affinity';

function service(name: string, spec: Service['spec'], status?: Service['status']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec, status };
}

function slice(serviceName: string, endpoints: EndpointSliceEndpoint[], port = 8080, portName = ''): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${serviceName}-x`, namespace: 'default', labels: { 'kubernetes.io/service-name': serviceName } },
    addressType: 'IPv4',
    ports: [{ name: portName, port, protocol: 'TCP' }],
    endpoints,
  };
}

const node = (name: string, ip: string): Node => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { addresses: [{ type: 'InternalIP', address: ip }] } });
const NODES = [node('a', '172.18.0.3'), node('b', '172.18.0.4')];
const ready = (ip: string, nodeName = 'b'): EndpointSliceEndpoint => ({ addresses: [ip], conditions: { ready: true, serving: true, terminating: false }, nodeName });
const terminating = (ip: string): EndpointSliceEndpoint => ({ addresses: [ip], conditions: { ready: false, serving: true, terminating: true }, nodeName: 'b' });

describe('buildServiceRules', () => {
  it('maps a ClusterIP port to the ready endpoints on the slice port of the same name', () => {
    const rules = buildServiceRules(
      [service('web', { clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80 }] })],
      [slice('web', [ready('10.244.1.2'), { addresses: ['10.244.1.3'], conditions: { ready: false } }], 8080, 'http')],
      NODES,
      'a',
    );
    expect(rules.clusterIPs.get('10.96.0.20:80')?.internal).toEqual([{ ip: '10.244.1.2', port: 8080 }]);
    expect(rules.virtualIPs.has('10.96.0.20')).toBe(true);
  });

  it('falls back to serving endpoints that are terminating when none is ready', () => {
    const rules = buildServiceRules([service('web', { clusterIP: '10.96.0.20', ports: [{ port: 80 }] })], [slice('web', [terminating('10.244.1.9')])], NODES, 'a');
    expect(rules.clusterIPs.get('10.96.0.20:80')?.internal).toEqual([{ ip: '10.244.1.9', port: 8080 }]);
  });

  it('adds NodePorts and LoadBalancer ingress, with Local policies keeping this node’s endpoints', () => {
    const lb = service(
      'shop',
      { type: 'LoadBalancer', clusterIP: '10.96.0.30', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 30080 }] },
      { loadBalancer: { ingress: [{ ip: '172.18.255.1' }] } },
    );
    const rules = buildServiceRules([lb], [slice('shop', [ready('10.244.1.2', 'a'), ready('10.244.2.2', 'b')])], NODES, 'a');
    expect(rules.nodePorts.get(30080)?.external).toEqual([{ ip: '10.244.1.2', port: 8080 }]);
    expect(rules.nodePorts.get(30080)?.internal).toHaveLength(2);
    expect(rules.externalAddresses.get('172.18.255.1:80')?.external).toEqual([{ ip: '10.244.1.2', port: 8080 }]);
    expect([...rules.nodeAddresses]).toEqual(['172.18.0.3', '172.18.0.4']);
  });

  it('gives headless and ExternalName services no rules, and a ClientIP service its timeout', () => {
    const rules = buildServiceRules(
      [
        service('db', { clusterIP: 'None', ports: [{ port: 5432 }] }),
        service('ext', { type: 'ExternalName', externalName: 'example.com' }),
        service('sticky', { clusterIP: '10.96.0.40', sessionAffinity: 'ClientIP', ports: [{ port: 80 }] }),
      ],
      [slice('db', [ready('10.244.1.2')])],
      NODES,
      'a',
    );
    expect([...rules.clusterIPs.keys()]).toEqual(['10.96.0.40:80']);
    expect(rules.clusterIPs.get('10.96.0.40:80')?.affinitySeconds).toBe(10_800);
    expect(rules.clusterIPs.get('10.96.0.40:80')?.internal).toEqual([]);
  });
});

describe('SessionAffinity', () => {
  const backends = [
    { ip: '10.244.1.2', port: 80 },
    { ip: '10.244.2.2', port: 80 },
  ];

  it('keeps a client on its endpoint until the timeout passes without a connection', () => {
    const affinity = new SessionAffinity();
    const first = () => backends[0];
    const second = () => backends[1];
    expect(affinity.choose('svc', '10.244.3.3', backends, 10, 0, first)).toEqual(backends[0]);
    expect(affinity.choose('svc', '10.244.3.3', backends, 10, 9_000, second)).toEqual(backends[0]);
    expect(affinity.choose('svc', '10.244.3.3', backends, 10, 18_000, second)).toEqual(backends[0]);
    expect(affinity.choose('svc', '10.244.3.4', backends, 10, 18_000, second)).toEqual(backends[1]);
    expect(affinity.choose('other', '10.244.3.3', backends, 10, 18_000, second)).toEqual(backends[1]);
    expect(affinity.choose('svc', '10.244.3.3', backends, 10, 28_000, second)).toEqual(backends[1]);
  });

  it('moves a client whose endpoint has gone', () => {
    const affinity = new SessionAffinity();
    affinity.choose('svc', 'c', backends, 100, 0, () => backends[0]);
    expect(affinity.choose('svc', 'c', [backends[1]], 100, 1, () => backends[1])).toEqual(backends[1]);
  });
});
