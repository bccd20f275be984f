// A pod's life on a real worker node with the manual clock: crash-loop back-off doubling from
// 10 s and starting afresh after ten minutes of running, image pull failures and their
// back-off, a configuration error, init containers in order, phases by restart policy, the
// node's Lease heartbeats, and admission by the node's labels as they are now. Upstream: pkg/kubelet (kuberuntime_manager.go doBackOff,
// images/image_manager.go, status/generate.go) and client-go util/flowcontrol/backoff.go.

import { describe, expect, it } from 'vitest';
import type { Lease } from '../../src/api/apps';
import type { ContainerStatus, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { type TestCluster } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';
import { createPod, eventCount, NODES, podEvents, podObject, PODS, waitFor, waitForPod } from '../support/pod-fixtures';

const NODE = 'kubetab-worker';
const LEASES = findResource('coordination.k8s.io', 'v1', 'leases')!;

/** One state the container showed: `Running`, its termination or waiting reason, from a cluster time. */
interface Shown {
  state: string;
  restarts: number;
  at: number;
}

/**
 * Follows a pod's first container through the clock: the cluster time (ms) at which each run
 * started, taken from the watch as each new restart count appears, the waiting reasons it
 * showed once it had run, and each change of state it showed.
 */
async function runStarts(t: TestCluster, name: string): Promise<{ starts: number[]; waitingAfterARun: Set<string>; shown: Shown[]; stop: () => void }> {
  const starts: number[] = [];
  const waitingAfterARun = new Set<string>();
  const shown: Shown[] = [];
  const watch = await t.client.watch<Pod>(PODS, 'default', { fieldSelector: `metadata.name=${name}` }, (event) => {
    const status = event.object.status?.containerStatuses?.[0];
    const state = status?.state?.running ? 'Running' : (status?.state?.terminated?.reason ?? status?.state?.waiting?.reason ?? '');
    const last = shown.at(-1);
    if (status && (last?.state !== state || last.restarts !== status.restartCount)) shown.push({ state, restarts: status.restartCount, at: t.clock.now() });
    if (status?.state?.waiting && starts.length > 0) waitingAfterARun.add(status.state.waiting.reason ?? '');
    if (!status || !(status.state?.running || status.state?.terminated)) return;
    if (starts.length === status.restartCount) starts.push(t.clock.now());
  });
  return { starts, waitingAfterARun, shown, stop: () => watch.stop() };
}

/** The gaps between consecutive starts, in whole seconds. */
function gapsInSeconds(starts: number[]): number[] {
  return starts.slice(1).map((at, i) => Math.round((at - starts[i]) / 1000));
}

describe('a pod on its node', () => {
  const t = useTestCluster();

  it('restarts a crashing container at once, then after 10 s, 20 s and 40 s (at the failed sync retried 10 to 15 s later), showing Error, then CrashLoopBackOff from that retry', async () => {
    const follow = await runStarts(t, 'crasher');
    const pod = await createPod(t, podObject('crasher', { nodeName: NODE, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }] }));
    const waiting = await waitForPod(t, 'crasher', (p) => expect(p.status?.containerStatuses?.[0].restartCount).toBe(2), { stepMs: 250, maxSteps: 400 });
    const status = waiting.status?.containerStatuses?.[0];
    expect(status?.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    await waitForPod(t, 'crasher', (p) => expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('CrashLoopBackOff'), { stepMs: 250 });
    const backingOff = await t.client.get<Pod>(PODS, 'default', 'crasher');
    expect(backingOff.status?.phase).toBe('Running');
    expect(backingOff.status?.containerStatuses?.[0].state?.waiting?.message).toBe(`back-off 20s restarting failed container=app pod=crasher_default(${pod.metadata.uid})`);
    await waitForPod(t, 'crasher', (p) => expect(p.status?.containerStatuses?.[0].restartCount).toBe(4), { stepMs: 250, maxSteps: 600 });
    follow.stop();
    const gaps = gapsInSeconds(follow.starts);
    expect(gaps[0]).toBeLessThanOrEqual(1);
    // The pod worker retries a sync that left the container backing off 10 s plus up to 5 s
    // later, and restarts it at the first retry after the back-off has run out.
    for (const [gap, backoff] of [
      [gaps[1], 10],
      [gaps[2], 20],
      [gaps[3], 40],
    ]) {
      expect(gap).toBeGreaterThanOrEqual(backoff);
      expect(gap).toBeLessThanOrEqual(backoff + 15);
    }
    // After the second run's crash the status shows the termination; CrashLoopBackOff only
    // from the retried sync, 10 to 15 s on.
    const afterSecondRun = follow.shown.filter((s) => s.restarts === 1 && s.state !== 'Running').map((s) => s.state);
    expect(afterSecondRun).toEqual(['Error', 'CrashLoopBackOff']);
    const [crashed, backoffShown] = follow.shown.filter((s) => s.restarts === 1 && s.state !== 'Running');
    expect(backoffShown.at - crashed.at).toBeGreaterThanOrEqual(10_000);
    expect(backoffShown.at - crashed.at).toBeLessThanOrEqual(15_500);
    expect(await eventCount(t, 'crasher', `BackOff: Back-off restarting failed container app in pod crasher_default(${pod.metadata.uid})`)).toBeGreaterThanOrEqual(3);
    // Between a crash and its restart the container shows its termination (kubectl: Error), not ContainerCreating.
    expect([...follow.waitingAfterARun]).toEqual(['CrashLoopBackOff']);
  });

  it('starts the back-off afresh for a container that ran ten minutes before it crashed', async () => {
    const script = 'n=$(cat /data/runs 2>/dev/null || echo 0); n=$((n+1)); echo $n > /data/runs; [ $n -eq 4 ] && sleep 660; exit 1';
    const follow = await runStarts(t, 'steady');
    await createPod(
      t,
      podObject('steady', {
        nodeName: NODE,
        volumes: [{ name: 'data', emptyDir: {} }],
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', script], volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
      }),
    );
    await waitForPod(t, 'steady', (p) => expect(p.status?.containerStatuses?.[0].restartCount).toBe(3), { stepMs: 250, maxSteps: 600 });
    await waitForPod(t, 'steady', (p) => expect(p.status?.containerStatuses?.[0].restartCount).toBe(4), { stepMs: 2000, maxSteps: 600 });
    follow.stop();
    const [, afterSecond, afterThird, afterLongRun] = gapsInSeconds(follow.starts);
    expect(afterSecond).toBeGreaterThanOrEqual(10);
    expect(afterThird).toBeGreaterThanOrEqual(20);
    // The fourth run lasted 660 s: over twice the 300 s maximum since the last back-off
    // decision, so it restarts at once instead of after 40 s.
    expect(afterLongRun).toBeGreaterThanOrEqual(660);
    expect(afterLongRun).toBeLessThanOrEqual(664);
  });

  it('reports a missing image as ErrImagePull, then ImagePullBackOff, with upstream events', async () => {
    await createPod(t, podObject('no-image', { nodeName: NODE, containers: [{ name: 'app', image: 'no-such-image:1.0' }] }));
    const failed = await waitForPod(t, 'no-image', (p) => expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ErrImagePull'));
    expect(failed.status?.phase).toBe('Pending');
    expect(failed.status?.containerStatuses?.[0].state?.waiting?.message).toContain('failed to pull and unpack image "docker.io/library/no-such-image:1.0"');
    await waitForPod(t, 'no-image', (p) => expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ImagePullBackOff'));
    const events = await podEvents(t, 'no-image');
    expect(events).toContain('Pulling: Pulling image "no-such-image:1.0"');
    expect(events).toContain('Failed: Error: ErrImagePull');
    expect(events).toContain('BackOff: Back-off pulling image "no-such-image:1.0"');
    expect(events).toContain('Failed: Error: ImagePullBackOff');
  });

  it('pulls an image it lacks in the time its size takes, and again (policy Always) in just the registry round trip', async () => {
    const pullTime = async (name: string) => {
      await createPod(t, podObject(name, { nodeName: NODE, containers: [{ name: 'web', image: 'nginx:1.27', imagePullPolicy: 'Always' }] }));
      await waitForPod(t, name, (p) => expect(p.status?.containerStatuses?.[0].state?.running).toBeDefined(), { stepMs: 50, maxSteps: 200 });
      const pulled = (await podEvents(t, name)).find((line) => line.startsWith('Pulled: '));
      return /in ([\d.]+)(m?s) \(/.exec(pulled ?? '')?.slice(1);
    };
    // nginx:1.27 is 72 MB: 400 ms to reach the registry, then its bytes.
    const [first, firstUnit] = (await pullTime('pull-first')) ?? [];
    expect(firstUnit).toBe('s');
    expect(Number(first)).toBeGreaterThan(2);
    // The node holds that digest now: the pull only asks the registry.
    const [second, secondUnit] = (await pullTime('pull-again')) ?? [];
    expect(secondUnit).toBe('ms');
    expect(Number(second)).toBeGreaterThanOrEqual(400);
    expect(Number(second)).toBeLessThan(450);
  });

  it('admits a pod by the labels its node has now, not those it started with', async () => {
    expect((await t.kubectl(['label', 'node', NODE, 'disk=ssd'])).stdout).toBe(`node/${NODE} labeled\n`);
    await createPod(t, podObject('on-ssd', { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] }));
    const running = await waitForPod(t, 'on-ssd', (p) => expect(p.status?.phase).toBe('Running'));
    expect(running.spec.nodeName).toBe(NODE);
  });

  it('waits as CreateContainerConfigError while a ConfigMap it needs is missing', async () => {
    await createPod(
      t,
      podObject('no-config', { nodeName: NODE, containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'], envFrom: [{ configMapRef: { name: 'absent' } }] }] }),
    );
    const waiting = await waitForPod(t, 'no-config', (p) => expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('CreateContainerConfigError'));
    expect(waiting.status?.containerStatuses?.[0].state?.waiting?.message).toBe('configmap "absent" not found');
    await waitFor(t, async () => expect(await podEvents(t, 'no-config')).toContain('Failed: Error: configmap "absent" not found'));
  });

  it('runs init containers one after another before the app, with the Initialized condition', async () => {
    await createPod(
      t,
      podObject('with-init', {
        nodeName: NODE,
        initContainers: [
          { name: 'first', image: 'busybox:1.36', command: ['sleep', '5'] },
          { name: 'second', image: 'busybox:1.36', command: ['sleep', '5'] },
        ],
        containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }],
      }),
    );
    const initializing = await waitForPod(t, 'with-init', (p) => expect(p.status?.initContainerStatuses?.[0].state?.running).toBeDefined(), { stepMs: 250 });
    expect(initializing.status?.initContainerStatuses?.[1].state?.waiting?.reason).toBe('PodInitializing');
    expect(initializing.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('PodInitializing');
    const condition = (p: Pod, type: string) => p.status?.conditions?.find((c) => c.type === type)?.status;
    expect(condition(initializing, 'Initialized')).toBe('False');
    expect(condition(initializing, 'PodReadyToStartContainers')).toBe('True');
    const second = await waitForPod(t, 'with-init', (p) => expect(p.status?.initContainerStatuses?.[1].state?.running).toBeDefined(), { stepMs: 250 });
    expect(second.status?.initContainerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const running = await waitForPod(t, 'with-init', (p) => expect(p.status?.containerStatuses?.[0].state?.running).toBeDefined(), { stepMs: 250 });
    expect(condition(running, 'Initialized')).toBe('True');
    const firstDone = Date.parse(running.status?.initContainerStatuses?.[0].state?.terminated?.finishedAt ?? '');
    const secondStart = Date.parse(running.status?.initContainerStatuses?.[1].state?.terminated?.startedAt ?? '');
    const secondDone = Date.parse(running.status?.initContainerStatuses?.[1].state?.terminated?.finishedAt ?? '');
    expect(secondStart).toBeGreaterThanOrEqual(firstDone);
    expect(Date.parse(running.status?.containerStatuses?.[0].state?.running?.startedAt ?? '')).toBeGreaterThanOrEqual(secondDone);
  });

  it('shows Init:0/1 while the init container is pulled, then PodInitializing while the app container is', async () => {
    const statuses: string[] = [];
    const watch = await t.client.watch<Pod>(PODS, 'default', { fieldSelector: 'metadata.name=pulls-first' }, (event) => {
      const reasonOf = (status: ContainerStatus | undefined) => (status?.state?.running ? 'Running' : (status?.state?.terminated?.reason ?? status?.state?.waiting?.reason ?? ''));
      const shown = `${reasonOf(event.object.status?.initContainerStatuses?.[0])} / ${reasonOf(event.object.status?.containerStatuses?.[0])}`;
      if (event.object.status?.initContainerStatuses && statuses.at(-1) !== shown) statuses.push(shown);
    });
    try {
      await createPod(
        t,
        podObject('pulls-first', {
          nodeName: NODE,
          initContainers: [{ name: 'setup', image: 'busybox:1.36', imagePullPolicy: 'Always', command: ['sleep', '1'] }],
          containers: [{ name: 'app', image: 'nginx:1.27', imagePullPolicy: 'Always' }],
        }),
      );
      await waitForPod(t, 'pulls-first', (p) => expect(p.status?.containerStatuses?.[0].state?.running).toBeDefined(), { stepMs: 100 });
      expect(statuses).toEqual(['PodInitializing / PodInitializing', 'Running / PodInitializing', 'Completed / PodInitializing', 'Completed / Running']);
    } finally {
      watch.stop();
    }
  });

  it('ends Succeeded or Failed by the restart policy and the exit code', async () => {
    await createPod(t, podObject('done-ok', { nodeName: NODE, restartPolicy: 'OnFailure', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 0'] }] }));
    await createPod(t, podObject('done-bad', { nodeName: NODE, restartPolicy: 'Never', containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'] }] }));
    const ok = await waitForPod(t, 'done-ok', (p) => expect(p.status?.phase).toBe('Succeeded'));
    expect(ok.status?.containerStatuses?.[0]).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    const bad = await waitForPod(t, 'done-bad', (p) => expect(p.status?.phase).toBe('Failed'));
    expect(bad.status?.containerStatuses?.[0]).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 3, reason: 'Error' } } });
    expect(bad.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodFailed' });
  });

  it('renews its Lease in kube-node-lease every 10 s of cluster time', async () => {
    const renewTime = async () => Date.parse((await t.client.get<Lease>(LEASES, 'kube-node-lease', NODE)).spec?.renewTime ?? '');
    const before = await renewTime();
    const renewed = await waitFor(t, async () => {
      const at = await renewTime();
      expect(at).toBeGreaterThan(before);
      return at;
    });
    const next = await waitFor(t, async () => {
      const at = await renewTime();
      expect(at).toBeGreaterThan(renewed);
      return at;
    });
    expect(Math.round((next - renewed) / 1000)).toBe(10);
  });

  it('admits a pod bound in the moment its node gets the label it selects, though the node watch may bring the label later', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `labelled-${i}`);
    for (const [i, name] of names.entries()) {
      await Promise.all([
        t.client.patch(NODES, undefined, NODE, { metadata: { labels: { [`race-${i}`]: 'yes' } } }),
        createPod(t, podObject(name, { nodeName: NODE, nodeSelector: { [`race-${i}`]: 'yes' }, containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.10' }] })),
      ]);
    }
    const outcomes = await waitFor(t, async () => {
      const pods = await Promise.all(names.map((name) => t.client.get<Pod>(PODS, 'default', name)));
      const decided = pods.map((p) => (p.status?.phase === 'Failed' ? `rejected: ${p.status.reason}` : p.status?.containerStatuses ? 'admitted' : undefined));
      expect(decided.every(Boolean)).toBe(true);
      return decided;
    });
    expect(new Set(outcomes)).toEqual(new Set(['admitted']));
    await Promise.all(names.map((name) => t.client.delete(PODS, 'default', name, { gracePeriodSeconds: 0 })));
  });
});
