// The scheduling framework's shapes: what the scheduler knows of a pod (PodInfo, computed once
// per attempt) and of a node (NodeInfo and its NodeTable slot, kept current incrementally), the
// per-attempt cycle state, and the filter and score plugins that decide where a pod goes.
// Upstream: pkg/scheduler/framework/interface.go and types.go.

import type { Node, Pod, Taint, Toleration, TopologySpreadConstraint } from '../api/core';
import type { Selector } from '../api/labels';
import type { NodeTable } from './node-table';

export const MAX_NODE_SCORE = 100;

export interface Resources {
  milliCpu: number;
  memory: number;
  pods: number;
}

export interface HostPort {
  protocol: string;
  ip: string;
  port: number;
}

/** A pod affinity term with its selector parsed and its namespaces resolved. */
export interface AffinityTerm {
  selector: Selector;
  /** Namespaces the term names (the pod's own when it names none and has no namespaceSelector). */
  namespaces: ReadonlySet<string>;
  /** An empty namespaceSelector: every namespace. */
  allNamespaces: boolean;
  /** A non-empty namespaceSelector, matched against namespace labels. */
  namespaceSelector?: Selector;
  topologyKey: string;
  weight: number;
}

/** The scheduler's view of one pod, computed once. */
export interface PodInfo {
  pod: Pod;
  key: string;
  namespace: string;
  labels: Readonly<Record<string, string>>;
  requests: Resources;
  /** Requests with upstream's defaults for containers that state none (100m, 200Mi), for scoring. */
  nonZero: { milliCpu: number; memory: number };
  hostPorts: readonly HostPort[];
  tolerations: readonly Toleration[];
  images: readonly string[];
  requiredAffinity: readonly AffinityTerm[];
  requiredAntiAffinity: readonly AffinityTerm[];
  preferredAffinity: readonly AffinityTerm[];
  preferredAntiAffinity: readonly AffinityTerm[];
  spreadConstraints: readonly TopologySpreadConstraint[];
}

/**
 * The scheduler's view of one node with the pods on it (assumed ones included). Its resource
 * figures (allocatable, requested) live in the NodeTable at slot `index`.
 */
export interface NodeInfo {
  name: string;
  /** The node's slot in the NodeTable and its position in the cache's node list. */
  index: number;
  node: Node;
  labels: Readonly<Record<string, string>>;
  /** NoSchedule and NoExecute taints (the filter's concern). */
  hardTaints: readonly Taint[];
  /** PreferNoSchedule taints (the score's concern). */
  softTaints: readonly Taint[];
  pods: Map<string, PodInfo>;
  usedPorts: HostPort[];
  /** Images present on the node (normalized name → size in bytes). */
  images: Map<string, number>;
  /** Pods on the node with any (anti-)affinity terms. */
  podsWithAffinity: number;
  podsWithRequiredAntiAffinity: number;
}

/**
 * Why a node does not fit. `unresolvable` failures (taints, affinity, cordon) cannot be fixed
 * by preemption; resource shortfalls can.
 */
export interface FilterFailure {
  reasons: readonly string[];
  unresolvable: boolean;
}

/** Everything one scheduling attempt knows; plugins keep their pre-computed data here. */
export interface CycleState {
  pod: PodInfo;
  /** Every node in the cache, in NodeTable slot order. */
  allNodes: readonly NodeInfo[];
  /** The nodes' resource figures and taint counts. */
  table: NodeTable;
  /** How many nodes have each image (for ImageLocality's spread). */
  imageNodeCount(image: string): number;
  /** Labels of a namespace (for namespaceSelector terms). */
  namespaceLabels(name: string): Readonly<Record<string, string>> | undefined;
  /** The selector of the Services and ReplicaSets that select the pod (for default spreading). */
  ownersSelector(): Selector;
  /** Where a placed pod runs. */
  nodeOfPod(key: string): NodeInfo | undefined;
  /** Every placed pod with (anti-)affinity terms. */
  podsWithAffinity: ReadonlyMap<string, PodInfo>;
  data: Map<string, unknown>;
}

export interface FilterPlugin {
  readonly name: string;
  /**
   * Computes per-attempt data once, before nodes are filtered; 'skip' when the plugin has
   * nothing to check for this pod (its filter is then not called, as upstream's Skip status).
   */
  preFilter?(state: CycleState): 'skip' | void;
  filter(state: CycleState, node: NodeInfo): FilterFailure | undefined;
  /**
   * `filter` for many nodes at once, with the same answers: `slots[0..count)` are NodeTable
   * slots; those that pass stay at the front in their order, a failure is pushed for each that
   * does not, and the number that passed is returned.
   */
  filterSlots?(state: CycleState, slots: Int32Array, count: number, failures: FilterFailure[]): number;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** Prepares for scoring `feasible`; false means the plugin has nothing to say for this pod. */
  preScore?(state: CycleState, feasible: readonly NodeInfo[]): boolean;
  score(state: CycleState, node: NodeInfo): number;
  /** `score` for the nodes at NodeTable slots `slots[0..count)`, written to `scores[0..count)`. */
  scoreSlots?(state: CycleState, slots: Int32Array, count: number, scores: Float64Array): void;
  /** Rescales the first `count` raw scores to 0..100 in place. */
  normalize?(scores: Float64Array, count: number, state: CycleState): void;
}

/** Unresolvable failure: the node can never take the pod, preemption or not. */
export function unresolvable(...reasons: string[]): FilterFailure {
  return { reasons, unresolvable: true };
}

export function unschedulable(...reasons: string[]): FilterFailure {
  return { reasons, unresolvable: false };
}

/** Normalizes to 0..100 against the highest score (reversed: the lowest raw score wins). */
export function defaultNormalize(scores: Float64Array, count: number, reverse: boolean): void {
  let max = 0;
  for (let i = 0; i < count; i++) if (scores[i] > max) max = scores[i];
  for (let i = 0; i < count; i++) {
    if (max === 0) {
      scores[i] = reverse ? MAX_NODE_SCORE : 0;
      continue;
    }
    const scaled = Math.floor((MAX_NODE_SCORE * scores[i]) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - scaled : scaled;
  }
}


