// InterPodAffinity: a node passes when the pod's required affinity finds matching pods in the
// node's topology domain (or, for the first pod of a group matching its own terms, nowhere yet),
// its required anti-affinity finds none, and no existing pod's required anti-affinity rejects
// it; preferred terms of the pod and of existing pods (and existing pods' required affinity at
// weight 1) score domains up or down. Upstream:
// pkg/scheduler/framework/plugins/interpodaffinity (filtering.go, scoring.go).

import { unresolvable, unschedulable, MAX_NODE_SCORE, type AffinityTerm, type CycleState, type FilterPlugin, type NodeInfo, type PodInfo, type ScorePlugin } from '../framework';
import { termSelects } from '../pod-info';

const AFFINITY_NOT_MATCH = unresolvable("node(s) didn't match pod affinity rules");
const ANTI_AFFINITY_NOT_MATCH = unschedulable("node(s) didn't match pod anti-affinity rules");
const EXISTING_ANTI_AFFINITY = unschedulable("node(s) didn't satisfy existing pods anti-affinity rules");
const HARD_POD_AFFINITY_WEIGHT = 1;

function pair(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

interface FilterData {
  existingAnti: Map<string, number>;
  affinity: Map<string, number>;
  anti: Map<string, number>;
}

function selectsAll(terms: readonly AffinityTerm[], pod: PodInfo, state: CycleState): boolean {
  return terms.every((t) => termSelects(t, pod, state.namespaceLabels));
}

function add(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export const interPodAffinityFilter: FilterPlugin = {
  name: 'InterPodAffinity',
  preFilter(state) {
    const pod = state.pod;
    const existingAnti = new Map<string, number>();
    for (const other of state.podsWithAffinity.values()) {
      if (other.requiredAntiAffinity.length === 0 || other.key === pod.key) continue;
      const node = state.nodeOfPod(other.key);
      if (!node) continue;
      for (const term of other.requiredAntiAffinity) {
        const value = node.labels[term.topologyKey];
        if (value !== undefined && termSelects(term, pod, state.namespaceLabels)) add(existingAnti, pair(term.topologyKey, value));
      }
    }
    const affinity = new Map<string, number>();
    const anti = new Map<string, number>();
    if (pod.requiredAffinity.length > 0 || pod.requiredAntiAffinity.length > 0) {
      for (const node of state.allNodes) {
        for (const other of node.pods.values()) {
          if (other.key === pod.key) continue;
          if (pod.requiredAffinity.length > 0 && selectsAll(pod.requiredAffinity, other, state)) {
            for (const term of pod.requiredAffinity) {
              const value = node.labels[term.topologyKey];
              if (value !== undefined) add(affinity, pair(term.topologyKey, value));
            }
          }
          for (const term of pod.requiredAntiAffinity) {
            const value = node.labels[term.topologyKey];
            if (value !== undefined && termSelects(term, other, state.namespaceLabels)) add(anti, pair(term.topologyKey, value));
          }
        }
      }
    }
    if (existingAnti.size === 0 && pod.requiredAffinity.length === 0 && anti.size === 0) return 'skip';
    state.data.set('InterPodAffinity/filter', { existingAnti, affinity, anti } satisfies FilterData);
    return undefined;
  },
  filter(state, node) {
    const data = state.data.get('InterPodAffinity/filter') as FilterData;
    const pod = state.pod;
    if (pod.requiredAffinity.length > 0) {
      let found = true;
      for (const term of pod.requiredAffinity) {
        const value = node.labels[term.topologyKey];
        if (value === undefined) return AFFINITY_NOT_MATCH;
        if ((data.affinity.get(pair(term.topologyKey, value)) ?? 0) <= 0) found = false;
      }
      if (!found && !(data.affinity.size === 0 && selectsAll(pod.requiredAffinity, pod, state))) return AFFINITY_NOT_MATCH;
    }
    for (const term of pod.requiredAntiAffinity) {
      const value = node.labels[term.topologyKey];
      if (value !== undefined && (data.anti.get(pair(term.topologyKey, value)) ?? 0) > 0) return ANTI_AFFINITY_NOT_MATCH;
    }
    for (const [key, value] of Object.entries(node.labels)) {
      if ((data.existingAnti.get(pair(key, value)) ?? 0) > 0) return EXISTING_ANTI_AFFINITY;
    }
    return undefined;
  },
};

/** Adds `weight` to the topology domain of `node` for `term`'s key. */
function credit(scores: Map<string, number>, term: AffinityTerm, node: NodeInfo, weight: number): void {
  const value = node.labels[term.topologyKey];
  if (value !== undefined) add(scores, pair(term.topologyKey, value), weight);
}

export const interPodAffinityScore: ScorePlugin = {
  name: 'InterPodAffinity',
  weight: 2,
  preScore(state) {
    const pod = state.pod;
    const preferred = pod.preferredAffinity.length + pod.preferredAntiAffinity.length > 0;
    if (!preferred && state.podsWithAffinity.size === 0) return false;
    const scores = new Map<string, number>();
    const visit = (other: PodInfo, node: NodeInfo) => {
      if (other.key === pod.key) return;
      for (const term of pod.preferredAffinity) if (termSelects(term, other, state.namespaceLabels)) credit(scores, term, node, term.weight);
      for (const term of pod.preferredAntiAffinity) if (termSelects(term, other, state.namespaceLabels)) credit(scores, term, node, -term.weight);
      for (const term of other.requiredAffinity) if (termSelects(term, pod, state.namespaceLabels)) credit(scores, term, node, HARD_POD_AFFINITY_WEIGHT);
      for (const term of other.preferredAffinity) if (termSelects(term, pod, state.namespaceLabels)) credit(scores, term, node, term.weight);
      for (const term of other.preferredAntiAffinity) if (termSelects(term, pod, state.namespaceLabels)) credit(scores, term, node, -term.weight);
    };
    if (preferred) {
      for (const node of state.allNodes) for (const other of node.pods.values()) visit(other, node);
    } else {
      for (const other of state.podsWithAffinity.values()) {
        const node = state.nodeOfPod(other.key);
        if (node) visit(other, node);
      }
    }
    if (scores.size === 0) return false;
    state.data.set('InterPodAffinity/score', scores);
    return true;
  },
  score(state, node) {
    const scores = state.data.get('InterPodAffinity/score') as Map<string, number>;
    let total = 0;
    for (const [key, value] of Object.entries(node.labels)) total += scores.get(pair(key, value)) ?? 0;
    return total;
  },
  normalize(scores, count) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < count; i++) {
      min = Math.min(min, scores[i]);
      max = Math.max(max, scores[i]);
    }
    for (let i = 0; i < count; i++) scores[i] = max - min > 0 ? Math.floor((MAX_NODE_SCORE * (scores[i] - min)) / (max - min)) : 0;
  },
};
