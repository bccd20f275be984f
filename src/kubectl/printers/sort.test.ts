import { describe, expect, it } from 'vitest';
import { sortBy, stringLess } from './sort';

describe('--sort-by', () => {
  it('orders strings byte by byte and quantities by value, as the real kubectl prints them', () => {
    const names = ['x9', 'a9', '1k', 'a-b', '10', 'a10', '2m', 'a09', '9', 'a1', 'x10'];
    const order = (a: string, b: string) => (stringLess(a, b) ? -1 : stringLess(b, a) ? 1 : 0);
    expect([...names].sort(order)).toEqual(['2m', '9', '10', '1k', 'a-b', 'a09', 'a1', 'a10', 'a9', 'x10', 'x9']);
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
