// Lifecycle hooks and native sidecars on real worker nodes with the manual clock: postStart
// runs before the container counts as started and its failure kills the container with
// upstream's events; preStop runs before SIGTERM and within the grace period (exec and sleep);
// sidecars start in order before the app container (the next waits for a sidecar's startup
// probe) and stop after it, in reverse order.

import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../src/api/core';
import { type TestCluster } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';
import { createPod, logs, podEvents, podObject, PODS, waitFor, waitForPod, waitForRunning } from '../support/pod-fixtures';

const NODE = 'kubetab-worker2';
/** Small clock steps, so a hook's process runs in the cluster time it would really take. */
const SLOW_STEPS = { stepMs: 200, maxSteps: 1000 };

/** Watches a pod until it is deleted; resolves with its last status. */
async function lastStatusBeforeDeletion(t: TestCluster, name: string): Promise<Pod> {
  let last: Pod | undefined;
  let deleted!: () => void;
  const gone = new Promise<void>((resolve) => (deleted = resolve));
  const watch = await t.client.watch<Pod>(PODS, 'default', { fieldSelector: `metadata.name=${name}` }, (event) => {
    if (event.type === 'DELETED') deleted();
    else last = event.object;
  });
  await t.client.delete(PODS, 'default', name);
  let isGone = false;
  void gone.then(() => (isGone = true));
  await waitFor(t, async () => expect(isGone).toBe(true), SLOW_STEPS);
  watch.stop();
  return last as Pod;
}

function finishedAt(status: ContainerStatus | undefined): number {
  return Date.parse(status?.state?.terminated?.finishedAt ?? '');
}

