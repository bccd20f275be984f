// Services through kube-proxy on real worker nodes: three agnhost serve-hostname pods behind a
// Service answer in turn both from the terminal (curl, wget on the control-plane node) and from
// a busybox pod; the same through a NodePort on a node's address; ClientIP session affinity
// keeps a client on one pod; a not-ready endpoint gets no traffic; a Service without endpoints
// refuses connections. The Services here have no selector and their EndpointSlices are written
// by the test, so only kube-proxy is under test.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../../src/api/apps';
import type { Pod, Service } from '../../src/api/core';
import { startTestCluster, type TestCluster } from '../support/node-cluster';
import { createPod, ENDPOINT_SLICES, logs, podObject, SERVICES, waitFor, waitForRunning } from '../support/pod-fixtures';
import { testShell, type TestShell } from '../support/test-shell';

const WORKERS = ['kubetab-worker', 'kubetab-worker2', 'kubetab-worker3'];
const HOSTNAMES = ['hostname-0', 'hostname-1', 'hostname-2'];

function service(name: string, clusterIP: string, extra: Partial<Service['spec']> = {}): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { clusterIP, ports: [{ port: 80, targetPort: 9376, protocol: 'TCP' }], ...extra } };
}

function slice(serviceName: string, pods: readonly Pod[], ready: (pod: Pod) => boolean = () => true): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${serviceName}-manual`, namespace: 'default', labels: { 'kubernetes.io/service-name': serviceName, 'endpointslice.kubernetes.io/managed-by': 'test' } },
    addressType: 'IPv4',
    ports: [{ name: '', port: 9376, protocol: 'TCP' }],
    endpoints: pods.map((pod) => ({
      addresses: [pod.status?.podIP ?? ''],
      conditions: { ready: ready(pod), serving: ready(pod), terminating: false },
      nodeName: pod.spec.nodeName,
      targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name ?? '' },
    })),
  };
}

describe('services through kube-proxy', () => {
  let t: TestCluster;
  let shell: TestShell;
  let pods: Pod[];

  /** The distinct answers of `count` curls. */
  async function curlAnswers(url: string, count: number): Promise<Set<string>> {
    const answers = new Set<string>();
    for (let i = 0; i < count; i++) answers.add(await shell.run(`curl -s ${url}`));
    return answers;
  }

  beforeAll(async () => {
    t = await startTestCluster();
    shell = testShell(t);
    await Promise.all(
      HOSTNAMES.map((name, i) =>
        createPod(
          t,
          podObject(name, { nodeName: WORKERS[i], containers: [{ name: 'agnhost', image: 'registry.k8s.io/e2e-test-images/agnhost:2.39', args: ['serve-hostname'], ports: [{ containerPort: 9376 }] }] }, { app: 'hostnames' }),
        ),
      ),
    );
    pods = [];
    for (const name of HOSTNAMES) pods.push(await waitForRunning(t, name));
    await t.client.create(SERVICES, 'default', service('hostnames', '10.96.100.10', { type: 'NodePort', ports: [{ port: 80, targetPort: 9376, protocol: 'TCP', nodePort: 30080 }] }));
    await t.client.create(ENDPOINT_SLICES, 'default', slice('hostnames', pods));
    await t.client.create(SERVICES, 'default', service('sticky', '10.96.100.11', { sessionAffinity: 'ClientIP' }));
    await t.client.create(ENDPOINT_SLICES, 'default', slice('sticky', pods));
    await t.client.create(SERVICES, 'default', service('partly', '10.96.100.12'));
    await t.client.create(ENDPOINT_SLICES, 'default', slice('partly', pods, (pod) => pod.metadata.name !== 'hostname-1'));
    await t.client.create(SERVICES, 'default', service('empty', '10.96.100.13'));
  });

  afterAll(async () => {
    await t?.shutdown();
  });

  it('answers from all three pods through the ClusterIP, from the terminal', async () => {
    const answers = await waitFor(t, async () => {
      const seen = await curlAnswers('http://hostnames', 30);
      expect([...seen].sort()).toEqual(HOSTNAMES);
      return seen;
    });
    expect(answers.size).toBe(3);
    const wget = await shell.run('wget -qO- http://hostnames.default.svc.cluster.local');
    expect(HOSTNAMES).toContain(wget);
  });

  it('answers from all three pods to a busybox pod looping wget', async () => {
    await createPod(
      t,
      podObject('client', { nodeName: WORKERS[0], containers: [{ name: 'wget', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do wget -q -O - http://hostnames:80; echo; sleep 1; done'] }] }),
    );
    await waitForRunning(t, 'client');
    const text = await waitFor(t, async () => {
      const out = await logs(t, 'client');
      expect(new Set(out.trim().split('\n'))).toEqual(new Set(HOSTNAMES));
      return out;
    });
    expect(text.split('\n').filter(Boolean).every((line) => HOSTNAMES.includes(line))).toBe(true);
  });

  it('answers on the NodePort of every node address', async () => {
    for (const address of ['172.18.0.3', '172.18.0.5']) {
      const answers = await curlAnswers(`http://${address}:30080`, 30);
      expect([...answers].sort()).toEqual(HOSTNAMES);
    }
    expect(await shell.run('curl -sS http://172.18.0.3:30081')).toBe("curl: (7) Failed to connect to 172.18.0.3 port 30081 after 0 ms: Couldn't connect to server\n");
  });

  it('keeps a client on one pod under ClientIP session affinity', async () => {
    const answers = await curlAnswers('http://sticky', 15);
    expect(answers.size).toBe(1);
    expect(HOSTNAMES).toContain([...answers][0]);
  });

  it('sends nothing to an endpoint that is not ready', async () => {
    const answers = await curlAnswers('http://partly', 30);
    expect([...answers].sort()).toEqual(['hostname-0', 'hostname-2']);
  });

  it('refuses connections to a Service without endpoints', async () => {
    expect(await shell.run('curl http://empty')).toBe("curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n");
    expect(await shell.run('wget -qO- http://empty')).toBe("wget: can't connect to remote host (10.96.100.13): Connection refused\n");
    expect(await shell.run('curl -s http://empty || echo refused')).toBe('refused\n');
  });

  it('shows the exchange with -v and the response head with -i', async () => {
    const included = await shell.run('curl -i http://hostnames');
    expect(included).toMatch(/^HTTP\/1\.1 200 OK\n([A-Za-z-]+: .+\n)+\nhostname-\d$/);
    expect(included).toContain('Content-Length: 10\n');
    const verbose = await shell.run('curl -v http://hostnames');
    expect(verbose).toMatch(/^\* {3}Trying 10\.96\.100\.10:80\.\.\.\n\* Connected to hostnames \(10\.96\.100\.10\) port 80 \(#0\)\n> GET \/ HTTP\/1\.1\n> Host: hostnames\n> User-Agent: curl\/7\.88\.1\n> Accept: \*\/\*\n> \n< HTTP\/1\.1 200 OK\n/);
    expect(verbose).toMatch(/\n< \nhostname-\d\* Connection #0 to host hostnames left intact\n$/);
  });

  it('saves with -o, and names a host it cannot resolve', async () => {
    const saved = await shell.run('curl -s -o answer.txt http://hostnames');
    expect(saved).toBe('');
    expect(HOSTNAMES).toContain(shell.files.read('answer.txt'));
    expect(await shell.run('curl http://nowhere.invalid')).toBe('curl: (6) Could not resolve host: nowhere.invalid\n');
  });
});
