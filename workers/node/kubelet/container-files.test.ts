import { describe, expect, it } from 'vitest';
import type { Pod, PodSpec } from '../../../src/api/core';
import { managedFiles } from './container-files';

function pod(spec: Partial<PodSpec>): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'shop' }, spec: { containers: [], ...spec } };
}

describe('managedFiles', () => {
  it('points ClusterFirst pods at cluster DNS with their namespace first in the search list', () => {
    expect(managedFiles(pod({}), '10.244.1.5')['/etc/resolv.conf']).toBe('search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  });

  it('merges dnsConfig, and uses only it for dnsPolicy None', () => {
    const merged = pod({ dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp.example'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } });
    expect(managedFiles(merged, '10.244.1.5')['/etc/resolv.conf']).toBe(
      'search shop.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\nnameserver 1.1.1.1\noptions ndots:2 edns0\n',
    );
    expect(managedFiles(pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['8.8.8.8'] } }), '10.244.1.5')['/etc/resolv.conf']).toBe('nameserver 8.8.8.8\n');
  });

  it('names the pod in /etc/hosts by hostname and subdomain, and /etc/hostname', () => {
    const files = managedFiles(pod({ hostname: 'db', subdomain: 'cluster' }), '10.244.1.5');
    expect(files['/etc/hosts'].split('\n').slice(-2)).toEqual(['10.244.1.5\tdb.cluster.shop.svc.cluster.local\tdb', '']);
    expect(files['/etc/hostname']).toBe('db\n');
  });
});
