import { beforeEach, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../../test/support/api-server';

const POD_WITH_EXTRAS = JSON.stringify({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', image: 'nginx', foo: 1 }], bar: true },
});

describe('field validation of request bodies', () => {
  let t: TestApi;
  beforeEach(async () => {
    t = await startTestApi();
  });

  const create = (fieldValidation: string | undefined, body: unknown = POD_WITH_EXTRAS) =>
    t.send({ method: 'POST', path: '/api/v1/namespaces/default/pods', query: fieldValidation ? { fieldValidation } : {}, headers: { 'content-type': 'application/json' }, body });

  it('Strict refuses unknown fields with upstream message and stores nothing', async () => {
    const response = await create('Strict');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      reason: 'BadRequest',
      message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].foo", unknown field "spec.bar"',
    });
    expect((await t.send({ method: 'GET', path: '/api/v1/namespaces/default/pods/p' })).status).toBe(404);
  });

  it('Strict refuses duplicate fields', async () => {
    const response = await create('Strict', '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","name":"q"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}');
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: duplicate field "metadata.name"');
  });

  it('Warn (the default) drops the fields and answers with Warning headers', async () => {
    for (const validation of ['Warn', undefined]) {
      const response = await create(validation, POD_WITH_EXTRAS.replace('"p"', validation ? '"warn"' : '"default"'));
      expect(response.status).toBe(201);
      expect(response.headers.warning).toBe('299 - "unknown field \\"spec.containers[0].foo\\"", 299 - "unknown field \\"spec.bar\\""');
      expect(JSON.stringify(response.body)).not.toMatch(/"foo"|"bar"/);
    }
  });

  it('Ignore drops them silently', async () => {
    const response = await create('Ignore');
    expect(response.status).toBe(201);
    expect(response.headers.warning).toBeUndefined();
  });

  it('refuses an unknown fieldValidation value', async () => {
    const response = await create('Loose');
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toBe('fieldValidation must be one of "Ignore", "Warn", or "Strict", got "Loose"');
  });

  it('answers a wrongly typed field with the Go error, whatever the validation', async () => {
    const response = await create('Ignore', '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":{"name":"c"}}}');
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
  });

  it('answers malformed JSON with a Go syntax error', async () => {
    const response = await create('Strict', '{"apiVersion": "v1",');
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toBe("couldn't get version/kind; json parse error: unexpected end of JSON input");
  });

  it('reads a protobuf body as kubectl create secret sends it', async () => {
    const bytes = Uint8Array.from(atob('azhzAAoMCgJ2MRIGU2VjcmV0Eh4KEgoCczESABoAIgAqADIAOABCABIGCgFhEgFiGgAaACIA'), (c) => c.charCodeAt(0));
    const response = await t.send({ method: 'POST', path: '/api/v1/namespaces/default/secrets', query: { fieldValidation: 'Strict' }, headers: { 'content-type': 'application/vnd.kubernetes.protobuf' }, body: bytes });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ kind: 'Secret', metadata: { name: 's1', namespace: 'default' }, data: { a: 'Yg==' }, type: 'Opaque' });
    const garbage = await t.send({ method: 'POST', path: '/api/v1/namespaces/default/secrets', headers: { 'content-type': 'application/vnd.kubernetes.protobuf' }, body: new Uint8Array([1, 2, 3]) });
    expect(garbage.status).toBe(400);
  });

  it('refuses a body of another version or kind', async () => {
    const version = await create('Strict', '{"apiVersion":"apps/v1","kind":"Pod","metadata":{"name":"p"}}');
    expect((version.body as { message: string }).message).toBe('the API version in the data (apps/v1) does not match the expected API version (v1)');
    const kind = await create('Strict', '{"apiVersion":"v1","kind":"Gadget","metadata":{"name":"p"}}');
    expect((kind.body as { message: string }).message).toBe(
      'Gadget in version "v1" cannot be handled as a Pod: no kind "Gadget" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    );
  });

  it('validates patches: strict errors for unknown fields, warnings under Warn', async () => {
    await create('Strict', POD_WITH_EXTRAS.replace(',"foo":1', '').replace(',"bar":true', ''));
    const patch = (fieldValidation: string) =>
      t.send({ method: 'PATCH', path: '/api/v1/namespaces/default/pods/p', query: { fieldValidation }, headers: { 'content-type': 'application/merge-patch+json' }, body: '{"spec":{"nope":1}}' });
    const strict = await patch('Strict');
    expect(strict.status).toBe(400);
    expect((strict.body as { message: string }).message).toBe('strict decoding error: unknown field "spec.nope"');
    const warn = await patch('Warn');
    expect(warn.status).toBe(200);
    expect(warn.headers.warning).toBe('299 - "unknown field \\"spec.nope\\""');
  });

  it('answers a patch whose result Go cannot decode with Invalid on patch', async () => {
    await create('Strict', POD_WITH_EXTRAS.replace(',"foo":1', '').replace(',"bar":true', ''));
    const response = await t.send({ method: 'PATCH', path: '/api/v1/namespaces/default/pods/p', headers: { 'content-type': 'application/strategic-merge-patch+json' }, body: '{"spec":{"nodeName":5}}' });
    expect(response.status).toBe(422);
    expect((response.body as { message: string }).message).toBe(
      ' "" is invalid: patch: Invalid value: "map[spec:map[nodeName:5]]": json: cannot unmarshal number into Go struct field PodSpec.spec.nodeName of type string',
    );
  });
});
