// How many feasible nodes to look for before scoring: every node in clusters under 100 nodes;
// in larger ones an adaptive share (50% minus 1% per 125 nodes, at least 5%, at least 100
// nodes), as upstream's percentageOfNodesToScore does by default. Upstream:
// pkg/scheduler/schedule_one.go (numFeasibleNodesToFind).

const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

export function feasibleNodesToFind(totalNodes: number): number {
  if (totalNodes < MIN_FEASIBLE_NODES) return totalNodes;
  const percentage = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.trunc(totalNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES, Math.trunc((totalNodes * percentage) / 100));
}
