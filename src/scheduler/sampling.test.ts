import { describe, expect, it } from 'vitest';
import { feasibleNodesToFind } from './sampling';

describe('percentageOfNodesToScore', () => {
  it('looks at every node of a small cluster', () => {
    expect(feasibleNodesToFind(4)).toBe(4);
    expect(feasibleNodesToFind(99)).toBe(99);
  });

  it('samples large clusters adaptively, never fewer than 100 nodes', () => {
    expect(feasibleNodesToFind(5000)).toBe(500);
    expect(feasibleNodesToFind(100)).toBe(100);
    expect(feasibleNodesToFind(6000)).toBe(300);
    expect(feasibleNodesToFind(20_000)).toBe(1000);
  });
});
