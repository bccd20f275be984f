// Finding feasible nodes: from a round-robin start, nodes are filtered until the wanted number
// fit, each filter plugin in turn over the nodes still standing (many nodes per call), in chunks
// of as many nodes as are still wanted. Exactly the nodes a node-by-node pass would look at are
// looked at, with the same answers and failures. Upstream: pkg/scheduler/schedule_one.go
// (findNodesThatPassFilters).

import type { CycleState, FilterFailure, FilterPlugin } from './framework';

/** Reusable slot buffers, grown as needed. */
export class FeasibleBuffers {
  candidates = new Int32Array(256);
  /** The feasible nodes' NodeTable slots, in round-robin order. */
  feasible = new Int32Array(256);

  ensure(size: number): void {
    if (this.candidates.length >= size) return;
    this.candidates = new Int32Array(size * 2);
    this.feasible = new Int32Array(size * 2);
  }
}

export interface FeasibleResult {
  /** How many feasible slots `buffers.feasible` holds. */
  found: number;
  /** How many nodes were looked at (where the next search starts). */
  processed: number;
}

/**
 * Filters the `state.allNodes.length` nodes from slot `start` on (wrapping) until `wanted` pass;
 * a failure is pushed to `failures` for each node that does not.
 */
export function findFeasibleSlots(
  state: CycleState,
  filters: readonly FilterPlugin[],
  start: number,
  wanted: number,
  buffers: FeasibleBuffers,
  failures: FilterFailure[],
): FeasibleResult {
  const total = state.allNodes.length;
  buffers.ensure(wanted);
  const slots = buffers.candidates;
  let found = 0;
  let processed = 0;
  while (found < wanted && processed < total) {
    const chunk = Math.min(wanted - found, total - processed);
    for (let j = 0; j < chunk; j++) slots[j] = (start + processed + j) % total;
    let passed = chunk;
    for (const plugin of filters) {
      if (passed === 0) break;
      passed = plugin.filterSlots ? plugin.filterSlots(state, slots, passed, failures) : filterEach(plugin, state, slots, passed, failures);
    }
    buffers.feasible.set(slots.subarray(0, passed), found);
    found += passed;
    processed += chunk;
  }
  return { found, processed };
}

/** A filter plugin without `filterSlots`, node by node; passing slots move to the front. */
function filterEach(plugin: FilterPlugin, state: CycleState, slots: Int32Array, count: number, failures: FilterFailure[]): number {
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const failure = plugin.filter(state, state.allNodes[slots[i]]);
    if (failure) failures.push(failure);
    else slots[kept++] = slots[i];
  }
  return kept;
}
