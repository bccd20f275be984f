// The node-local score plugins with upstream's default weights: TaintToleration 3,
// NodeAffinity 2, NodeResourcesFit (LeastAllocated) 1, NodeResourcesBalancedAllocation 1,
// ImageLocality 1. The resource scores read the NodeTable's columns, many nodes at once.
// Upstream: pkg/scheduler/framework/plugins and apis/config/v1/default_plugins.go.

import { matchesTerm } from '../../api/node-affinity';
import { toleratedBy } from '../../api/taints';
import { defaultNormalize, MAX_NODE_SCORE, type CycleState, type ScorePlugin } from '../framework';
import type { NodeTable } from '../node-table';

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  /** Without PreferNoSchedule taints every node scores the same: nothing to rank. */
  preScore: (state, feasible) => state.table.softTaintedNodes > 0 && feasible.some((n) => state.table.softTaints[n.index] > 0),
  score(state, info) {
    let count = 0;
    for (const taint of info.softTaints) if (!toleratedBy(taint, state.pod.tolerations)) count++;
    return count;
  },
  normalize: (scores, count) => defaultNormalize(scores, count, true),
};

export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preScore(state) {
    return (state.pod.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
  },
  score(state, info) {
    let sum = 0;
    for (const term of state.pod.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (matchesTerm(info.node, term.preference)) sum += term.weight;
    }
    return sum;
  },
  normalize: (scores, count) => defaultNormalize(scores, count, false),
};

function leastAllocated(requested: number, allocatable: number): number {
  if (allocatable === 0 || requested > allocatable) return 0;
  return Math.floor(((allocatable - requested) * MAX_NODE_SCORE) / allocatable);
}

/** Scores the nodes at `slots[0..count)` with `score(table, slot, wantCpu, wantMemory)`. */
function scoreEachSlot(
  state: CycleState,
  slots: Int32Array,
  count: number,
  scores: Float64Array,
  score: (table: NodeTable, slot: number, wantMilliCpu: number, wantMemory: number) => number,
): void {
  const { milliCpu, memory } = state.pod.nonZero;
  const table = state.table;
  for (let i = 0; i < count; i++) scores[i] = score(table, slots[i], milliCpu, memory);
}

function leastAllocatedAt(table: NodeTable, slot: number, wantMilliCpu: number, wantMemory: number): number {
  const cpu = leastAllocated(table.nonZeroMilliCpu[slot] + wantMilliCpu, table.allocatableMilliCpu[slot]);
  const memory = leastAllocated(table.nonZeroMemory[slot] + wantMemory, table.allocatableMemory[slot]);
  return Math.floor((cpu + memory) / 2);
}

export const leastAllocatedScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score: (state, info) => leastAllocatedAt(state.table, info.index, state.pod.nonZero.milliCpu, state.pod.nonZero.memory),
  scoreSlots: (state, slots, count, scores) => scoreEachSlot(state, slots, count, scores, leastAllocatedAt),
};

function balancedAllocationAt(table: NodeTable, slot: number, wantMilliCpu: number, wantMemory: number): number {
  const cpu = Math.min(1, (table.nonZeroMilliCpu[slot] + wantMilliCpu) / Math.max(1, table.allocatableMilliCpu[slot]));
  const memory = Math.min(1, (table.nonZeroMemory[slot] + wantMemory) / Math.max(1, table.allocatableMemory[slot]));
  return Math.floor((1 - Math.abs(cpu - memory) / 2) * MAX_NODE_SCORE);
}

export const balancedAllocationScore: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score: (state, info) => balancedAllocationAt(state.table, info.index, state.pod.nonZero.milliCpu, state.pod.nonZero.memory),
  scoreSlots: (state, slots, count, scores) => scoreEachSlot(state, slots, count, scores, balancedAllocationAt),
};

const MB = 1024 * 1024;
const MIN_IMAGE_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export const imageLocalityScore: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  /** When no node has any of the pod's images every node scores the same: nothing to rank. */
  preScore: (state) => state.pod.images.some((image) => state.imageNodeCount(image) > 0),
  score(state, info) {
    if (info.images.size === 0) return 0;
    const total = Math.max(1, state.allNodes.length);
    let sum = 0;
    for (const image of state.pod.images) {
      const size = info.images.get(image);
      if (size !== undefined) sum += size * (state.imageNodeCount(image) / total);
    }
    const maxThreshold = MAX_CONTAINER_THRESHOLD * state.pod.images.length;
    const clamped = Math.min(Math.max(sum, MIN_IMAGE_THRESHOLD), maxThreshold);
    return Math.floor((MAX_NODE_SCORE * (clamped - MIN_IMAGE_THRESHOLD)) / (maxThreshold - MIN_IMAGE_THRESHOLD));
  },
};
