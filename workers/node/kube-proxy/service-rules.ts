// kube-proxy's view of the cluster as rules: for every TCP port of every Service with a virtual
// IP, the endpoints its traffic may go to, by ClusterIP, by external address (LoadBalancer
// ingress, externalIPs) and by NodePort on any node's address. Endpoints come from the
// Service's EndpointSlices: the ready ones, or, when none is ready, the serving ones that are
// terminating; a Local traffic policy keeps only this node's. Upstream: pkg/proxy
// (servicechangetracker, endpointschangetracker, topology.go CategorizeEndpoints).

import type { EndpointSlice } from '../../../src/api/apps';
import type { Node, Service, ServicePort } from '../../../src/api/core';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** Upstream's default ClientIP affinity timeout (3 hours). */
export const DEFAULT_AFFINITY_SECONDS = 10_800;

export interface Backend {
  ip: string;
  port: number;
}

export interface PortRule {
  /** `namespace/name:port-name`: one affinity table per service port, as kube-proxy keeps it. */
  key: string;
  /** Where traffic from inside the cluster (to the ClusterIP) goes. */
  internal: Backend[];
  /** Where traffic from outside (NodePort, LoadBalancer, external IPs) goes. */
  external: Backend[];
  /** Seconds a client stays with its endpoint (sessionAffinity: ClientIP), or undefined. */
  affinitySeconds?: number;
}

export interface ServiceRules {
  /** `ip:port` of a ClusterIP to its rule. */
  clusterIPs: Map<string, PortRule>;
  /** `ip:port` of a LoadBalancer ingress IP or an external IP to its rule. */
  externalAddresses: Map<string, PortRule>;
  nodePorts: Map<number, PortRule>;
  /** Every ClusterIP (traffic to one on a port it does not serve is rejected). */
  virtualIPs: Set<string>;
  nodeAddresses: Set<string>;
}

interface Candidate extends Backend {
  ready: boolean;
  servingTerminating: boolean;
  local: boolean;
}

function hasVirtualIP(service: Service): boolean {
  const ip = service.spec.clusterIP;
  return service.spec.type !== 'ExternalName' && Boolean(ip) && ip !== 'None';
}

function candidatesFor(port: ServicePort, slices: readonly EndpointSlice[], nodeName: string): Candidate[] {
  const seen = new Map<string, Candidate>();
  const portName = port.name ?? '';
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === 'TCP');
    if (slicePort?.port === undefined || slicePort.port === null) continue;
    for (const endpoint of slice.endpoints ?? []) {
      const ip = endpoint.addresses[0];
      if (!ip) continue;
      const ready = endpoint.conditions?.ready ?? true;
      const serving = endpoint.conditions?.serving ?? ready;
      const terminating = endpoint.conditions?.terminating ?? false;
      const key = `${ip}:${slicePort.port}`;
      if (!seen.has(key)) {
        seen.set(key, { ip, port: slicePort.port, ready, servingTerminating: serving && terminating, local: endpoint.nodeName === nodeName });
      }
    }
  }
  return [...seen.values()];
}

/** Ready endpoints, or the serving-terminating ones when none is ready (ProxyTerminatingEndpoints). */
function usable(candidates: readonly Candidate[]): Backend[] {
  const ready = candidates.filter((c) => c.ready);
  const chosen = ready.length > 0 ? ready : candidates.filter((c) => c.servingTerminating);
  return chosen.map(({ ip, port }) => ({ ip, port }));
}

function policyEndpoints(candidates: readonly Candidate[], policy: string | undefined): Backend[] {
  return usable(policy === 'Local' ? candidates.filter((c) => c.local) : candidates);
}

export function buildServiceRules(services: readonly Service[], slices: readonly EndpointSlice[], nodes: readonly Node[], nodeName: string): ServiceRules {
  const rules: ServiceRules = { clusterIPs: new Map(), externalAddresses: new Map(), nodePorts: new Map(), virtualIPs: new Set(), nodeAddresses: new Set() };
  for (const node of nodes) {
    for (const address of node.status?.addresses ?? []) if (address.type === 'InternalIP' || address.type === 'ExternalIP') rules.nodeAddresses.add(address.address);
  }
  const slicesByService = new Map<string, EndpointSlice[]>();
  for (const slice of slices) {
    const name = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!name) continue;
    const key = `${slice.metadata.namespace}/${name}`;
    slicesByService.set(key, [...(slicesByService.get(key) ?? []), slice]);
  }
  for (const service of services) {
    if (!hasVirtualIP(service)) continue;
    const serviceKey = `${service.metadata.namespace}/${service.metadata.name}`;
    const clusterIPs = service.spec.clusterIPs?.length ? service.spec.clusterIPs : [service.spec.clusterIP as string];
    for (const ip of clusterIPs) rules.virtualIPs.add(ip);
    const affinity = service.spec.sessionAffinity === 'ClientIP' ? (service.spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) : undefined;
    const external = [
      ...(service.spec.externalIPs ?? []),
      ...(service.spec.type === 'LoadBalancer' ? (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '').filter(Boolean) : []),
    ];
    for (const port of service.spec.ports ?? []) {
      if ((port.protocol ?? 'TCP') !== 'TCP') continue;
      const candidates = candidatesFor(port, slicesByService.get(serviceKey) ?? [], nodeName);
      const rule: PortRule = {
        key: `${serviceKey}:${port.name ?? ''}`,
        internal: policyEndpoints(candidates, service.spec.internalTrafficPolicy),
        external: policyEndpoints(candidates, service.spec.externalTrafficPolicy),
        affinitySeconds: affinity,
      };
      for (const ip of clusterIPs) rules.clusterIPs.set(`${ip}:${port.port}`, rule);
      for (const ip of external) rules.externalAddresses.set(`${ip}:${port.port}`, rule);
      if (port.nodePort && (service.spec.type === 'NodePort' || service.spec.type === 'LoadBalancer')) rules.nodePorts.set(port.nodePort, rule);
    }
  }
  return rules;
}
