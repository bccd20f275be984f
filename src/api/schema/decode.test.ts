import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../objects';
import { decodeWithSchema, GoDecodeError, normalizedPart, normalizeWithSchema } from './decode';
import { parseJsonText } from './json-text';
import { schemaForKind } from './registry';

const POD = schemaForKind('', 'v1', 'Pod')!;
const DEPLOYMENT = schemaForKind('apps', 'v1', 'Deployment')!;

function decodeText(text: string, schema = POD) {
  const parsed = parseJsonText(text);
  return decodeWithSchema(parsed.value as Record<string, unknown>, schema, parsed);
}

function decodeError(text: string, schema = POD): string {
  try {
    decodeText(text, schema);
  } catch (error) {
    if (error instanceof GoDecodeError) return error.message;
    throw error;
  }
  throw new Error('decoded without an error');
}

describe('decodeWithSchema: strict decoding', () => {
  it('reports unknown fields with their path, list indices included, and drops them', () => {
    const result = decodeText('{"metadata":{"name":"p","nam":"x"},"spec":{"containers":[{"name":"c","image":"nginx","foo":1}],"bar":true}}');
    expect(result.strictErrors).toEqual(['unknown field "metadata.nam"', 'unknown field "spec.containers[0].foo"', 'unknown field "spec.bar"']);
    expect(JSON.stringify(result.object)).not.toMatch(/foo|bar|nam"/);
  });

  it('reports duplicate fields, the last value winning as in Go', () => {
    const result = decodeText('{"metadata":{"name":"a","name":"b"}}');
    expect(result.strictErrors).toEqual(['duplicate field "metadata.name"']);
    expect((result.object.metadata as { name: string }).name).toBe('b');
  });

  it('matches field names case-sensitively', () => {
    expect(decodeText('{"Metadata":{}}').strictErrors).toEqual(['unknown field "Metadata"']);
  });
});

describe('decodeWithSchema: type errors in Go words', () => {
  it.each([
    ['{"spec":{"containers":"x"}}', 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container'],
    ['{"spec":{"containers":[{"ports":[{"containerPort":"80"}]}]}}', 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    ['{"spec":{"containers":[{"ports":[{"containerPort":80.0}]}]}}', 'json: cannot unmarshal number 80.0 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    ['{"spec":{"containers":[{"ports":[{"containerPort":99999999999}]}]}}', 'json: cannot unmarshal number 99999999999 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32'],
    ['{"metadata":{"labels":{"a":5}}}', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
    ['{"metadata":"x"}', 'json: cannot unmarshal string into Go struct field Pod.metadata of type v1.ObjectMeta'],
    ['{"spec":{"containers":[{"livenessProbe":{"exec":[]}}]}}', 'json: cannot unmarshal array into Go struct field ProbeHandler.spec.containers.livenessProbe.exec of type v1.ExecAction'],
    ['{"spec":{"containers":[{"resources":{"limits":{"cpu":"lots"}}}]}}', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['{"spec":{"restartPolicy":1}}', 'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy'],
    ['{"metadata":{"creationTimestamp":"2026-13-01T00:00:00Z"}}', 'parsing time "2026-13-01T00:00:00Z": month out of range'],
    ['{"metadata":{"creationTimestamp":"yesterday"}}', 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"'],
  ])('%s', (text, message) => {
    expect(decodeError(text)).toBe(message);
  });

  it('reads int-or-string values as either, and refuses anything else', () => {
    const service = schemaForKind('', 'v1', 'Service')!;
    const ok = decodeText('{"spec":{"ports":[{"port":80,"targetPort":"http"},{"port":81,"targetPort":8081}]}}', service);
    expect((ok.object.spec as { ports: { targetPort: unknown }[] }).ports.map((p) => p.targetPort)).toEqual(['http', 8081]);
    expect(decodeError('{"spec":{"ports":[{"port":80,"targetPort":true}]}}', service)).toBe('json: cannot unmarshal bool into Go value of type int32');
  });
});

describe('decodeWithSchema: the shape Go writes', () => {
  it('writes zero values of fields without omitempty and drops empty optional ones', () => {
    const { object } = decodeText('{"metadata":{"name":"p"},"spec":{"hostNetwork":false,"nodeName":"","containers":[{"name":"c","image":"nginx","args":[]}]}}');
    const spec = object.spec as Record<string, unknown>;
    expect(spec.hostNetwork).toBeUndefined();
    expect(spec.nodeName).toBeUndefined();
    expect(spec.containers).toEqual([{ name: 'c', image: 'nginx', resources: {} }]);
    expect(object.status).toEqual({});
    expect((object.metadata as Record<string, unknown>).creationTimestamp).toBeNull();
  });

  it('writes map keys sorted, as Go marshals maps', () => {
    const { object } = decodeText('{"kind":"Pod","metadata":{"name":"p","labels":{"tier":"web","app":"a","b":"c"}}}');
    expect(Object.keys((object.metadata as { labels: object }).labels)).toEqual(['app', 'b', 'tier']);
  });

  it("writes fields in Go's declaration order whatever order they came in, zero values in their places", () => {
    const { object } = decodeText('{"status":{},"spec":{"schedulerName":"s","containers":[{"image":"nginx","imagePullPolicy":"Always","name":"c"}],"volumes":[]},"metadata":{"labels":{"a":"b"},"name":"p"},"kind":"Pod"}');
    expect(Object.keys(object)).toEqual(['kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(object.metadata as object)).toEqual(['name', 'creationTimestamp', 'labels']);
    expect(Object.keys(object.spec as object)).toEqual(['containers', 'schedulerName']);
    expect(Object.keys((object.spec as { containers: object[] }).containers[0])).toEqual(['name', 'image', 'resources', 'imagePullPolicy']);
  });

  it('keeps an explicit zero of a pointer field', () => {
    const { object } = decodeText('{"spec":{"replicas":0,"template":{"spec":{"containers":[]}}}}', DEPLOYMENT);
    expect((object.spec as { replicas: number }).replicas).toBe(0);
  });

  it('writes null for unset times and creationTimestamp in templates, and {} for structs', () => {
    const { object } = decodeText('{"spec":{"template":{"metadata":{"labels":{"a":"b"}},"spec":{"containers":[{"name":"c"}]}}}}', DEPLOYMENT);
    const template = (object.spec as { template: { metadata: Record<string, unknown> } }).template;
    expect(template.metadata).toEqual({ creationTimestamp: null, labels: { a: 'b' } });
    expect((object.spec as { strategy: unknown }).strategy).toEqual({});
    const pod = decodeText('{"status":{"conditions":[{"type":"Ready","status":"True"}]}}').object;
    expect((pod.status as { conditions: unknown[] }).conditions).toEqual([{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: null }]);
  });

  it('canonicalises quantities and times', () => {
    const { object } = decodeText('{"metadata":{"creationTimestamp":"2026-01-02T03:04:05.678+01:00"},"spec":{"containers":[{"name":"c","resources":{"limits":{"memory":"8388608Ki","cpu":0.5}}}]}}');
    expect((object.metadata as { creationTimestamp: string }).creationTimestamp).toBe('2026-01-02T02:04:05Z');
    const container = (object.spec as { containers: { resources: unknown }[] }).containers[0];
    expect(container.resources).toEqual({ limits: { memory: '8Gi', cpu: '500m' } });
  });

  it('writes micro-times with six fraction digits', () => {
    const lease = schemaForKind('coordination.k8s.io', 'v1', 'Lease')!;
    const { object } = decodeWithSchema({ spec: { renewTime: '2026-01-02T03:04:05.1Z' } }, lease);
    expect((object.spec as { renewTime: string }).renewTime).toBe('2026-01-02T03:04:05.100000Z');
  });

  it('checks base64 data', () => {
    const secret = schemaForKind('', 'v1', 'Secret')!;
    expect(decodeWithSchema({ data: { a: 'Yg==' } }, secret).object.data).toEqual({ a: 'Yg==' });
    expect(() => decodeWithSchema({ data: { a: 'Y!g=' } }, secret)).toThrow('illegal base64 data at input byte 1');
  });
});

describe('normalizeWithSchema', () => {
  const stored = () => deepFreeze(normalizeWithSchema({ metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '0.1' } } }] }, status: {} }, POD));

  it('keeps the parts an object shares with the stored object it was built from, and normalizes the rest', () => {
    const base = stored();
    const spec = base.spec as Record<string, unknown>;
    const changed = { ...base, spec: { nodeName: 'n1', ...spec }, status: { conditions: [{ type: 'PodScheduled', status: 'True' }] } };
    const result = normalizeWithSchema(changed, POD, base);
    const resultSpec = result.spec as Record<string, unknown>;
    expect(result.metadata).toBe(base.metadata);
    expect(resultSpec.containers).toBe(spec.containers);
    expect(resultSpec).not.toBe(spec);
    expect(Object.keys(resultSpec)).toEqual([...Object.keys(spec), 'nodeName']);
    expect(result.status).toEqual({ conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: null }] });
  });

  it('copies everything without a base, as it always did', () => {
    const base = stored();
    const result = normalizeWithSchema({ ...base }, POD);
    expect(result.metadata).not.toBe(base.metadata);
    expect(result).toEqual(base);
    expect(((result.spec as { containers: { resources: unknown }[] }).containers[0].resources)).toEqual({ requests: { cpu: '100m' } });
  });

  it('keeps a shared fixed part as it is where its struct stands, and walks it anywhere else', () => {
    const projection = { sources: [{ configMap: { name: 'ca', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }], defaultMode: 420 };
    const part = normalizedPart(structuredClone(projection), 'io.k8s.api.core.v1.ProjectedVolumeSource');
    expect(Object.isFrozen(part)).toBe(true);
    expect(Object.keys(part)).toEqual(['sources', 'defaultMode']);
    const pod = (projected: unknown) => ({ metadata: { name: 'p' }, spec: { containers: [], volumes: [{ name: 'v', projected }] } });
    const shared = normalizeWithSchema(pod(part), POD) as { spec: { volumes: { projected: unknown }[] } };
    const copied = normalizeWithSchema(pod(structuredClone(projection)), POD) as { spec: { volumes: { projected: unknown }[] } };
    expect(shared.spec.volumes[0].projected).toBe(part);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(copied));
    const elsewhere = normalizeWithSchema({ metadata: { name: 'p' }, spec: { containers: [], volumes: [{ name: 'v', configMap: part }] } }, POD) as { spec: { volumes: { configMap: unknown }[] } };
    expect(elsewhere.spec.volumes[0].configMap).not.toBe(part);
  });

  it('gives the same answer for a repeated quantity or time, and the same error for a bad one', () => {
    const decode = () => decodeWithSchema({ metadata: { creationTimestamp: '2026-01-02T03:04:05.5Z' }, spec: { containers: [{ resources: { limits: { cpu: '1000m' } } }] } }, POD).object;
    expect(decode()).toEqual(decode());
    expect((decode().metadata as { creationTimestamp: string }).creationTimestamp).toBe('2026-01-02T03:04:05Z');
    for (let i = 0; i < 2; i++) expect(() => decodeWithSchema({ spec: { containers: [{ resources: { limits: { cpu: 'lots' } } }] } }, POD)).toThrow(/quantities must match/);
  });
});
