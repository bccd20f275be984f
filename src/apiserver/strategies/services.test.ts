import { beforeEach, describe, expect, it } from 'vitest';
import { failure, startTestApi, type TestApi } from '../../../test/support/api-server';
import type { Service } from '../../api/core';
import { findResource } from '../../api/scheme';
import { ipToNumber } from './service-allocation';

const SERVICES = findResource('', 'v1', 'services')!;

function service(name: string, spec: Partial<Service['spec']>): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } };
}

describe('the Service strategy', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await startTestApi();
  });
  const create = (svc: Service) => t.client.create<Service>(SERVICES, 'default', svc);

  it('defaults a ClusterIP service as upstream does and allocates an IP from 10.96.0.0/12', async () => {
    const created = await create(service('web', {}));
    expect(created.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
    });
    expect(created.spec.externalTrafficPolicy).toBeUndefined();
    const ip = created.spec.clusterIP ?? '';
    expect(created.spec.clusterIPs).toEqual([ip]);
    const offset = ipToNumber(ip) - ipToNumber('10.96.0.0');
    expect(offset).toBeGreaterThanOrEqual(256);
    expect(offset).toBeLessThan(2 ** 20 - 1);
    expect(created.status).toEqual({ loadBalancer: {} });
  });

  it('never hands out 10.96.0.1 or 10.96.0.10 to other services', async () => {
    expect(await failure(create(service('a', { clusterIP: '10.96.0.1' })))).toBe(
      'Service "a" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated',
    );
    expect(await failure(create(service('b', { clusterIP: '10.96.0.10' })))).toMatch(/failed to allocate IP 10\.96\.0\.10: provided IP is already allocated/);
  });

  it('gives a requested free IP, refuses a taken one and one out of range', async () => {
    expect((await create(service('a', { clusterIP: '10.96.5.5' }))).spec.clusterIPs).toEqual(['10.96.5.5']);
    expect(await failure(create(service('b', { clusterIP: '10.96.5.5' })))).toMatch(/provided IP is already allocated/);
    expect(await failure(create(service('c', { clusterIP: '192.168.1.1' })))).toBe(
      'Service "c" is invalid: spec.clusterIPs: Invalid value: []string{"192.168.1.1"}: failed to allocate IP 192.168.1.1: the provided IP (192.168.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('frees the IP of a deleted service', async () => {
    await create(service('a', { clusterIP: '10.96.7.7' }));
    await t.client.delete(SERVICES, 'default', 'a');
    expect((await create(service('b', { clusterIP: '10.96.7.7' }))).spec.clusterIP).toBe('10.96.7.7');
  });

  it('allocates node ports from 30000-32767 and refuses conflicts and ports out of range', async () => {
    const np = await create(service('np', { type: 'NodePort' }));
    const port = np.spec.ports?.[0].nodePort ?? 0;
    expect(port).toBeGreaterThanOrEqual(30000);
    expect(port).toBeLessThanOrEqual(32767);
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    expect(await failure(create(service('dup', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] })))).toBe(
      `Service "dup" is invalid: spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`,
    );
    expect(await failure(create(service('low', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })))).toBe(
      'Service "low" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('makes headless services without a cluster IP', async () => {
    const headless = await create(service('h', { clusterIP: 'None' }));
    expect(headless.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'SingleStack' });
    const selectorless = await create({ ...service('hs', { clusterIP: 'None' }), spec: { clusterIP: 'None', ports: [{ port: 80 }] } });
    expect(selectorless.spec.ipFamilyPolicy).toBe('RequireDualStack');
  });

  it('keeps the cluster IP when an update leaves it out, and refuses to change it', async () => {
    const created = await create(service('web', {}));
    const replaced = await t.client.update<Service>(SERVICES, { ...service('web', { ports: [{ port: 8080 }] }) });
    expect(replaced.spec.clusterIP).toBe(created.spec.clusterIP);
    expect(await failure(t.client.update(SERVICES, { ...replaced, spec: { ...replaced.spec, clusterIP: '10.96.9.9', clusterIPs: ['10.96.9.9'] } }))).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.9.9"}: may not change once set',
    );
  });

  it('drops node ports when a NodePort service becomes ClusterIP', async () => {
    const np = await create(service('np', { type: 'NodePort' }));
    const changed = await t.client.update<Service>(SERVICES, { ...np, spec: { ...np.spec, type: 'ClusterIP' } });
    expect(changed.spec.ports?.[0].nodePort).toBeUndefined();
    expect(changed.spec.externalTrafficPolicy).toBeUndefined();
  });

  it('writes the load balancer status only through services/status', async () => {
    const lb = await create(service('lb', { type: 'LoadBalancer' }));
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true);
    const ingress = { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } };
    const ignored = await t.client.update<Service>(SERVICES, { ...lb, status: ingress });
    expect(ignored.status).toEqual({ loadBalancer: {} });
    const written = await t.client.updateStatus<Service>(SERVICES, { ...ignored, status: ingress });
    expect(written.status).toEqual(ingress);
    expect(written.spec).toEqual(ignored.spec);
  });

  it('validates with upstream messages', async () => {
    expect(await failure(create(service('Web', {})))).toBe(
      `Service "Web" is invalid: metadata.name: Invalid value: "Web": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    );
    expect(await failure(create(service('t', { type: 'Fancy' })))).toBe('Service "t" is invalid: spec.type: Unsupported value: "Fancy": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"');
    expect(await failure(create(service('p', { ports: [{ port: 0 }] })))).toMatch(/spec\.ports\[0\]\.port: Invalid value: 0: must be between 1 and 65535, inclusive/);
    expect(await failure(create(service('two', { ports: [{ port: 80 }, { port: 81, name: 'b' }] })))).toMatch(/spec\.ports\[0\]\.name: Required value/);
    expect(await failure(create(service('none', { ports: [] })))).toMatch(/spec\.ports: Required value/);
  });
});
