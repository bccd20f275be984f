import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from './json-patch';

const pod = () => ({ spec: { containers: [{ name: 'a' }], dnsPolicy: 'ClusterFirst' } });

/** The error a patch fails with (messages as kubectl v1.32 prints them for these patches). */
function failure(operations: unknown): string {
  try {
    applyJsonPatch(pod(), operations);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

describe('applyJsonPatch', () => {
  it('applies each operation, with negative indices counting from the end', () => {
    const patched = applyJsonPatch(pod(), [
      { op: 'add', path: '/spec/containers/-1', value: { name: 'b' } },
      { op: 'add', path: '/spec/containers/0', value: { name: 'first' } },
      { op: 'copy', from: '/spec/dnsPolicy', path: '/spec/copied' },
      { op: 'move', from: '/spec/copied', path: '/spec/moved' },
      { op: 'replace', path: '/spec/containers/-1/name', value: 'last' },
      { op: 'test', path: '/spec/moved', value: 'ClusterFirst' },
      { op: 'remove', path: '/spec/dnsPolicy' },
    ]);
    expect(patched).toEqual({ spec: { containers: [{ name: 'first' }, { name: 'a' }, { name: 'last' }], moved: 'ClusterFirst' } });
  });

  it('treats a replace or copy of a missing object key as an add, and a missing value as null', () => {
    expect(applyJsonPatch(pod(), [{ op: 'replace', path: '/spec/nope', value: 'x' }])).toMatchObject({ spec: { nope: 'x' } });
    expect(applyJsonPatch(pod(), [{ op: 'copy', from: '/spec/nope', path: '/spec/x' }])).toMatchObject({ spec: { x: null } });
    expect(applyJsonPatch(pod(), [{ op: 'test', path: '/spec/nope', value: null }])).toEqual(pod());
    expect(applyJsonPatch(pod(), null)).toEqual(pod());
  });

  it('fails with the messages of the library the API server and kubectl share', () => {
    expect(failure([{ op: 'add', path: '/spec/nope/x', value: 1 }])).toBe('add operation does not apply: doc is missing path: "/spec/nope/x": missing value');
    expect(failure([{ op: 'add', path: 'spec', value: 1 }])).toBe('add operation does not apply: doc is missing path: "spec": missing value');
    expect(failure([{ op: 'add', path: '/spec/containers/5', value: {} }])).toBe("error in add for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced");
    expect(failure([{ op: 'remove', path: '/spec/nope' }])).toBe("error in remove for path: '/spec/nope': Unable to remove nonexistent key: nope: missing value");
    expect(failure([{ op: 'remove', path: '/spec/a/b' }])).toBe('remove operation does not apply: doc is missing path: "/spec/a/b": missing value');
    expect(failure([{ op: 'remove', path: '/spec/containers/5' }])).toBe("error in remove for path: '/spec/containers/5': Unable to access invalid index: 5: invalid index referenced");
    expect(failure([{ op: 'remove', path: '/spec/containers/x' }])).toBe(`error in remove for path: '/spec/containers/x': strconv.Atoi: parsing "x": invalid syntax`);
    expect(failure([{ op: 'replace', path: '/spec/nope/x', value: 1 }])).toBe('replace operation does not apply: doc is missing path: /spec/nope/x: missing value');
    expect(failure([{ op: 'replace', path: '/spec/containers/5', value: {} }])).toBe('replace operation does not apply: doc is missing key: /spec/containers/5: missing value');
    expect(failure([{ op: 'move', from: '/spec/nope', path: '/spec/x' }])).toBe("error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value");
    expect(failure([{ op: 'move', from: '/spec/a/b', path: '/spec/x' }])).toBe('move operation does not apply: doc is missing from path: /spec/a/b: missing value');
    expect(failure([{ op: 'move', from: '/spec/dnsPolicy', path: '/spec/a/b' }])).toBe('move operation does not apply: doc is missing destination path: /spec/a/b: missing value');
    expect(failure([{ op: 'copy', from: '/spec/a/b', path: '/spec/x' }])).toBe('copy operation does not apply: doc is missing from path: /spec/a/b: missing value');
    expect(failure([{ op: 'copy', from: '/spec/dnsPolicy', path: '/spec/a/b' }])).toBe('copy operation does not apply: doc is missing destination path: /spec/a/b: missing value');
    expect(failure([{ op: 'test', path: '/spec/dnsPolicy', value: 'x' }])).toBe('testing value /spec/dnsPolicy failed: test failed');
    expect(failure([{ op: 'test', path: '/spec/a/b', value: 1 }])).toBe('test operation does not apply: is missing path: /spec/a/b: missing value');
    expect(failure([{ op: 'add', value: 1 }])).toBe('add operation failed to decode path: missing value');
    expect(failure([{ op: 'move', path: '/spec/x' }])).toBe('move operation failed to decode from: operation, missing from field: missing value');
    expect(failure([{ op: 'bogus', path: '/spec' }])).toBe('Unexpected kind: bogus');
    expect(failure([{ path: '/spec' }])).toBe('Unexpected kind: unknown');
    expect(failure([null])).toBe('Unexpected kind: unknown');
    expect(failure([1])).toBe('json: cannot unmarshal number into Go value of type jsonpatch.Operation');
    expect(failure('x')).toBe('json: cannot unmarshal string into Go value of type jsonpatch.Patch');
    expect(failure({ op: 'add' })).toBe('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  });
});
