import { describe, expect, it } from 'vitest';
import { clone, deepFreeze, jsonEqual } from './objects';

describe('object helpers', () => {
  it('compare JSON values structurally: key order ignored, undefined fields as absent, lists in order', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, gone: undefined })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
    expect(jsonEqual({ 0: 1 }, [1])).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual(1, '1')).toBe(false);
    expect(jsonEqual({ a: null }, { a: undefined })).toBe(false);
  });

  it('freeze every level of a value, and copy it back into a mutable one', () => {
    const frozen = deepFreeze({ spec: { containers: [{ name: 'c', ports: [{ containerPort: 80 }] }] } });
    expect(Object.isFrozen(frozen.spec.containers[0].ports[0])).toBe(true);
    expect(Object.isFrozen(frozen.spec.containers)).toBe(true);
    const copy = clone(frozen);
    copy.spec.containers[0].ports[0].containerPort = 8080;
    copy.spec.containers.push({ name: 'd', ports: [] });
    expect(frozen.spec.containers).toEqual([{ name: 'c', ports: [{ containerPort: 80 }] }]);
    expect(copy.spec.containers[0].ports[0].containerPort).toBe(8080);
  });
});
