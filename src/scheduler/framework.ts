// The scheduling framework's shapes: what the scheduler knows of a node (NodeInfo), and the
// filter and score plugins that decide where a pod goes. Upstream:
// pkg/scheduler/framework/interface.go and types.go.

import type { Node, Pod } from '../api/core';
import { bytes, milliCpu } from '../api/quantity';

export interface Resources {
  milliCpu: number;
  memory: number;
  pods: number;
}

export interface NodeInfo {
  node: Node;
  pods: Pod[];
  requested: Resources;
  allocatable: Resources;
  /** Host ports in use: `protocol/hostIP/port`. */
  usedPorts: Set<string>;
  /** Images present on the node, by name. */
  images: Map<string, number>;
}

/**
 * Why a node does not fit. `unresolvable` failures (taints, affinity, cordon) cannot be fixed
 * by preemption; resource shortfalls can.
 */
export interface FilterFailure {
  reasons: string[];
  unresolvable: boolean;
}

export interface FilterPlugin {
  readonly name: string;
  filter(pod: Pod, node: NodeInfo, all: readonly NodeInfo[]): FilterFailure | undefined;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** A raw score for one node; normalized to 0..100 across feasible nodes when `normalize` is set. */
  score(pod: Pod, node: NodeInfo, all: readonly NodeInfo[]): number;
  normalize?(scores: number[]): number[];
}

/** CPU and memory a pod asks for, as the scheduler accounts it (init containers by max). */
export function podRequests(pod: Pod): Resources {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    cpu += milliCpu(c.resources?.requests?.cpu);
    memory += bytes(c.resources?.requests?.memory);
  }
  let sidecarCpu = 0;
  let sidecarMemory = 0;
  for (const c of pod.spec.initContainers ?? []) {
    const cCpu = milliCpu(c.resources?.requests?.cpu);
    const cMemory = bytes(c.resources?.requests?.memory);
    if (c.restartPolicy === 'Always') {
      sidecarCpu += cCpu;
      sidecarMemory += cMemory;
      cpu += cCpu;
      memory += cMemory;
    } else {
      cpu = Math.max(cpu, sidecarCpu + cCpu);
      memory = Math.max(memory, sidecarMemory + cMemory);
    }
  }
  return { milliCpu: cpu, memory, pods: 1 };
}

/** Unresolvable failure: the node can never take the pod, preemption or not. */
export function unresolvable(...reasons: string[]): FilterFailure {
  return { reasons, unresolvable: true };
}

export function unschedulable(...reasons: string[]): FilterFailure {
  return { reasons, unresolvable: false };
}
