// Which pods back a Service and on which ports, shared by the Endpoints and EndpointSlice
// controllers: pods its selector matches that have an IP and have not finished, ready or not,
// and each service port resolved against the pod (a named targetPort looks up the container
// port of that name and protocol). Upstream: pkg/controller/util/endpoint/controller_utils.go
// (ShouldPodBeInEndpoints) and pkg/api/v1/pod/util.go (FindPort).

import type { Pod, Service, ServicePort } from '../../api/core';
import { fromMap, matches } from '../../api/labels';
import { isReady } from '../shared/pod-state';

/** Services with a selector get managed endpoints; selector-less ones are left to their owners. */
export function hasSelector(service: Service): boolean {
  return Object.keys(service.spec.selector ?? {}).length > 0;
}

export function selects(service: Service, pod: Pod): boolean {
  return hasSelector(service) && matches(fromMap(service.spec.selector), pod.metadata.labels);
}

export function shouldBeEndpoint(pod: Pod, includeTerminating: boolean): boolean {
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** The pod's port number for a service port, or undefined when a named port is not found. */
export function podPort(pod: Pod, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = port.protocol ?? 'TCP';
  for (const container of pod.spec.containers) {
    for (const p of container.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

export function podServesTraffic(pod: Pod, service: Service): boolean {
  return service.spec.publishNotReadyAddresses === true || isReady(pod);
}

/** `hostname` of an endpoint: the pod's hostname when its subdomain is the service's name. */
export function endpointHostname(pod: Pod, service: Service): string | undefined {
  if (pod.spec.hostname && pod.spec.subdomain === service.metadata.name && pod.metadata.namespace === service.metadata.namespace) return pod.spec.hostname;
  return undefined;
}

export function podReference(pod: Pod): { kind: string; namespace?: string; name: string; uid?: string } {
  return { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name ?? '', uid: pod.metadata.uid };
}

/** Labels the managed objects carry: the service's own, and the headless marker for clusterIP None. */
export function serviceLabels(service: Service): Record<string, string> {
  const labels = { ...service.metadata.labels };
  if (service.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
  return labels;
}

/** The latest time a pod backing the service changed (last-change-trigger-time). */
export function lastChangeTime(service: Service, pods: readonly Pod[]): string | undefined {
  let latest = service.metadata.creationTimestamp;
  for (const pod of pods) {
    const times = [pod.metadata.creationTimestamp, ...(pod.status?.conditions ?? []).map((c) => c.lastTransitionTime), pod.metadata.deletionTimestamp];
    for (const t of times) if (t && (!latest || t > latest)) latest = t;
  }
  return latest;
}