describe('lifecycle hooks and sidecars', () => {
  const t = useTestCluster();

  it('runs postStart before the container counts as running', async () => {
    await createPod(
      t,
      podObject('post-start', {
        nodeName: NODE,
        containers: [
          {
            name: 'app',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'while [ ! -f /tmp/hooked ]; do sleep 1; done; cat /tmp/hooked; sleep 3600'],
            lifecycle: { postStart: { exec: { command: ['sh', '-c', 'sleep 5; echo hook ran > /tmp/hooked'] } } },
          },
        ],
      }),
    );
    const creating = await waitForPod(t, 'post-start', (pod) => expect(pod.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ContainerCreating'));
    expect(creating.status?.phase).toBe('Pending');
    await waitFor(t, async () => expect(await podEvents(t, 'post-start')).toContain('Started: Started container app'));
    const running = await waitForRunning(t, 'post-start');
    expect(running.status?.containerStatuses?.[0].restartCount).toBe(0);
    await waitFor(t, async () => expect(await logs(t, 'post-start')).toBe('hook ran\n'));
  });

  it('kills a container whose postStart hook fails, with upstream events', async () => {
    const pod = await createPod(
      t,
      podObject('post-start-fails', {
        nodeName: NODE,
        terminationGracePeriodSeconds: 3,
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { postStart: { exec: { command: ['sh', '-c', 'echo nope; exit 3'] } } } }],
      }),
    );
    await waitForPod(t, 'post-start-fails', (p) => expect(p.status?.containerStatuses?.[0].restartCount).toBeGreaterThanOrEqual(1));
    const events = await podEvents(t, 'post-start-fails');
    const podName = `post-start-fails_default(${pod.metadata.uid})`;
    expect(events).toContain(
      `FailedPostStartHook: Exec lifecycle hook ([sh -c echo nope; exit 3]) for Container "app" in Pod "${podName}" failed - error: command 'sh -c echo nope; exit 3' exited with 3: , message: "nope\\n"`,
    );
    expect(events).toContain('Killing: FailedPostStartHook');
  });

  it('runs preStop before SIGTERM, within the grace period', async () => {
    await createPod(
      t,
      podObject('pre-stop', {
        nodeName: NODE,
        terminationGracePeriodSeconds: 30,
        containers: [
          {
            name: 'app',
            image: 'busybox:1.36',
            command: ['sh', '-c', "trap 'echo SIGTERM; exit 0' TERM; while true; do if [ -f /tmp/draining ]; then echo draining; rm /tmp/draining; fi; sleep 1; done"],
            lifecycle: { preStop: { exec: { command: ['sh', '-c', 'touch /tmp/draining; sleep 5'] } } },
          },
          { name: 'napper', image: 'busybox:1.36', command: ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"], lifecycle: { preStop: { sleep: { seconds: 8 } } } },
        ],
      }),
    );
    await waitForRunning(t, 'pre-stop');
    const ending = lastStatusBeforeDeletion(t, 'pre-stop');
    const beforeSigterm = await waitFor(t, async () => {
      const text = await logs(t, 'pre-stop', 'app');
      expect(text).toContain('draining\n');
      return text;
    }, SLOW_STEPS);
    expect(beforeSigterm).not.toContain('SIGTERM');
    const last = await ending;
    const deletedAt = Date.parse(last.metadata.deletionTimestamp ?? '') - (last.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
    const statuses = last.status?.containerStatuses ?? [];
    const app = statuses.find((s) => s.name === 'app');
    const napper = statuses.find((s) => s.name === 'napper');
    expect(app?.state?.terminated?.exitCode).toBe(0);
    expect(napper?.state?.terminated?.exitCode).toBe(0);
    expect(finishedAt(app) - deletedAt).toBeGreaterThanOrEqual(5000);
    expect(finishedAt(napper) - deletedAt).toBeGreaterThanOrEqual(8000);
    expect(await podEvents(t, 'pre-stop')).toEqual(expect.arrayContaining(['Killing: Stopping container app', 'Killing: Stopping container napper']));
  });

  it('reports a failing preStop hook and still stops the container', async () => {
    await createPod(
      t,
      podObject('pre-stop-fails', {
        nodeName: NODE,
        terminationGracePeriodSeconds: 5,
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], lifecycle: { preStop: { httpGet: { path: '/quit', port: 8080 } } } }],
      }),
    );
    await waitForRunning(t, 'pre-stop-fails');
    await lastStatusBeforeDeletion(t, 'pre-stop-fails');
    expect(await podEvents(t, 'pre-stop-fails')).toContain('FailedPreStopHook: PreStopHook failed');
  });

  it('starts sidecars in order before the app and stops them after it, in reverse', async () => {
    await createPod(
      t,
      podObject('sidecars', {
        nodeName: NODE,
        terminationGracePeriodSeconds: 20,
        initContainers: [
          {
            name: 'proxy',
            image: 'busybox:1.36',
            restartPolicy: 'Always',
            command: ['sh', '-c', "trap 'sleep 6; exit 0' TERM; sleep 8; touch /tmp/up; while true; do sleep 1; done"],
            startupProbe: { exec: { command: ['cat', '/tmp/up'] }, periodSeconds: 2, failureThreshold: 30, timeoutSeconds: 5 },
          },
          { name: 'setup', image: 'busybox:1.36', command: ['echo', 'setup done'] },
          { name: 'logger', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sh', '-c', "trap 'sleep 6; exit 0' TERM; echo trapped; while true; do sleep 1; done"] },
        ],
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', "trap 'sleep 3; exit 0' TERM; echo trapped; while true; do sleep 1; done"] }],
      }),
    );
    const running = await waitForPod(t, 'sidecars', (pod) => {
      expect(pod.status?.phase).toBe('Running');
      expect(pod.status?.containerStatuses?.[0].state?.running).toBeDefined();
    });
    const init = running.status?.initContainerStatuses ?? [];
    expect(init.map((s) => s.name)).toEqual(['proxy', 'setup', 'logger']);
    const proxyStarted = Date.parse(init[0].state?.running?.startedAt ?? '');
    const setupStarted = Date.parse(init[1].state?.terminated?.startedAt ?? '');
    expect(setupStarted - proxyStarted).toBeGreaterThanOrEqual(8000);
    expect(Date.parse(running.status?.containerStatuses?.[0].state?.running?.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(init[2].state?.running?.startedAt ?? ''));
    // A PID 1 without a SIGTERM handler ignores SIGTERM, so delete only once both traps are set.
    for (const container of ['logger', 'app']) await waitFor(t, async () => expect(await logs(t, 'sidecars', container)).toContain('trapped'));
    const last = await lastStatusBeforeDeletion(t, 'sidecars');
    const app = last.status?.containerStatuses?.[0];
    const [proxy, , logger] = last.status?.initContainerStatuses ?? [];
    expect(finishedAt(logger)).toBeGreaterThanOrEqual(finishedAt(app) + 3000);
    expect(finishedAt(proxy)).toBeGreaterThanOrEqual(finishedAt(logger) + 3000);
  });

  it('stops sidecars once a run-to-completion pod is done, and the pod succeeds', async () => {
    await createPod(
      t,
      podObject('job-like', {
        nodeName: NODE,
        restartPolicy: 'Never',
        initContainers: [{ name: 'helper', image: 'busybox:1.36', restartPolicy: 'Always', command: ['sleep', '3600'] }],
        containers: [{ name: 'work', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3; echo done'] }],
      }),
    );
    const done = await waitForPod(t, 'job-like', (pod) => expect(pod.status?.phase).toBe('Succeeded'), { maxSteps: 400 });
    expect(done.status?.initContainerStatuses?.[0].state?.terminated).toBeDefined();
    expect(await podEvents(t, 'job-like')).toContain('Killing: Stopping container helper');
  });
});
