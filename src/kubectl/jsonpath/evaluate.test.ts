import { describe, expect, it } from 'vitest';
import { compileJsonPath, relaxedJsonPath } from './evaluate';
import { JsonPathParseError } from './parser';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'web', labels: { app: 'web' } }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }, spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }] } },
    { metadata: { name: 'db', labels: {} }, status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] }, spec: { containers: [{ image: 'postgres' }] } },
  ],
};

const run = (template: string, data: unknown = list, asJson = false) => compileJsonPath(template).execute(data, asJson);

describe('kubectl JSONPath', () => {
  it('joins the results of one expression with spaces', () => {
    expect(run('{.items[*].metadata.name}')).toBe('web db');
  });

  it('repeats range bodies with quoted text between results', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}')).toBe('web\tRunning\ndb\tPending\n');
  });

  it('filters, slices and indexes from the end', () => {
    expect(run('{.items[?(@.status.phase=="Running")].metadata.name}')).toBe('web');
    expect(run('{.items[-1].metadata.name}')).toBe('db');
    expect(run('{.items[0].spec.containers[0:2].image}')).toBe('nginx busybox');
    expect(run('{.items[*].status.conditions[?(@.status=="False")].type}')).toBe('Ready');
  });

  it('finds nested fields anywhere with recursive descent', () => {
    expect(run('{..image}')).toBe('nginx busybox postgres');
  });

  it('prints maps and lists as compact JSON, and arrays of results for jsonpath-as-json', () => {
    expect(run('{.items[0].metadata.labels}')).toBe('{"app":"web"}');
    expect(run('{.items[*].metadata.name}', list, true)).toBe('[\n    "web",\n    "db"\n]\n');
  });

  it('prints nothing for missing keys, as kubectl allows them', () => {
    expect(run('{.items[0].metadata.nope}')).toBe('');
  });

  it('reports malformed templates', () => {
    expect(() => compileJsonPath('{.items[')).toThrow(new JsonPathParseError('unterminated array'));
    expect(() => compileJsonPath('{range .items[*]}{.x}')).toThrow(JsonPathParseError);
    expect(() => compileJsonPath('{metadata.name}')).toThrow('unrecognized identifier metadata');
  });

  it('turns custom-column paths into full templates', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.metadata.name}')).toBe('{.metadata.name}');
  });
});
