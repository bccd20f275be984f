// Probes on real worker nodes with the manual clock: the Kubernetes docs' liveness example
// (exec `cat /tmp/healthy`), HTTP liveness failures (a 500, a refused connection), readiness
// driving the container's ready flag and the pod's conditions, tcpSocket readiness, and a
// startup probe holding liveness and readiness back until it passes.

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/core';
import { useTestCluster } from '../support/use-test-cluster';
import { createPod, eventCount, podEvents, podObject, waitFor, waitForPod, waitForRunning } from '../support/pod-fixtures';

const NODE = 'kubetab-worker';
/** Small clock steps: an exec probe's one-second timeout must cover a process's real run. */
const SLOW_STEPS = { stepMs: 200, maxSteps: 1000 };

function condition(pod: Pod, type: string): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === type)?.status;
}

describe('probes', () => {
  const t = useTestCluster();

  it('restarts the docs liveness example once /tmp/healthy is gone, with its events', async () => {
    await createPod(
      t,
      podObject(
        'liveness-exec',
        {
          nodeName: NODE,
          containers: [
            {
              name: 'liveness',
              image: 'registry.k8s.io/busybox',
              args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
              livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
            },
          ],
        },
        { test: 'liveness' },
      ),
    );
    const running = await waitForRunning(t, 'liveness-exec');
    const startedAt = Date.parse(running.status?.containerStatuses?.[0].state?.running?.startedAt ?? '');
    await waitForPod(t, 'liveness-exec', (pod) => expect(pod.status?.containerStatuses?.[0].restartCount).toBe(1), SLOW_STEPS);
    const events = await podEvents(t, 'liveness-exec');
    expect(events).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(events).toContain('Killing: Container liveness failed liveness probe, will be restarted');
    expect(events.indexOf('Killing: Container liveness failed liveness probe, will be restarted')).toBeGreaterThan(events.findIndex((e) => e.startsWith('Unhealthy:')));
    expect(await eventCount(t, 'liveness-exec', "Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n")).toBeGreaterThanOrEqual(3);
    const pod = await waitForPod(t, 'liveness-exec', (p) => expect(p.status?.containerStatuses?.[0].lastState?.terminated).toBeDefined());
    const last = pod.status?.containerStatuses?.[0].lastState?.terminated;
    expect(last?.exitCode).toBe(137);
    expect(Date.parse(last?.finishedAt ?? '') - startedAt).toBeGreaterThanOrEqual((30 + 10 + 30) * 1000);
  });

  it('reports an HTTP liveness failure with the status code, and a refused connection in Go words', async () => {
    await createPod(
      t,
      podObject('liveness-http', {
        nodeName: NODE,
        containers: [
          {
            name: 'agnhost',
            image: 'registry.k8s.io/e2e-test-images/agnhost:2.39',
            args: ['liveness'],
            livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 3, timeoutSeconds: 5 },
          },
          {
            name: 'web',
            image: 'nginx',
            livenessProbe: { httpGet: { path: '/', port: 81 }, periodSeconds: 3, failureThreshold: 100, timeoutSeconds: 5 },
          },
        ],
      }),
    );
    const running = await waitForRunning(t, 'liveness-http');
    const ip = running.status?.podIP;
    await waitForPod(t, 'liveness-http', (pod) => expect(pod.status?.containerStatuses?.[0].restartCount).toBeGreaterThanOrEqual(1), { maxSteps: 400 });
    const events = await podEvents(t, 'liveness-http');
    expect(events).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(events).toContain('Killing: Container agnhost failed liveness probe, will be restarted');
    expect(events).toContain(`Unhealthy: Liveness probe failed: Get "http://${ip}:81/": dial tcp ${ip}:81: connect: connection refused`);
  });

  it('makes the pod Ready only while its readiness probe passes', async () => {
    await createPod(
      t,
      podObject('readiness', {
        nodeName: NODE,
        containers: [
          {
            name: 'toggler',
            image: 'busybox',
            command: ['sh', '-c', 'sleep 15; touch /tmp/ready; sleep 30; rm /tmp/ready; sleep 3600'],
            readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 2, failureThreshold: 1, timeoutSeconds: 5 },
          },
          { name: 'web', image: 'nginx', readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 2, timeoutSeconds: 5 } },
        ],
      }),
    );
    const notReady = await waitForPod(t, 'readiness', (pod) => {
      expect(pod.status?.phase).toBe('Running');
      expect(pod.status?.containerStatuses?.find((c) => c.name === 'web')?.ready).toBe(true);
      expect(pod.status?.containerStatuses?.find((c) => c.name === 'toggler')?.ready).toBe(false);
    });
    expect(condition(notReady, 'Ready')).toBe('False');
    expect(notReady.status?.conditions?.find((c) => c.type === 'ContainersReady')?.message).toBe('containers with unready status: [toggler]');
    const ready = await waitForPod(t, 'readiness', (p) => expect(condition(p, 'Ready')).toBe('True'));
    expect(condition(ready, 'ContainersReady')).toBe('True');
    await waitForPod(t, 'readiness', (p) => expect(condition(p, 'Ready')).toBe('False'));
    expect(await podEvents(t, 'readiness')).toContain("Unhealthy: Readiness probe failed: cat: can't open '/tmp/ready': No such file or directory\n");
  });

  it('reports a failing HTTP readiness probe with its status code', async () => {
    await createPod(
      t,
      podObject('readiness-http', {
        nodeName: NODE,
        containers: [{ name: 'web', image: 'nginx', readinessProbe: { httpGet: { path: '/missing.html', port: 80 }, periodSeconds: 2, timeoutSeconds: 5 } }],
      }),
    );
    await waitForPod(t, 'readiness-http', (pod) => expect(pod.status?.phase).toBe('Running'));
    await waitFor(t, async () => expect(await podEvents(t, 'readiness-http')).toContain('Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 404'));
    const pod = await waitForPod(t, 'readiness-http', (p) => expect(p.status?.containerStatuses?.[0].ready).toBe(false));
    expect(condition(pod, 'Ready')).toBe('False');
  });

  it('holds liveness and readiness back until the startup probe passes', async () => {
    await createPod(
      t,
      podObject('startup', {
        nodeName: NODE,
        containers: [
          {
            name: 'slow',
            image: 'busybox',
            command: ['sh', '-c', 'sleep 20; touch /tmp/started; sleep 3600'],
            startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5, failureThreshold: 10, timeoutSeconds: 5 },
            livenessProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 5, timeoutSeconds: 5 },
            readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5, timeoutSeconds: 5 },
          },
        ],
      }),
    );
    const starting = await waitForRunning(t, 'startup');
    expect(starting.status?.containerStatuses?.[0]).toMatchObject({ started: false, ready: false });
    const started = await waitForPod(t, 'startup', (pod) => expect(pod.status?.containerStatuses?.[0].ready).toBe(true), { maxSteps: 200 });
    expect(started.status?.containerStatuses?.[0]).toMatchObject({ started: true, restartCount: 0 });
    const events = await podEvents(t, 'startup');
    expect(await eventCount(t, 'startup', "Unhealthy: Startup probe failed: cat: can't open '/tmp/started': No such file or directory\n")).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.startsWith('Unhealthy: Liveness') || e.startsWith('Unhealthy: Readiness'))).toEqual([]);
  });

  it('restarts a container whose startup probe never passes', async () => {
    await createPod(
      t,
      podObject('never-starts', {
        nodeName: NODE,
        terminationGracePeriodSeconds: 5,
        containers: [
          {
            name: 'stuck',
            image: 'busybox:1.36',
            command: ['sleep', '3600'],
            startupProbe: { exec: { command: ['false'] }, periodSeconds: 2, failureThreshold: 2, timeoutSeconds: 5 },
          },
        ],
      }),
    );
    await waitForPod(t, 'never-starts', (pod) => expect(pod.status?.containerStatuses?.[0].restartCount).toBeGreaterThanOrEqual(1), { maxSteps: 400 });
    const events = await podEvents(t, 'never-starts');
    expect(events).toContain('Unhealthy: Startup probe failed: ');
    expect(events).toContain('Killing: Container stuck failed startup probe, will be restarted');
  });

  it('fails an exec probe that outlives its timeout', async () => {
    await createPod(
      t,
      podObject('slow-probe', {
        nodeName: NODE,
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], readinessProbe: { exec: { command: ['sleep', '30'] }, periodSeconds: 60, timeoutSeconds: 2 } }],
      }),
    );
    await waitForRunning(t, 'slow-probe');
    await waitFor(t, async () => expect(await podEvents(t, 'slow-probe')).toContain('Unhealthy: Readiness probe failed: command "sleep 30" timed out'));
  });
});
