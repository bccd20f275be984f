import { describe, expect, it } from 'vitest';
import { BinaryHeap } from './binary-heap';

describe('BinaryHeap', () => {
  it('pops items in the order of its relation, ties by insertion when the relation says so', () => {
    const heap = new BinaryHeap<{ due: number; seq: number }>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq));
    const dues = [5, 3, 9, 3, 1, 7, 5];
    dues.forEach((due, seq) => heap.push({ due, seq }));
    const popped: string[] = [];
    while (heap.size > 0) {
      const item = heap.pop()!;
      popped.push(`${item.due}/${item.seq}`);
    }
    expect(popped).toEqual(['1/4', '3/1', '3/3', '5/0', '5/6', '7/5', '9/2']);
    expect(heap.pop()).toBeUndefined();
  });
});
