import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../../test/support/api-server';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('OpenAPI', () => {
  let t: TestApi;
  let discovery: { paths: Record<string, { serverRelativeURL: string }> };
  let core: Json;
  beforeAll(async () => {
    t = await startTestApi();
    discovery = (await t.send({ method: 'GET', path: '/openapi/v3' })).body as typeof discovery;
    const url = new URL(discovery.paths['api/v1'].serverRelativeURL, 'http://x');
    core = (await t.send({ method: 'GET', path: url.pathname, query: { hash: url.searchParams.get('hash') ?? '' } })).body as Json;
  });

  it('lists a hashed v3 document per group/version', () => {
    expect(Object.keys(discovery.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1', 'apis/batch/v1', 'apis/events.k8s.io/v1']));
    expect(discovery.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{32}$/);
  });

  it('serves hashed documents as immutable and redirects a stale hash', async () => {
    const url = new URL(discovery.paths['api/v1'].serverRelativeURL, 'http://x');
    const fresh = await t.send({ method: 'GET', path: url.pathname, query: { hash: url.searchParams.get('hash') ?? '' } });
    expect(fresh.headers['cache-control']).toBe('public, immutable');
    const stale = await t.send({ method: 'GET', path: url.pathname, query: { hash: 'ABC' } });
    expect(stale.status).toBe(301);
    expect(stale.headers.location).toBe(discovery.paths['api/v1'].serverRelativeURL);
  });

  it('describes kinds with their group/version/kind, required fields and patch metadata', () => {
    const pod = core.components.schemas['io.k8s.api.core.v1.Pod'];
    expect(pod['x-kubernetes-group-version-kind']).toEqual([{ group: '', kind: 'Pod', version: 'v1' }]);
    expect(pod.description).toMatch(/group of containers/);
    const spec = core.components.schemas['io.k8s.api.core.v1.PodSpec'];
    expect(spec.required).toEqual(['containers']);
    expect(spec.properties.containers).toMatchObject({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] });
    expect(spec.properties.volumes['x-kubernetes-patch-strategy']).toBe('merge,retainKeys');
    expect(spec.properties.securityContext).toMatchObject({ allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodSecurityContext' }] });
    expect(core.components.schemas['io.k8s.apimachinery.pkg.api.resource.Quantity'].oneOf).toEqual([{ type: 'string' }, { type: 'number' }]);
  });

  it('offers fieldValidation on PATCH operations tagged with their kind, so kubectl validates on the server', () => {
    const patch = core.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: '', kind: 'Pod', version: 'v1' });
    expect(patch.parameters.map((p: Json) => p.name)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody.content)).toContain('application/strategic-merge-patch+json');
  });

  it('serves the whole API as Swagger 2.0 JSON and refuses protobuf', async () => {
    const v2 = await t.send({ method: 'GET', path: '/openapi/v2', headers: { accept: 'application/json' } });
    const body = v2.body as Json;
    expect(body.swagger).toBe('2.0');
    expect(body.definitions['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(body.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].get.operationId).toBe('readAppsV1NamespacedDeploymentScale');
    const protobuf = await t.send({ method: 'GET', path: '/openapi/v2', headers: { accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    expect(protobuf.status).toBe(406);
  });
});
