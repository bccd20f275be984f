// Disruption per zone and the rate of NoExecute tainting: nodes are tainted at 0.1 per second
// per zone (burst 1) while the zone is healthy; a small zone (50 nodes or fewer) with more than
// two and at least 55% of its nodes not ready stops tainting (partial disruption), so a
// network split does not evict everything; if every zone has no ready node the controller
// assumes its own connectivity is at fault and untaints. Upstream:
// pkg/controller/nodelifecycle/node_lifecycle_controller.go (ComputeZoneState, handleDisruption).

import type { Node, NodeCondition } from '../../api/core';

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

const UNHEALTHY_ZONE_THRESHOLD = 0.55;
const LARGE_CLUSTER_THRESHOLD = 50;
const EVICTION_QPS = 0.1;
const SECONDARY_EVICTION_QPS = 0.01;

export function zoneOf(node: Node): string {
  const labels = node.metadata.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? '';
  return region || zone ? `${region}:\u0000:${zone}` : '';
}

export function isExcludedFromDisruption(node: Node): boolean {
  return node.metadata.labels?.['node.kubernetes.io/exclude-disruption'] !== undefined;
}

export function zoneState(readyConditions: readonly (NodeCondition | undefined)[]): ZoneState {
  let ready = 0;
  let notReady = 0;
  for (const c of readyConditions) {
    if (c?.status === 'True') ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (ready + notReady) >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/** Taints per second a zone in `state` with `size` nodes may receive. */
export function taintRate(state: ZoneState, size: number): number {
  if (state === 'PartialDisruption') return size > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_QPS : 0;
  return EVICTION_QPS;
}

/** A token bucket on the cluster clock: `rate` tokens a second, at most one saved up. */
export class TokenBucket {
  private tokens = 1;
  private at: number;

  constructor(
    private rate: number,
    now: number,
  ) {
    this.at = now;
  }

  setRate(rate: number, now: number): void {
    this.refill(now);
    this.rate = rate;
  }

  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(now: number): void {
    this.tokens = Math.min(1, this.tokens + ((now - this.at) / 1000) * this.rate);
    this.at = now;
  }
}
