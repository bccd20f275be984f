// Service links as a container sees them: a pod gets the variables of the services in its
// namespace when it starts, including services created after the node came up, and none but the
// API server's with enableServiceLinks false.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod, Service } from '../../../src/api/core';
import { findResource } from '../../../src/api/scheme';
import { eventually, startTestCluster, type TestCluster } from '../../../test/support/node-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const SERVICES = findResource('', 'v1', 'services')!;

function service(name: string, port: number): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port, targetPort: port }] } };
}

function envPod(name: string, enableServiceLinks = true): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { enableServiceLinks, containers: [{ name: 'env', image: 'busybox', command: ['sh', '-c', 'env; echo END; sleep 3600'] }] },
  };
}

describe('service links', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({ workers: 1 });
  }, 60_000);

  afterAll(async () => {
    await t?.shutdown();
  });

  async function environmentOf(pod: Pod): Promise<string> {
    await t.client.create(PODS, 'default', pod);
    return eventually(t.clock, async () => {
      const logs = await t.kubectl(`logs ${pod.metadata.name}`);
      expect(logs.stdout).toContain('END\n');
      return logs.stdout;
    });
  }

  it('gives a pod the variables of services created before it, even after the node came up', async () => {
    const web = await t.client.create<Service>(SERVICES, 'default', service('web', 80));
    const first = await environmentOf(envPod('first'));
    console.log("FIRST", first.split("\n").filter((l) => l.includes("SERVICE_HOST")));
    expect(first).toContain(`WEB_SERVICE_HOST=${web.spec.clusterIP}\n`);
    expect(first).toContain('WEB_SERVICE_PORT=80\n');
    const api = await t.client.create<Service>(SERVICES, 'default', service('api', 8080));
    const second = await environmentOf(envPod('second'));
    expect(second).toContain(`API_SERVICE_HOST=${api.spec.clusterIP}\n`);
    expect(second).toContain(`WEB_SERVICE_HOST=${web.spec.clusterIP}\n`);
  }, 60_000);

  it('leaves out all but the API server when enableServiceLinks is false', async () => {
    const environment = await environmentOf(envPod('unlinked', false));
    expect(environment).not.toContain('WEB_SERVICE_HOST');
    expect(environment).toContain('KUBERNETES_SERVICE_PORT=443\n');
  }, 60_000);
});
