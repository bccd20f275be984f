// PodTopologySpread: hard constraints (DoNotSchedule) filter out nodes where placing the pod
// would make the skew between topology domains exceed maxSkew; soft ones (ScheduleAnyway), or
// the system defaults (hostname maxSkew 3, zone maxSkew 5) for pods owned by a Service or
// ReplicaSet, score nodes with fewer matching pods higher. Upstream:
// pkg/scheduler/framework/plugins/podtopologyspread (filtering.go, scoring.go).

import type { TopologySpreadConstraint } from '../../api/core';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import { nodeMatchesPod } from '../../api/node-affinity';
import { MAX_NODE_SCORE, unresolvable, unschedulable, type CycleState, type FilterPlugin, type NodeInfo, type ScorePlugin } from '../framework';

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const CONSTRAINTS_NOT_MATCH = 'node(s) didn\'t match pod topology spread constraints';
const NOT_MATCH = unschedulable(CONSTRAINTS_NOT_MATCH);
const MISSING_LABEL = unresolvable(`${CONSTRAINTS_NOT_MATCH} (missing required label)`);

interface Constraint {
  key: string;
  maxSkew: number;
  minDomains: number;
  selector: Selector;
}

function parse(constraints: readonly TopologySpreadConstraint[], when: string): Constraint[] {
  return constraints
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => ({ key: c.topologyKey, maxSkew: c.maxSkew, minDomains: c.minDomains ?? 1, selector: fromLabelSelector(c.labelSelector) }));
}

/** Matching, non-terminating pods of `namespace` on a node. */
function countOn(node: NodeInfo, selector: Selector, namespace: string): number {
  if (selector.length === 0) return 0;
  let count = 0;
  for (const pod of node.pods.values()) {
    if (pod.namespace === namespace && !pod.pod.metadata.deletionTimestamp && matches(selector, pod.labels)) count++;
  }
  return count;
}

function hasKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  return constraints.every((c) => node.labels[c.key] !== undefined);
}

interface FilterData {
  constraints: Constraint[];
  counts: Map<string, number>[];
  minMatch: number[];
}

export const topologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  preFilter(state) {
    const constraints = parse(state.pod.spreadConstraints, 'DoNotSchedule');
    if (constraints.length === 0) return 'skip';
    const counts = constraints.map(() => new Map<string, number>());
    for (const node of state.allNodes) {
      if (!nodeMatchesPod(state.pod.pod, node.node) || !hasKeys(node, constraints)) continue;
      constraints.forEach((c, i) => {
        const value = node.labels[c.key];
        counts[i].set(value, (counts[i].get(value) ?? 0) + countOn(node, c.selector, state.pod.namespace));
      });
    }
    const minMatch = constraints.map((c, i) => (counts[i].size < c.minDomains ? 0 : Math.min(...counts[i].values())));
    state.data.set('PodTopologySpread/filter', { constraints, counts, minMatch } satisfies FilterData);
    return undefined;
  },
  filter(state, node) {
    const data = state.data.get('PodTopologySpread/filter') as FilterData;
    for (let i = 0; i < data.constraints.length; i++) {
      const c = data.constraints[i];
      const value = node.labels[c.key];
      if (value === undefined) return MISSING_LABEL;
      const self = matches(c.selector, state.pod.labels) ? 1 : 0;
      if ((data.counts[i].get(value) ?? 0) + self - data.minMatch[i] > c.maxSkew) return NOT_MATCH;
    }
    return undefined;
  },
};

interface ScoreData {
  constraints: Constraint[];
  counts: Map<string, number>[];
  weights: number[];
  ignored: Set<string>;
  scored: string[];
}

function scoreConstraints(state: CycleState): { constraints: Constraint[]; requireAll: boolean } {
  if (state.pod.spreadConstraints.length > 0) return { constraints: parse(state.pod.spreadConstraints, 'ScheduleAnyway'), requireAll: true };
  const selector = state.ownersSelector();
  if (selector.length === 0) return { constraints: [], requireAll: false };
  return {
    constraints: [
      { key: HOSTNAME, maxSkew: 3, minDomains: 1, selector },
      { key: ZONE, maxSkew: 5, minDomains: 1, selector },
    ],
    requireAll: false,
  };
}

export const topologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(state, feasible) {
    const { constraints, requireAll } = scoreConstraints(state);
    if (constraints.length === 0) return false;
    const ignored = new Set<string>();
    const counts = constraints.map(() => new Map<string, number>());
    for (const node of feasible) {
      if (requireAll && !hasKeys(node, constraints)) {
        ignored.add(node.name);
        continue;
      }
      constraints.forEach((c, i) => {
        if (c.key !== HOSTNAME) counts[i].set(node.labels[c.key] ?? '', 0);
      });
    }
    const weights = constraints.map((c, i) => Math.log((c.key === HOSTNAME ? feasible.length - ignored.size : counts[i].size) + 2));
    for (const node of state.allNodes) {
      if (!nodeMatchesPod(state.pod.pod, node.node) || (requireAll && !hasKeys(node, constraints))) continue;
      constraints.forEach((c, i) => {
        if (c.key === HOSTNAME) return;
        const value = node.labels[c.key] ?? '';
        const current = counts[i].get(value);
        if (current !== undefined) counts[i].set(value, current + countOn(node, c.selector, state.pod.namespace));
      });
    }
    state.data.set('PodTopologySpread/score', { constraints, counts, weights, ignored, scored: [] } satisfies ScoreData);
    return true;
  },
  score(state, node) {
    const data = state.data.get('PodTopologySpread/score') as ScoreData;
    data.scored.push(node.name);
    if (data.ignored.has(node.name)) return 0;
    let score = 0;
    data.constraints.forEach((c, i) => {
      const value = node.labels[c.key];
      if (value === undefined) return;
      const count = c.key === HOSTNAME ? countOn(node, c.selector, state.pod.namespace) : (data.counts[i].get(value) ?? 0);
      score += count * data.weights[i] + (c.maxSkew - 1);
    });
    return Math.round(score);
  },
  normalize(scores, count, state) {
    const data = state.data.get('PodTopologySpread/score') as ScoreData;
    let min = Infinity;
    let max = 0;
    for (let i = 0; i < count; i++) {
      if (data.ignored.has(data.scored[i])) continue;
      min = Math.min(min, scores[i]);
      max = Math.max(max, scores[i]);
    }
    for (let i = 0; i < count; i++) {
      if (data.ignored.has(data.scored[i])) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.floor((MAX_NODE_SCORE * (max + min - scores[i])) / max);
    }
  },
};
