// The acceptance, end to end with the cluster's own controllers: a Deployment of three
// agnhost serve-hostname pods behind a Service (ClusterIP allocated, EndpointSlices kept by the
// controller) answers from all three pods, from the terminal and from a busybox pod, and as a
// LoadBalancer on its external IP and NodePort; a pod whose readiness probe fails leaves the
// Service's endpoints, and its traffic with them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../src/api/apps';
import type { Pod, Service } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { startTestCluster, type TestCluster } from '../support/node-cluster';
import { createPod, logs, PODS, podObject, SERVICES, waitFor, waitForRunning } from '../support/pod-fixtures';
import { testShell, type TestShell } from '../support/test-shell';

const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;

function deployment(): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'hostnames', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'hostnames' } },
      template: {
        metadata: { labels: { app: 'hostnames' } },
        spec: {
          containers: [
            {
              name: 'agnhost',
              image: 'registry.k8s.io/e2e-test-images/agnhost:2.39',
              args: ['serve-hostname'],
              ports: [{ containerPort: 9376 }],
              readinessProbe: { exec: { command: ['sh', '-c', 'test ! -f /tmp/unready'] }, periodSeconds: 2, failureThreshold: 1, timeoutSeconds: 5 },
            },
          ],
        },
      },
    },
  } as Deployment;
}

const SERVICE: Service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'hostnames', namespace: 'default' },
  spec: { selector: { app: 'hostnames' }, ports: [{ port: 80, targetPort: 9376 }] },
};

describe('a Service of three serve-hostname pods', () => {
  let t: TestCluster;
  let shell: TestShell;
  let names: string[];

  async function answers(count: number): Promise<Set<string>> {
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) seen.add(await shell.run('curl -s http://hostnames'));
    return seen;
  }

  beforeAll(async () => {
    t = await startTestCluster();
    shell = testShell(t);
    await t.client.create(DEPLOYMENTS, 'default', deployment());
    await t.client.create(SERVICES, 'default', SERVICE);
    names = await waitFor(t, async () => {
      const pods = (await t.client.list<Pod>(PODS, 'default', { labelSelector: 'app=hostnames' })).items;
      expect(pods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))).toHaveLength(3);
      return pods.map((p) => p.metadata.name ?? '').sort();
    });
  });

  afterAll(async () => {
    await t?.shutdown();
  });

  it('answers from all three pods, from the terminal', async () => {
    const seen = await waitFor(t, async () => {
      const found = await answers(30);
      expect(found.size).toBe(3);
      return found;
    });
    expect([...seen].sort()).toEqual(names);
  });

  it('answers from all three pods to a busybox pod looping wget', async () => {
    await createPod(t, podObject('client', { containers: [{ name: 'wget', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do wget -q -O - http://hostnames:80; echo; sleep 1; done'] }] }));
    await waitForRunning(t, 'client');
    await waitFor(t, async () => expect(new Set((await logs(t, 'client')).trim().split('\n'))).toEqual(new Set(names)));
  });

  it('answers on a LoadBalancer external IP and its allocated NodePort', async () => {
    await t.client.create(SERVICES, 'default', { ...SERVICE, metadata: { name: 'public', namespace: 'default' }, spec: { ...SERVICE.spec, type: 'LoadBalancer' } });
    const service = await waitFor(t, async () => {
      const current = await t.client.get<Service>(SERVICES, 'default', 'public');
      expect(current.status?.loadBalancer?.ingress?.[0]?.ip).toBeDefined();
      return current;
    });
    const external = service.status?.loadBalancer?.ingress?.[0]?.ip;
    const nodePort = service.spec.ports?.[0].nodePort;
    for (const url of [`http://${external}`, `http://172.18.0.4:${nodePort}`]) {
      const seen = new Set<string>();
      for (let i = 0; i < 30; i++) seen.add(await shell.run(`curl -s ${url}`));
      expect([...seen].sort()).toEqual(names);
    }
  });

  it('stops sending to a pod once its readiness probe fails', async () => {
    const [unready, ...rest] = names;
    const marked = await t.kubectl(['exec', unready, '--', 'touch', '/tmp/unready']);
    expect(marked.code, marked.stderr).toBe(0);
    await waitFor(t, async () => {
      const pod = await t.client.get<Pod>(PODS, 'default', unready);
      expect(pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
      expect([...(await answers(20))].sort()).toEqual(rest);
    });
  });
});
