// What the kubelet gives a container from the API on real worker nodes: environment from a
// ConfigMap (envFrom and valueFrom), a configMap volume that follows updates to its ConfigMap
// while the container runs (within the kubelet's sync period), the kubelet-managed
// /etc/resolv.conf and /etc/hosts, and admission refusing a pod that does not fit its node.

import { beforeAll, describe, expect, it } from 'vitest';
import type { ConfigMap, Node } from '../../src/api/core';
import { useTestCluster } from '../support/use-test-cluster';
import { CONFIG_MAPS, createPod, logs, NODES, podEvents, podObject, waitFor, waitForPod, waitForRunning } from '../support/pod-fixtures';

const NODE = 'kubetab-worker3';

describe('kubelet: configuration, files and admission', () => {
  const t = useTestCluster();

  beforeAll(async () => {
    const settings: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { GREETING: 'hello', color: 'blue' } };
    await t.client.create(CONFIG_MAPS, 'default', settings);
  });

  it('sets environment variables from a ConfigMap', async () => {
    await createPod(
      t,
      podObject('env', {
        nodeName: NODE,
        restartPolicy: 'Never',
        containers: [
          {
            name: 'app',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'echo "$GREETING $FAVOURITE $CFG_color"'],
            envFrom: [{ configMapRef: { name: 'settings' }, prefix: 'CFG_' }, { configMapRef: { name: 'settings' } }],
            env: [{ name: 'FAVOURITE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'color' } } }],
          },
        ],
      }),
    );
    await waitForPod(t, 'env', (pod) => expect(pod.status?.phase).toBe('Succeeded'));
    expect(await logs(t, 'env')).toBe('hello blue blue\n');
  });

  it('updates a configMap volume in a running container when the ConfigMap changes', async () => {
    await createPod(
      t,
      podObject('watcher', {
        nodeName: NODE,
        volumes: [{ name: 'config', configMap: { name: 'settings' } }],
        containers: [
          {
            name: 'app',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'while true; do echo "color=$(cat /etc/config/color)"; sleep 5; done'],
            volumeMounts: [{ name: 'config', mountPath: '/etc/config' }],
          },
        ],
      }),
    );
    await waitForRunning(t, 'watcher');
    await waitFor(t, async () => expect(await logs(t, 'watcher')).toContain('color=blue\n'));
    const current = await t.client.get<ConfigMap>(CONFIG_MAPS, 'default', 'settings');
    await t.client.update(CONFIG_MAPS, { ...current, data: { ...current.data, color: 'green' } });
    const updatedAt = t.clock.now();
    await waitFor(t, async () => expect(await logs(t, 'watcher')).toContain('color=green\n'), { maxSteps: 400 });
    expect(t.clock.now() - updatedAt).toBeLessThanOrEqual(100_000);
  });

  it('writes resolv.conf for cluster DNS and a hosts file with the pod name', async () => {
    const pod = await createPod(
      t,
      podObject('dns-files', {
        nodeName: NODE,
        restartPolicy: 'Never',
        hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.local', 'bar.local'] }],
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'cat /etc/resolv.conf /etc/hosts'] }],
      }),
    );
    const done = await waitForPod(t, 'dns-files', (p) => expect(p.status?.phase).toBe('Succeeded'));
    expect(pod.metadata.name).toBe('dns-files');
    expect(await logs(t, 'dns-files')).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' +
        '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\n' +
        `fe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${done.status?.podIP}\tdns-files\n\n# Entries added by HostAliases.\n10.1.2.3\tfoo.local\tbar.local\n`,
    );
  });

  it('refuses a pod bound to a node without room for it: Failed, OutOfcpu', async () => {
    await createPod(t, podObject('too-big', { nodeName: NODE, containers: [{ name: 'app', image: 'busybox:1.36', resources: { requests: { cpu: '8' } } }] }));
    const pod = await waitForPod(t, 'too-big', (p) => expect(p.status?.phase).toBe('Failed'));
    expect(pod.status?.reason).toBe('OutOfcpu');
    expect(pod.status?.message).toMatch(/^Pod was rejected: Node didn't have enough resource: cpu, requested: 8000, used: \d+, capacity: 4000$/);
    expect((await podEvents(t, 'too-big'))[0]).toMatch(/^OutOfcpu: Node didn't have enough resource: cpu, requested: 8000/);
  });

  it('reports pulled images in node status, largest first', async () => {
    const node = await waitFor(t, async () => {
      const current = await t.client.get<Node>(NODES, undefined, NODE);
      expect(current.status?.images?.length).toBeGreaterThan(0);
      return current;
    });
    expect(node.status?.images?.[0]).toEqual({ names: [expect.stringMatching(/^docker\.io\/library\/busybox@sha256:[0-9a-f]{64}$/), 'docker.io/library/busybox:1.36'], sizeBytes: 2_155_471 });
  });
});
