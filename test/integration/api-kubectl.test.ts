// The real kubectl (v1.32) against kubetab's API over HTTP, for what only it can prove: that it
// finds server-side field validation in the OpenAPI v3 documents, computes client-side strategic
// merge patches for apply from them, explains fields from them, sends protobuf bodies the server
// reads (create deployment, auth can-i, drain's evictions), and prints what a real cluster makes
// it print.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import type { ApiTransport } from '../../src/apiserver/request';
import type { ClusterClock } from '../../src/cluster/clock';
import { startBridge, type Bridge } from '../../src/cli/http-bridge';
import { kubeconfig } from '../../src/cli/kubeconfig';
import { startTestApi } from '../support/api-server';
import { startTestCluster, type TestCluster } from '../support/node-cluster';

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

interface Kubectl {
  run(args: string[], files?: Record<string, string>): Promise<Result>;
  close(): Promise<void>;
}

async function kubectlAgainst(api: ApiTransport): Promise<Kubectl> {
  const bridge: Bridge = await startBridge({ api });
  const home = await mkdtemp(join(tmpdir(), 'kubetab-api-'));
  await writeFile(join(home, 'kubeconfig'), kubeconfig(bridge.url));
  const env = { ...process.env, KUBECONFIG: join(home, 'kubeconfig'), KUBECACHEDIR: join(home, 'cache'), HOME: home, TZ: 'UTC', KUBECTL_KUBERC: 'false' };
  return {
    async run(args, files = {}) {
      for (const [name, text] of Object.entries(files)) await writeFile(join(home, name), text);
      return new Promise((done) => {
        execFile('kubectl', args, { cwd: home, env, timeout: 60_000 }, (error, stdout, stderr) => done({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : -1) : 0 }));
      });
    },
    async close() {
      await bridge.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** Moves a manual clock on while `work` runs, for commands that wait for the cluster. */
async function pumping<T>(clock: ClusterClock, work: Promise<T>): Promise<T> {
  let done = false;
  const result = work.finally(() => (done = true));
  while (!done) {
    await clock.advance(500);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return result;
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p1
spec:
  containers:
  - name: c
    image: nginx
    foo: bar
`;

const DEPLOYMENT = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  strategy:
    type: Recreate
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
`;

describe('the real kubectl against the API', () => {
  let k: Kubectl;
  beforeAll(async () => {
    const t = await startTestApi();
    k = await kubectlAgainst(t.server);
  });
  afterAll(async () => {
    await k?.close();
  });

  it('refuses unknown fields server-side with the strict decoding error, and warns under --validate=warn', async () => {
    const strict = await k.run(['apply', '-f', 'pod.yaml'], { 'pod.yaml': POD });
    expect(strict).toMatchObject({
      code: 1,
      stderr: 'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].foo"\n',
    });
    const warned = await k.run(['apply', '-f', 'pod.yaml', '--validate=warn']);
    expect(warned).toEqual({ code: 0, stdout: 'pod/p1 created\n', stderr: 'Warning: unknown field "spec.containers[0].foo"\n' });
  });

  it('applies with client-side strategic merge: created, unchanged, configured', async () => {
    expect((await k.run(['apply', '-f', 'web.yaml'], { 'web.yaml': DEPLOYMENT(2, 'nginx:1.27') })).stdout).toBe('deployment.apps/web created\n');
    expect((await k.run(['apply', '-f', 'web.yaml'])).stdout).toBe('deployment.apps/web unchanged\n');
    expect((await k.run(['apply', '-f', 'web.yaml'], { 'web.yaml': DEPLOYMENT(3, 'nginx:1.28') })).stdout).toBe('deployment.apps/web configured\n');
    const spec = JSON.parse((await k.run(['get', 'deploy', 'web', '-o', 'jsonpath={.spec}'])).stdout);
    expect(spec).toMatchObject({ replicas: 3, strategy: { type: 'Recreate' }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28', ports: [{ containerPort: 80, protocol: 'TCP' }] }] } } });
    expect(spec.strategy.rollingUpdate).toBeUndefined();
  });

  it('explains fields from the OpenAPI v3 documents', async () => {
    const explained = await k.run(['explain', 'pods.spec.containers.ports']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/^KIND:\s+Pod\nVERSION:\s+v1\n\nFIELD: ports <\[\]ContainerPort>\n/);
    expect(explained.stdout).toMatch(/\n {2}containerPort\t<integer> -required-\n/);
    const recursive = await k.run(['explain', 'deployment.spec.strategy', '--recursive']);
    expect(recursive.stdout).toMatch(/GROUP:\s+apps\nKIND:\s+Deployment\nVERSION:\s+v1/);
    expect(recursive.stdout).toMatch(/ {2}rollingUpdate\t<RollingUpdateDeployment>\n {4}maxSurge\t<IntOrString>\n {4}maxUnavailable\t<IntOrString>\n {2}type\t<string>/);
  });

  it('creates from generators that send protobuf, and reads the same objects back', async () => {
    expect((await k.run(['create', 'deployment', 'gen', '--image=nginx:1.27', '--replicas=2', '--port=80'])).stdout).toBe('deployment.apps/gen created\n');
    expect((await k.run(['create', 'job', 'pi', '--image=perl', '--', 'perl', '-e', 'print 1'])).stdout).toBe('job.batch/pi created\n');
    expect((await k.run(['create', 'configmap', 'cm', '--from-literal=a=b'])).stdout).toBe('configmap/cm created\n');
    const job = JSON.parse((await k.run(['get', 'job', 'pi', '-o', 'json'])).stdout);
    expect(job.spec.template.metadata.labels['batch.kubernetes.io/job-name']).toBe('pi');
    expect((await k.run(['get', 'deploy', 'gen', '-o', 'jsonpath={.spec.template.spec.containers[0].ports[0].protocol}'])).stdout).toBe('TCP');
  });

  it('scales through the scale subresource and answers auth can-i', async () => {
    expect((await k.run(['scale', 'deploy', 'gen', '--replicas=4'])).stdout).toBe('deployment.apps/gen scaled\n');
    expect((await k.run(['get', 'deploy', 'gen', '-o', 'jsonpath={.spec.replicas}'])).stdout).toBe('4');
    expect(await k.run(['auth', 'can-i', 'create', 'pods'])).toEqual({ code: 0, stdout: 'yes\n', stderr: '' });
  });

  it('exposes a deployment as a NodePort service with allocated addresses', async () => {
    expect((await k.run(['expose', 'deploy', 'gen', '--port=80', '--type=NodePort'])).stdout).toBe('service/gen exposed\n');
    const table = await k.run(['get', 'svc', 'gen', '--no-headers']);
    expect(table.stdout).toMatch(/^gen\s+NodePort\s+10\.(9[6-9]|10\d|11[01])\.\d+\.\d+\s+<none>\s+80:3\d{4}\/TCP\s+\d+s\n$/);
  });
});

describe('the real kubectl draining a node of a real cluster', () => {
  let t: TestCluster;
  let k: Kubectl;
  beforeAll(async () => {
    t = await startTestCluster();
    k = await kubectlAgainst(t.cluster.apiServer);
  });
  afterAll(async () => {
    await k?.close();
    await t?.shutdown();
  });

  it('cordons and evicts the pods of the node', async () => {
    const PODS = findResource('', 'v1', 'pods')!;
    await t.kubectl('run bare --image=nginx');
    const pod = await pumping(
      t.clock,
      (async () => {
        for (;;) {
          const current = await t.client.get<Pod>(PODS, 'default', 'bare');
          if (current.status?.phase === 'Running') return current;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })(),
    );
    const node = pod.spec.nodeName ?? '';
    const drained = await pumping(t.clock, k.run(['drain', node, '--force', '--ignore-daemonsets', '--timeout=120s']));
    expect(drained.code).toBe(0);
    expect(drained.stdout).toBe(`node/${node} cordoned\nevicting pod default/bare\npod/bare evicted\nnode/${node} drained\n`);
    expect((await k.run(['get', 'node', node, '--no-headers'])).stdout).toMatch(/Ready,SchedulingDisabled/);
  });
});
