// The score plugins with upstream's default weights: TaintToleration 3, NodeAffinity 2,
// NodeResourcesFit (LeastAllocated) 1, NodeResourcesBalancedAllocation 1, ImageLocality 1.
// Upstream: pkg/scheduler/framework/plugins and apis/config/v1/default_plugins.go.

import { matchesTerm } from '../../api/node-affinity';
import { toleratedBy } from '../../api/taints';
import { bytes, milliCpu } from '../../api/quantity';
import type { NodeInfo, ScorePlugin } from '../framework';
import type { Pod } from '../../api/core';

const MAX_SCORE = 100;
/** Requests assumed for containers that state none, when scoring (schedutil.GetNonzeroRequests). */
const DEFAULT_MILLI_CPU = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_SCORE : 0));
  return scores.map((s) => {
    const scaled = Math.floor((MAX_SCORE * s) / max);
    return reverse ? MAX_SCORE - scaled : scaled;
  });
}

function nonZeroRequests(pod: Pod): { milliCpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    const requests = c.resources?.requests;
    cpu += requests?.cpu !== undefined ? milliCpu(requests.cpu) : DEFAULT_MILLI_CPU;
    memory += requests?.memory !== undefined ? bytes(requests.memory) : DEFAULT_MEMORY;
  }
  return { milliCpu: cpu, memory };
}

function nonZeroRequested(info: NodeInfo): { milliCpu: number; memory: number } {
  let milliCpu = 0;
  let memory = 0;
  for (const pod of info.pods) {
    const r = nonZeroRequests(pod);
    milliCpu += r.milliCpu;
    memory += r.memory;
  }
  return { milliCpu, memory };
}

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, info) {
    return (info.node.spec.taints ?? []).filter((t) => t.effect === 'PreferNoSchedule' && !toleratedBy(t, pod.spec.tolerations)).length;
  },
  normalize: (scores) => defaultNormalize(scores, true),
};

export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  score(pod, info) {
    const preferred = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    return preferred.reduce((sum, term) => (matchesTerm(info.node, term.preference) ? sum + term.weight : sum), 0);
  },
  normalize: (scores) => defaultNormalize(scores, false),
};

export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, info) {
    const want = nonZeroRequests(pod);
    const have = nonZeroRequested(info);
    const fraction = (requested: number, allocatable: number) =>
      allocatable === 0 || requested > allocatable ? 0 : Math.floor(((allocatable - requested) * MAX_SCORE) / allocatable);
    const cpu = fraction(have.milliCpu + want.milliCpu, info.allocatable.milliCpu);
    const memory = fraction(have.memory + want.memory, info.allocatable.memory);
    return Math.floor((cpu + memory) / 2);
  },
};

export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, info) {
    const want = nonZeroRequests(pod);
    const have = nonZeroRequested(info);
    const cpu = Math.min(1, (have.milliCpu + want.milliCpu) / Math.max(1, info.allocatable.milliCpu));
    const memory = Math.min(1, (have.memory + want.memory) / Math.max(1, info.allocatable.memory));
    const mean = (cpu + memory) / 2;
    const std = Math.sqrt(((cpu - mean) ** 2 + (memory - mean) ** 2) / 2);
    return Math.floor((1 - std) * MAX_SCORE);
  },
};

const MIN_IMAGE_THRESHOLD = 23 * 1024 * 1024;
const MAX_CONTAINER_THRESHOLD = 1000 * 1024 * 1024;

export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  weight: 1,
  score(pod, info, all) {
    let sum = 0;
    for (const c of pod.spec.containers) {
      const size = info.images.get(normalizeImage(c.image ?? ''));
      if (size === undefined) continue;
      const spread = all.filter((n) => n.images.has(normalizeImage(c.image ?? ''))).length / Math.max(1, all.length);
      sum += size * spread;
    }
    const maxThreshold = MAX_CONTAINER_THRESHOLD * pod.spec.containers.length;
    const clamped = Math.min(Math.max(sum, MIN_IMAGE_THRESHOLD), maxThreshold);
    return Math.floor((MAX_SCORE * (clamped - MIN_IMAGE_THRESHOLD)) / (maxThreshold - MIN_IMAGE_THRESHOLD));
  },
};

/** `nginx` and `nginx:latest` are the same image. */
export function normalizeImage(image: string): string {
  const lastSlash = image.lastIndexOf('/');
  return image.indexOf(':', lastSlash + 1) < 0 && !image.includes('@') ? `${image}:latest` : image;
}

export const SCORES: readonly ScorePlugin[] = [taintTolerationScore, nodeAffinityScore, leastAllocated, balancedAllocation, imageLocality];
