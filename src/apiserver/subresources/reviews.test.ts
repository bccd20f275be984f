import { describe, expect, it } from 'vitest';
import { startTestApi } from '../../../test/support/api-server';

describe('self reviews', () => {
  it('allows every access review, as for kind’s cluster admin, and stores nothing', async () => {
    const t = await startTestApi();
    const revision = t.store.revision;
    const response = await t.send({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } } },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: 'default', verb: 'create', resource: 'pods' } },
      status: { allowed: true },
    });
    expect(t.store.revision).toBe(revision);
  });

  it('names the user for kubectl auth whoami', async () => {
    const t = await startTestApi();
    const response = await t.send({ method: 'POST', path: '/apis/authentication.k8s.io/v1/selfsubjectreviews', body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    expect((response.body as { status: unknown }).status).toEqual({ userInfo: { username: 'kubernetes-admin', groups: ['kubeadm:cluster-admins', 'system:authenticated'] } });
    expect((await t.send({ method: 'GET', path: '/apis/authentication.k8s.io/v1/selfsubjectreviews' })).status).toBe(405);
  });
});
