// The default plugin set in upstream's order, with upstream's score weights. Upstream:
// pkg/scheduler/apis/config/v1/default_plugins.go.

import type { FilterPlugin, ScorePlugin } from '../framework';
import { nodeAffinity, nodeName, nodePorts, nodeResourcesFit, nodeUnschedulable, taintToleration } from './filters';
import { interPodAffinityFilter, interPodAffinityScore } from './inter-pod-affinity';
import { balancedAllocationScore, imageLocalityScore, leastAllocatedScore, nodeAffinityScore, taintTolerationScore } from './scores';
import { topologySpreadFilter, topologySpreadScore } from './topology-spread';

export const DEFAULT_FILTERS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  topologySpreadFilter,
  interPodAffinityFilter,
];

export const DEFAULT_SCORES: readonly ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  leastAllocatedScore,
  topologySpreadScore,
  interPodAffinityScore,
  balancedAllocationScore,
  imageLocalityScore,
];
