// The Job controller with real containers (busybox) on worker nodes: completions with
// parallelism, the tracking finalizer, upstream's conditions and events, pod failures counted
// against backoffLimit, and activeDeadlineSeconds.

import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/api/apps';
import type { CoreEvent, Pod } from '../../src/api/core';
import { findResource } from '../../src/api/scheme';
import { eventually } from '../support/node-cluster';
import { useTestCluster } from '../support/use-test-cluster';

const PODS = findResource('', 'v1', 'pods')!;
const EVENTS = findResource('', 'v1', 'events')!;
const JOBS = findResource('batch', 'v1', 'jobs')!;

function job(name: string, script: string, spec: Partial<Job['spec']> = {}): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'work', image: 'busybox:1.36', command: ['sh', '-c', script] }] } }, ...spec },
  };
}

describe('job controller', () => {
  const t = useTestCluster({ pullDelayScale: 0 });

  const get = (name: string) => t.client.get<Job>(JOBS, 'default', name);
  const conditions = (j: Job) => (j.status?.conditions ?? []).map((c) => [c.type, c.status, c.reason, c.message]);
  const events = async (name: string) => (await t.client.list<CoreEvent>(EVENTS, 'default')).items.filter((e) => e.involvedObject.kind === 'Job' && e.involvedObject.name === name);
  const podsOf = async (name: string) => (await t.client.list<Pod>(PODS, 'default', { labelSelector: `batch.kubernetes.io/job-name=${name}` })).items;

  it('runs three completions two at a time and completes', async () => {
    await t.client.create(JOBS, 'default', job('count', 'echo done', { completions: 3, parallelism: 2 }));
    const done = await eventually(t.clock, async () => {
      const j = await get('count');
      expect(j.status?.succeeded).toBe(3);
      expect(j.status?.completionTime).toBeDefined();
      return j;
    }, { maxSteps: 400 });
    expect(conditions(done)).toEqual([
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ]);
    expect(done.status?.startTime).toBeDefined();
    expect(done.status?.active).toBeUndefined();
    const pods = await podsOf('count');
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.status?.phase).toBe('Succeeded');
      expect(pod.metadata.finalizers ?? []).not.toContain('batch.kubernetes.io/job-tracking');
      expect(pod.metadata.labels).toMatchObject({ 'batch.kubernetes.io/controller-uid': done.metadata.uid, 'batch.kubernetes.io/job-name': 'count', 'job-name': 'count' });
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'count', controller: true, blockOwnerDeletion: true });
    }
    const seen = await events('count');
    expect(seen.filter((e) => e.reason === 'SuccessfulCreate')).toHaveLength(3);
    expect(seen.filter((e) => e.reason === 'Completed').map((e) => [e.type, e.message, e.source?.component])).toEqual([['Normal', 'Job completed', 'job-controller']]);
  });

  it('fails with BackoffLimitExceeded once failures exceed backoffLimit', async () => {
    await t.client.create(JOBS, 'default', job('flaky', 'exit 1', { backoffLimit: 1 }));
    const failed = await eventually(t.clock, async () => {
      const j = await get('flaky');
      expect(j.status?.conditions?.some((c) => c.type === 'Failed')).toBe(true);
      return j;
    }, { stepMs: 1000, maxSteps: 400 });
    expect(failed.status?.failed).toBe(2);
    expect(conditions(failed)).toEqual([
      ['FailureTarget', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ]);
    expect((await events('flaky')).filter((e) => e.type === 'Warning').map((e) => [e.reason, e.message])).toEqual([['BackoffLimitExceeded', 'Job has reached the specified backoff limit']]);
  });

  it('stops at activeDeadlineSeconds with DeadlineExceeded', async () => {
    await t.client.create(JOBS, 'default', job('slow', 'sleep 3600', { activeDeadlineSeconds: 10 }));
    const failed = await eventually(t.clock, async () => {
      const j = await get('slow');
      expect(j.status?.conditions?.some((c) => c.type === 'Failed')).toBe(true);
      return j;
    }, { stepMs: 1000, maxSteps: 400 });
    expect(conditions(failed)).toEqual([
      ['FailureTarget', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
      ['Failed', 'True', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
    ]);
    expect(failed.status?.active).toBeUndefined();
    expect((await events('slow')).some((e) => e.reason === 'DeadlineExceeded' && e.type === 'Warning')).toBe(true);
  });
});
