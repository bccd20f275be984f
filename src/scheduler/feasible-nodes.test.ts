import { describe, expect, it } from 'vitest';
import { FeasibleBuffers, findFeasibleSlots } from './feasible-nodes';
import { unresolvable, unschedulable, type CycleState, type FilterFailure, type FilterPlugin, type NodeInfo } from './framework';
import { NodeTable } from './node-table';

const EVERY_THIRD = unresolvable('every third');
const EVERY_FIFTH = unschedulable('every fifth');

/** Fails nodes whose index is a multiple of 3 (node by node only). */
const thirds: FilterPlugin = { name: 'Thirds', filter: (_state, node) => (node.index % 3 === 0 ? EVERY_THIRD : undefined) };

/** Fails nodes whose index is a multiple of 5, node by node and many at once. */
const fifths: FilterPlugin = {
  name: 'Fifths',
  filter: (_state, node) => (node.index % 5 === 0 ? EVERY_FIFTH : undefined),
  filterSlots(_state, slots, count, failures) {
    let kept = 0;
    for (let i = 0; i < count; i++) {
      if (slots[i] % 5 === 0) failures.push(EVERY_FIFTH);
      else slots[kept++] = slots[i];
    }
    return kept;
  },
};

function stateWith(count: number): CycleState {
  const allNodes = Array.from({ length: count }, (_, index) => ({ index, name: `n${index}` }) as NodeInfo);
  return { allNodes, table: new NodeTable() } as unknown as CycleState;
}

/** The node-by-node reference: each node through every filter until `wanted` fit. */
function nodeByNode(state: CycleState, filters: FilterPlugin[], start: number, wanted: number) {
  const feasible: number[] = [];
  const failures: FilterFailure[] = [];
  const total = state.allNodes.length;
  let processed = 0;
  for (let i = 0; i < total && feasible.length < wanted; i++) {
    const node = state.allNodes[(start + i) % total];
    processed++;
    const failure = filters.map((f) => f.filter(state, node)).find((f) => f !== undefined);
    if (failure) failures.push(failure);
    else feasible.push(node.index);
  }
  return { feasible, failures, processed };
}

describe('findFeasibleSlots', () => {
  it.each([
    [40, 0, 10],
    [40, 37, 10],
    [40, 5, 40],
    [7, 3, 100],
    [100, 99, 1],
  ])('looks at the same nodes with the same answers as a node-by-node pass (%i nodes from %i, %i wanted)', (count, start, wanted) => {
    const state = stateWith(count);
    const failures: FilterFailure[] = [];
    const buffers = new FeasibleBuffers();
    const result = findFeasibleSlots(state, [thirds, fifths], start, wanted, buffers, failures);
    const expected = nodeByNode(state, [thirds, fifths], start, wanted);
    expect([...buffers.feasible.subarray(0, result.found)]).toEqual(expected.feasible);
    expect(result.processed).toBe(expected.processed);
    expect(failures.map((f) => f.reasons[0]).sort()).toEqual(expected.failures.map((f) => f.reasons[0]).sort());
  });

  it('reports every node as failed when none fits', () => {
    const state = stateWith(12);
    const failures: FilterFailure[] = [];
    const nothing: FilterPlugin = { name: 'Nothing', filter: () => EVERY_FIFTH };
    const result = findFeasibleSlots(state, [nothing], 4, 5, new FeasibleBuffers(), failures);
    expect(result).toEqual({ found: 0, processed: 12 });
    expect(failures).toHaveLength(12);
  });
});
