import { beforeEach, describe, expect, it } from 'vitest';
import { failure, startTestApi, type TestApi } from '../../../test/support/api-server';
import type { Deployment, ReplicaSet } from '../../api/apps';
import { findResource } from '../../api/scheme';

const DEPLOYMENTS = findResource('apps', 'v1', 'deployments')!;
const REPLICA_SETS = findResource('apps', 'v1', 'replicasets')!;

function deployment(name: string, extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...extra },
  };
}

describe('the Deployment strategy', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await startTestApi();
  });
  const create = (d: Deployment) => t.client.create<Deployment>(DEPLOYMENTS, 'default', d);

  it('defaults replicas, strategy, history, deadline and the pod template', async () => {
    const created = await create(deployment('web'));
    expect(created.metadata.generation).toBe(1);
    expect(created.spec).toMatchObject({ replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } });
    expect(created.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: 'web' } });
    expect(created.spec.template.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', securityContext: {} });
    expect(created.status).toEqual({});
  });

  it('refuses a missing, empty or non-matching selector, with upstream messages', async () => {
    expect(await failure(create({ ...deployment('a'), spec: { ...deployment('a').spec, selector: undefined as never } }))).toMatch(/^Deployment\.apps "a" is invalid: \[?spec\.selector: Required value/);
    expect(await failure(create(deployment('b', { selector: {} })))).toMatch(
      /spec\.selector: Invalid value: v1\.LabelSelector\{MatchLabels:map\[string\]string\(nil\), MatchExpressions:\[\]v1\.LabelSelectorRequirement\(nil\)\}: empty selector is invalid for deployment/,
    );
    expect(await failure(create(deployment('c', { selector: { matchLabels: { app: 'other' } } })))).toBe(
      'Deployment.apps "c" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"c"}: `selector` does not match template `labels`',
    );
  });

  it('refuses a template whose pods would not restart', async () => {
    const d = deployment('r');
    d.spec.template.spec.restartPolicy = 'Never';
    expect(await failure(create(d))).toBe('Deployment.apps "r" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
  });

  it('refuses a rolling update that could never progress', async () => {
    expect(await failure(create(deployment('z', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } })))).toBe(
      'Deployment.apps "z" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    );
  });

  it('keeps the selector immutable and bumps the generation on spec changes only', async () => {
    const created = await create(deployment('web'));
    const scaled = await t.client.patch<Deployment>(DEPLOYMENTS, 'default', 'web', { spec: { replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
    const labelled = await t.client.patch<Deployment>(DEPLOYMENTS, 'default', 'web', { metadata: { labels: { team: 'a' } } });
    expect(labelled.metadata.generation).toBe(2);
    const annotated = await t.client.patch<Deployment>(DEPLOYMENTS, 'default', 'web', { metadata: { annotations: { note: 'x' } } });
    expect(annotated.metadata.generation).toBe(3);
    expect(await failure(t.client.patch(DEPLOYMENTS, 'default', 'web', { spec: { selector: { matchLabels: { app: 'web', v: '2' } }, template: { metadata: { labels: { v: '2' } } } } }))).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "v":"2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
    expect(created.metadata.uid).toBe(annotated.metadata.uid);
  });

  it('writes status only through the status subresource, annotations too but not labels', async () => {
    const created = await create(deployment('web'));
    const ignored = await t.client.update<Deployment>(DEPLOYMENTS, { ...created, status: { replicas: 5 } });
    expect(ignored.status).toEqual({});
    const written = await t.client.updateStatus<Deployment>(DEPLOYMENTS, {
      ...ignored,
      metadata: { ...ignored.metadata, labels: { changed: 'no' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
      spec: { ...ignored.spec, replicas: 9 },
      status: { replicas: 5 },
    });
    expect(written.status).toEqual({ replicas: 5 });
    expect(written.spec.replicas).toBe(1);
    expect(written.metadata.labels).toBeUndefined();
    expect(written.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(written.metadata.generation).toBe(1);
  });
});

describe('the ReplicaSet strategy', () => {
  it('defaults replicas, starts with zero replicas in status and validates like a deployment', async () => {
    const t = await startTestApi();
    const rs: ReplicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } };
    const created = await t.client.create<ReplicaSet>(REPLICA_SETS, 'default', rs);
    expect(created.spec.replicas).toBe(1);
    expect(created.status).toEqual({ replicas: 0 });
    expect(await failure(t.client.create(REPLICA_SETS, 'default', { ...rs, metadata: { name: 'bad' }, spec: { ...rs.spec, replicas: -1 } }))).toBe(
      'ReplicaSet.apps "bad" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    );
  });
});
