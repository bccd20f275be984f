// kubectl logs for the pods a label selector matches, on a real cluster: the last 10 lines of
// each unless --tail says otherwise, --prefix naming pod and container on every line, several
// pods followed together until the user stops, and a pod that cannot give its log stopping the
// command, or, with --ignore-errors, reported in line while the others print.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../src/api/apps';
import type { Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { runKubectl } from '../../src/kubectl/kubectl';
import { eventually, kubectlContext, type TestCluster } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';
import { createPod, PODS, podObject } from '../support/pod-fixtures';

const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;

function deployment(name: string, script: string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', script] }] } },
    },
  };
}

async function podNames(t: TestCluster, selector: string): Promise<string[]> {
  return (await t.client.list<Pod>(PODS, 'default', { labelSelector: selector })).items.map((pod) => pod.metadata.name ?? '').sort();
}

describe('kubectl logs -l', () => {
  const t = useTestCluster();
  let counters: string[];
  let tickers: string[];

  beforeAll(async () => {
    await t.client.create(DEPLOYMENTS, 'default', deployment('counter', 'i=1; while [ $i -le 15 ]; do echo "line $i"; i=$((i+1)); done; sleep 3600'));
    await t.client.create(DEPLOYMENTS, 'default', deployment('ticker', 'i=1; while true; do echo "tick $i"; i=$((i+1)); sleep 1; done'));
    counters = await eventually(t.clock, async () => {
      const names = await podNames(t, 'app=counter');
      expect(names).toHaveLength(2);
      for (const name of names) expect((await t.kubectl(['logs', name])).stdout).toContain('line 15\n');
      return names;
    });
    tickers = await eventually(t.clock, async () => {
      const names = await podNames(t, 'app=ticker');
      expect(names).toHaveLength(2);
      for (const name of names) expect((await t.kubectl(['logs', name])).stdout).toContain('tick 1\n');
      return names;
    });
  });

  it('prints the last 10 lines of every matching pod', async () => {
    const last10 = Array.from({ length: 10 }, (_, i) => `line ${i + 6}\n`).join('');
    expect(await t.kubectl('logs -l app=counter')).toEqual({ stdout: last10 + last10, stderr: '', code: 0 });
    expect((await t.kubectl('logs -l app=counter --tail=-1')).stdout.split('\n')).toHaveLength(31);
  });

  it('prefixes every line with the pod and container under --prefix', async () => {
    expect((await t.kubectl('logs -l app=counter --tail=2 --prefix')).stdout).toBe(
      counters.map((name) => `[pod/${name}/c] line 14\n[pod/${name}/c] line 15\n`).join(''),
    );
  });

  it('follows every matching pod together until the user stops', async () => {
    let stdout = '';
    let cancel!: () => void;
    const cancelled = new Promise<void>((resolve) => (cancel = resolve));
    const running = runKubectl(
      ['logs', '-l', 'app=ticker', '-f', '--tail=0', '--prefix'],
      kubectlContext(t, { stdout: (text) => (stdout += text), signal: { cancelled: false, onCancel: (listener) => void cancelled.then(listener) } }),
    );
    await eventually(t.clock, async () => {
      for (const name of tickers) expect(stdout).toMatch(new RegExp(`^\\[pod/${name}/c\\] tick \\d+$`, 'm'));
    });
    expect(stdout.split('\n').filter(Boolean).every((line) => /^\[pod\/ticker-[a-z0-9-]+\/c\] tick \d+$/.test(line))).toBe(true);
    cancel();
    expect(await running).toBe(0);
  });

  it('stops at a pod that cannot give its log, or with --ignore-errors reports it and goes on', async () => {
    await createPod(t, podObject('a-broken', { containers: [{ name: 'c', image: 'nosuch.example/none:1' }] }, { group: 'mixed' }));
    await createPod(t, podObject('b-fine', { containers: [{ name: 'c', image: 'busybox:1.36', command: ['sh', '-c', 'echo fine; sleep 3600'] }] }, { group: 'mixed' }));
    await eventually(t.clock, async () => expect((await t.kubectl('logs b-fine')).stdout).toBe('fine\n'));
    const waiting = await eventually(t.clock, async () => {
      const result = await t.kubectl('logs a-broken');
      expect(result.stderr).toMatch(/^Error from server \(BadRequest\): container "c" in pod "a-broken" is waiting to start: /);
      return result.stderr.replace(/^Error from server \(BadRequest\): /, '');
    });
    const stopped = await t.kubectl('logs -l group=mixed');
    expect(stopped).toMatchObject({ stdout: '', code: 1 });
    expect(stopped.stderr).toBe(`Error from server (BadRequest): ${waiting}`);
    expect(await t.kubectl('logs -l group=mixed --ignore-errors')).toEqual({ stdout: `error: ${waiting}fine\n`, stderr: '', code: 0 });
  });
});
