import { describe, expect, it } from 'vitest';
import { naturalLess, sortBy } from './sort';

describe('--sort-by', () => {
  it('orders strings naturally, numbers inside by value', () => {
    const names = ['pod-10', 'pod-9', 'pod-1', 'abc', 'pod-01'];
    expect([...names].sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0))).toEqual(['abc', 'pod-1', 'pod-01', 'pod-9', 'pod-10']);
  });

  it('sorts by a JSONPath value, keeping ties in order and missing values first', () => {
    const items = [
      { name: 'a', spec: { replicas: 3 } },
      { name: 'b', spec: {} },
      { name: 'c', spec: { replicas: 1 } },
      { name: 'd', spec: { replicas: 3 } },
    ];
    expect(sortBy(items, '.spec.replicas', (i) => i).map((i) => i.name)).toEqual(['b', 'c', 'a', 'd']);
  });
});
