// Cluster DNS as pods and the terminal see it: a Service by short name, with its namespace and
// fully qualified; the kubernetes Service from any namespace; a pod's dashed-IP name; a
// headless Service's ready endpoints and an endpoint's hostname record; an ExternalName alias;
// NXDOMAIN; and busybox's nslookup in a pod reading the kubelet's resolv.conf.

import { beforeAll, describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../src/api/apps';
import type { Service } from '../../src/api/core';
import { useTestCluster } from '../support/use-test-cluster';
import { createPod, ENDPOINT_SLICES, logs, podObject, SERVICES, waitForPod } from '../support/pod-fixtures';
import { testShell, type TestShell } from '../support/test-shell';

function service(name: string, spec: Service['spec']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec };
}

const HEADLESS_SLICE: EndpointSlice = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'db-manual', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db' } },
  addressType: 'IPv4',
  ports: [{ name: '', port: 5432, protocol: 'TCP' }],
  endpoints: [
    { addresses: ['10.244.2.7'], hostname: 'db-0', conditions: { ready: true } },
    { addresses: ['10.244.1.9'], conditions: { ready: true } },
    { addresses: ['10.244.3.4'], conditions: { ready: false } },
  ],
};

describe('cluster DNS', () => {
  const t = useTestCluster();
  let shell: TestShell;

  beforeAll(async () => {
    shell = testShell(t);
    await t.client.create(SERVICES, 'default', service('web', { clusterIP: '10.96.100.20', ports: [{ port: 80 }] }));
    await t.client.create(SERVICES, 'default', service('db', { clusterIP: 'None', ports: [{ port: 5432 }] }));
    await t.client.create(ENDPOINT_SLICES, 'default', HEADLESS_SLICE);
    await t.client.create(SERVICES, 'default', service('alias', { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' }));
  });

  const answer = (name: string, ...addresses: string[]) =>
    `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n${addresses.map((a) => `Name:\t${name}\nAddress: ${a}\n`).join('')}\n`;

  it('answers for a Service by short, namespaced and fully qualified name', async () => {
    expect(await shell.run('nslookup web')).toBe(answer('web.default.svc.cluster.local', '10.96.100.20'));
    expect(await shell.run('nslookup web.default')).toBe(answer('web.default.svc.cluster.local', '10.96.100.20'));
    expect(await shell.run('nslookup web.default.svc.cluster.local')).toBe(answer('web.default.svc.cluster.local', '10.96.100.20'));
  });

  it('answers for the kubernetes Service from any namespace', async () => {
    expect(await shell.run('nslookup kubernetes')).toBe(answer('kubernetes.default.svc.cluster.local', '10.96.0.1'));
    await shell.run('export KUBECTL_NAMESPACE=kube-system');
    expect(await shell.run('nslookup kubernetes.default')).toBe(answer('kubernetes.default.svc.cluster.local', '10.96.0.1'));
    expect(await shell.run('nslookup web')).toContain("** server can't find web: NXDOMAIN");
    await shell.run('unset KUBECTL_NAMESPACE');
  });

  it("answers a headless Service with its ready endpoints, and an endpoint's hostname", async () => {
    expect(await shell.run('nslookup db')).toBe(answer('db.default.svc.cluster.local', '10.244.1.9', '10.244.2.7'));
    expect(await shell.run('nslookup db-0.db')).toBe(answer('db-0.db.default.svc.cluster.local', '10.244.2.7'));
    expect(await shell.run('nslookup 10-244-1-9.db')).toBe(answer('10-244-1-9.db.default.svc.cluster.local', '10.244.1.9'));
  });

  it('answers pod names, ExternalName aliases, and NXDOMAIN', async () => {
    expect(await shell.run('nslookup 10-244-1-5.default.pod.cluster.local')).toBe(answer('10-244-1-5.default.pod.cluster.local', '10.244.1.5'));
    expect(await shell.run('nslookup alias')).toBe(answer('alias.default.svc.cluster.local', '10.96.100.20'));
    expect(await shell.run('nslookup nosuch')).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nosuch: NXDOMAIN\n\n** server can't find nosuch: NXDOMAIN\n\n");
  });

  it("resolves from a busybox pod with the kubelet's resolv.conf", async () => {
    await createPod(t, podObject('lookup', { nodeName: 'kubetab-worker', restartPolicy: 'Never', containers: [{ name: 'dns', image: 'busybox:1.36', command: ['nslookup', 'web'] }] }));
    await waitForPod(t, 'lookup', (pod) => expect(pod.status?.phase).toBe('Succeeded'));
    expect(await logs(t, 'lookup')).toBe(answer('web.default.svc.cluster.local', '10.96.100.20'));
  });
});
