// A pod as the scheduler accounts it, computed once: CPU and memory requests (init containers
// by their maximum, sidecars added), the non-zero requests scoring uses, host ports, images and
// parsed pod (anti-)affinity terms. Upstream: pkg/scheduler/framework/types.go (PodInfo,
// calculateResource) and pkg/scheduler/util/pod_resources.go (GetNonzeroRequests).

import type { Pod, PodAffinityTerm } from '../api/core';
import { fromLabelSelector, matches, type Selector } from '../api/labels';
import { objectKey } from '../api/meta';
import { bytes, milliCpu } from '../api/quantity';
import type { AffinityTerm, HostPort, PodInfo, Resources } from './framework';

const DEFAULT_MILLI_CPU = 100;
const DEFAULT_MEMORY = 200 * 1024 * 1024;

/** CPU and memory a pod asks for (init containers by max, sidecars added), as upstream accounts it. */
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

export function hostPortsOf(pod: Pod): HostPort[] {
  const ports: HostPort[] = [];
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    for (const p of c.ports ?? []) if (p.hostPort) ports.push({ protocol: p.protocol ?? 'TCP', ip: p.hostIP || '0.0.0.0', port: p.hostPort });
  }
  return ports;
}

/** `nginx` and `nginx:latest` are the same image. */
export function normalizeImage(image: string): string {
  const lastSlash = image.lastIndexOf('/');
  return image.indexOf(':', lastSlash + 1) < 0 && !image.includes('@') ? `${image}:latest` : image;
}

function term(pod: Pod, t: PodAffinityTerm, weight: number): AffinityTerm {
  const namespaces = new Set(t.namespaces ?? []);
  const nsSelector = t.namespaceSelector ? fromLabelSelector(t.namespaceSelector) : undefined;
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(pod.metadata.namespace ?? 'default');
  return {
    selector: t.labelSelector ? fromLabelSelector(t.labelSelector) : NOTHING,
    namespaces,
    allNamespaces: nsSelector !== undefined && nsSelector.length === 0,
    namespaceSelector: nsSelector && nsSelector.length > 0 ? nsSelector : undefined,
    topologyKey: t.topologyKey,
    weight,
  };
}

/** A term without a labelSelector selects no pod. */
const NOTHING: Selector = [{ key: 'kubetab.dev/no-such-label', operator: 'exists', values: [] }, { key: 'kubetab.dev/no-such-label', operator: '!', values: [] }];

/** Whether `term` (of a pod) selects `other`, given namespace labels for namespaceSelector terms. */
export function termSelects(term: AffinityTerm, other: PodInfo, namespaceLabels: (name: string) => Readonly<Record<string, string>> | undefined): boolean {
  const inNamespace =
    term.allNamespaces || term.namespaces.has(other.namespace) || (term.namespaceSelector !== undefined && matches(term.namespaceSelector, namespaceLabels(other.namespace)));
  return inNamespace && matches(term.selector, other.labels);
}

export function podInfo(pod: Pod): PodInfo {
  const affinity = pod.spec.affinity;
  return {
    pod,
    key: objectKey(pod.metadata),
    namespace: pod.metadata.namespace ?? 'default',
    labels: pod.metadata.labels ?? {},
    requests: podRequests(pod),
    nonZero: nonZeroRequests(pod),
    hostPorts: hostPortsOf(pod),
    tolerations: pod.spec.tolerations ?? [],
    images: pod.spec.containers.map((c) => normalizeImage(c.image ?? '')),
    requiredAffinity: (affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => term(pod, t, 1)),
    requiredAntiAffinity: (affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => term(pod, t, 1)),
    preferredAffinity: (affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => term(pod, w.podAffinityTerm, w.weight)),
    preferredAntiAffinity: (affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) => term(pod, w.podAffinityTerm, w.weight)),
    spreadConstraints: pod.spec.topologySpreadConstraints ?? [],
  };
}

export function hasAffinity(info: PodInfo): boolean {
  return info.requiredAffinity.length + info.requiredAntiAffinity.length + info.preferredAffinity.length + info.preferredAntiAffinity.length > 0;
}
