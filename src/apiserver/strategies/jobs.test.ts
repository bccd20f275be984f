import { beforeEach, describe, expect, it } from 'vitest';
import { failure, startTestApi, type TestApi } from '../../../test/support/api-server';
import type { Job } from '../../api/apps';
import { findResource } from '../../api/scheme';

const JOBS = findResource('batch', 'v1', 'jobs')!;

function job(name: string, restartPolicy = 'Never'): Job {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy } } } };
}

describe('the Job strategy', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await startTestApi();
  });

  it('defaults the spec and generates the selector and labels from the uid', async () => {
    const created = await t.client.create<Job>(JOBS, 'default', job('pi'));
    const uid = created.metadata.uid ?? '';
    expect(created.spec).toMatchObject({ parallelism: 1, completions: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(created.spec.manualSelector).toBeUndefined();
    expect(created.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' };
    expect(created.spec.template.metadata?.labels).toEqual(labels);
    expect(created.metadata.labels).toEqual(labels);
    expect(created.status).toEqual({});
  });

  it('keeps completions unset when only parallelism is given', async () => {
    const created = await t.client.create<Job>(JOBS, 'default', { ...job('p'), spec: { ...job('p').spec, parallelism: 3 } });
    expect(created.spec.parallelism).toBe(3);
    expect(created.spec.completions).toBeUndefined();
  });

  it('refuses pods that always restart, with the supported values', async () => {
    expect(await failure(t.client.create(JOBS, 'default', job('bad', 'Always')))).toBe(
      'Job.batch "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    );
  });

  it('refuses a hand-written selector unless manualSelector is set', async () => {
    const manual = { ...job('m'), spec: { ...job('m').spec, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: job('m').spec.template.spec } } };
    expect(await failure(t.client.create(JOBS, 'default', manual))).toMatch(/`selector` not auto-generated/);
    const created = await t.client.create<Job>(JOBS, 'default', { ...manual, spec: { ...manual.spec, manualSelector: true } });
    expect(created.spec.selector).toEqual({ matchLabels: { a: 'b' } });
  });

  it('lets parallelism change but not completions', async () => {
    await t.client.create(JOBS, 'default', job('pi'));
    const patched = await t.client.patch<Job>(JOBS, 'default', 'pi', { spec: { parallelism: 2 } });
    expect(patched.spec.parallelism).toBe(2);
    expect(await failure(t.client.patch(JOBS, 'default', 'pi', { spec: { completions: 5 } }))).toBe('Job.batch "pi" is invalid: spec.completions: Invalid value: 5: field is immutable');
  });
});
