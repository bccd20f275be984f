import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../api/apps';
import type { Service } from '../api/core';
import { candidateNames, ClusterDns, type ObjectCache } from './cluster-dns';

function cache<T extends { metadata: { namespace?: string; name?: string } }>(items: T[]): ObjectCache<T> {
  return { get: (key) => items.find((i) => `${i.metadata.namespace}/${i.metadata.name}` === key), list: () => items };
}

const services: Service[] = [
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes', namespace: 'default' }, spec: { clusterIP: '10.96.0.1' } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { clusterIP: '10.96.5.5' } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'shop' }, spec: { clusterIP: 'None' } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'shop' }, spec: { type: 'ExternalName', externalName: 'web.shop.svc.cluster.local.' } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'loop', namespace: 'shop' }, spec: { type: 'ExternalName', externalName: 'loop.shop.svc.cluster.local' } },
];
const slices: EndpointSlice[] = [
  {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'db-1', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'db' } },
    addressType: 'IPv4',
    endpoints: [
      { addresses: ['10.244.2.10'], hostname: 'db-0', conditions: { ready: true } },
      { addresses: ['10.244.1.3'] },
      { addresses: ['10.244.3.3'], conditions: { ready: false } },
    ],
  },
];
const dns = new ClusterDns(cache(services), cache(slices));

describe('ClusterDns', () => {
  it('searches the namespace, then svc, then cluster.local, and the name itself last below five dots', () => {
    expect(candidateNames('web', 'shop')).toEqual(['web.shop.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(candidateNames('a.b.c.d.e.f', 'shop')[0]).toBe('a.b.c.d.e.f');
    expect(candidateNames('web.shop.svc.cluster.local.', 'default')).toEqual(['web.shop.svc.cluster.local']);
  });

  it('answers services from their namespace and by qualified name from anywhere', () => {
    expect(dns.resolve('web', 'shop')).toEqual(['10.96.5.5']);
    expect(dns.resolve('web', 'default')).toEqual([]);
    expect(dns.resolve('web.shop', 'default')).toEqual(['10.96.5.5']);
    expect(dns.resolve('kubernetes.default.svc', 'shop')).toEqual(['10.96.0.1']);
    expect(dns.resolve('web.shop.', 'default')).toEqual([]);
  });

  it('answers headless services with ready endpoints in address order, and endpoint names', () => {
    expect(dns.resolve('db', 'shop')).toEqual(['10.244.1.3', '10.244.2.10']);
    expect(dns.resolve('db-0.db', 'shop')).toEqual(['10.244.2.10']);
    expect(dns.resolve('10-244-1-3.db.shop.svc.cluster.local', 'default')).toEqual(['10.244.1.3']);
    expect(dns.resolve('10-244-3-3.db', 'shop')).toEqual([]);
  });

  it('answers pod names by address, follows ExternalName aliases and stops at loops', () => {
    expect(dns.resolve('10-244-1-7.anything.pod.cluster.local', 'default')).toEqual(['10.244.1.7']);
    expect(dns.resolve('ext', 'shop')).toEqual(['10.96.5.5']);
    expect(dns.resolve('loop', 'shop')).toEqual([]);
    expect(dns.resolve('10.1.2.3', 'shop')).toEqual(['10.1.2.3']);
  });
});
