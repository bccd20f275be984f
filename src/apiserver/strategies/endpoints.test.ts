import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../../test/support/api-server';
import type { EndpointSlice } from '../../api/apps';
import type { Endpoints } from '../../api/core';
import { findResource } from '../../api/scheme';
import { StatusError } from '../../client/client';

const ENDPOINTS = findResource('', 'v1', 'endpoints')!;
const SLICES = findResource('discovery.k8s.io', 'v1', 'endpointslices')!;

describe('Endpoints and EndpointSlices', () => {
  it('default port protocols and write the shape Go does', async () => {
    const t = await startTestApi();
    const endpoints = await t.client.create<Endpoints>(ENDPOINTS, 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web' }, subsets: [{ addresses: [{ ip: '10.244.1.2' }], ports: [{ port: 80 }] }] });
    expect(endpoints.subsets).toEqual([{ addresses: [{ ip: '10.244.1.2' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    const slice = await t.client.create<EndpointSlice>(SLICES, 'default', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-1' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.244.1.2'] }], ports: [{ port: 80 }] });
    expect(slice.endpoints).toEqual([{ addresses: ['10.244.1.2'], conditions: {} }]);
    expect(slice.ports).toEqual([{ name: '', protocol: 'TCP', port: 80 }]);
    const empty = await t.client.create<EndpointSlice>(SLICES, 'default', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-2' }, addressType: 'IPv4', endpoints: [] });
    expect(empty.endpoints).toEqual([]);
  });

  it('refuse bad addresses and a changed address type', async () => {
    const t = await startTestApi();
    const bad = t.client.create(ENDPOINTS, 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'x' }, subsets: [{ addresses: [{ ip: 'nope' }] }] } as Endpoints);
    await expect(bad).rejects.toThrow('Endpoints "x" is invalid: subsets[0].addresses[0].ip: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)');
    const slice = await t.client.create<EndpointSlice>(SLICES, 'default', { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 's' }, addressType: 'IPv4', endpoints: [] });
    try {
      await t.client.update(SLICES, { ...slice, addressType: 'FQDN' });
      throw new Error('updated');
    } catch (error) {
      expect((error as StatusError).message).toBe('EndpointSlice.discovery.k8s.io "s" is invalid: addressType: Invalid value: "FQDN": field is immutable');
    }
  });
});
