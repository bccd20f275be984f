// Cluster IPs and node ports for Services, allocated as the API server's allocators do: cluster
// IPs from 10.96.0.0/12 (10.96.0.1 is the kubernetes Service's and 10.96.0.10 the cluster DNS's,
// so neither is handed out again), node ports from 30000-32767, dynamic allocations drawn at
// random from above the small static band kept for explicit requests, and requested values
// refused with upstream's messages when taken or out of range. What is taken is read from the
// stored Services, so a deleted Service frees its addresses. Upstream:
// pkg/registry/core/service/ipallocator and portallocator, storage/alloc.go.

import type { Service, ServicePort } from '../../api/core';
import { fieldError, type FieldError } from '../../api/field-errors';
import { goStringSlice } from '../../api/go-literal';
import type { RegistryLookup } from '../registry/strategy';

export const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = ipToNumber('10.96.0.0');
const CIDR_SIZE = 2 ** 20;
/** Addresses below this offset are only given to Services that ask for them. */
const STATIC_IP_BAND = 256;
export const RESERVED_IPS: Readonly<Record<string, string>> = { '10.96.0.1': 'default/kubernetes', '10.96.0.10': 'kube-system/kube-dns' };

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const STATIC_PORT_BAND = 128;

export function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

function randomInt(limit: number): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] % limit;
}

function others(lookup: RegistryLookup, self: Service): Service[] {
  return (lookup.list('services', '') as Service[]).filter((s) => s.metadata.uid !== self.metadata.uid);
}

function usedIPs(lookup: RegistryLookup, self: Service): Map<string, string> {
  const used = new Map<string, string>();
  for (const svc of others(lookup, self)) for (const ip of svc.spec.clusterIPs ?? []) used.set(ip, `${svc.metadata.namespace}/${svc.metadata.name}`);
  return used;
}

function usedPorts(lookup: RegistryLookup, self: Service): Set<number> {
  const used = new Set<number>();
  for (const svc of others(lookup, self)) {
    for (const port of svc.spec.ports ?? []) if (port.nodePort) used.add(port.nodePort);
    if (svc.spec.healthCheckNodePort) used.add(svc.spec.healthCheckNodePort);
  }
  return used;
}

function ipTaken(ip: string, used: Map<string, string>, self: Service): boolean {
  const owner = RESERVED_IPS[ip];
  if (owner && owner !== `${self.metadata.namespace}/${self.metadata.name}`) return true;
  return used.has(ip);
}

/** Gives the Service a cluster IP: the requested one if free and in range, else a random one. */
export function allocateClusterIP(service: Service, lookup: RegistryLookup): FieldError[] {
  const spec = service.spec;
  const used = usedIPs(lookup, service);
  const requested = spec.clusterIP || spec.clusterIPs?.[0];
  if (requested) {
    const offset = ipToNumber(requested) - CIDR_BASE;
    if (offset <= 0 || offset >= CIDR_SIZE - 1) {
      return [fieldError.invalid('spec.clusterIPs', goStringSlice([requested]), `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`)];
    }
    if (ipTaken(requested, used, service)) return [fieldError.invalid('spec.clusterIPs', goStringSlice([requested]), `failed to allocate IP ${requested}: provided IP is already allocated`)];
    spec.clusterIP = requested;
    spec.clusterIPs = [requested];
    return [];
  }
  for (;;) {
    const ip = numberToIp(CIDR_BASE + STATIC_IP_BAND + randomInt(CIDR_SIZE - 1 - STATIC_IP_BAND));
    if (!ipTaken(ip, used, service)) {
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
      return [];
    }
  }
}

function checkNodePort(port: number, at: string, used: Set<number>): FieldError[] {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
    return [fieldError.invalid(at, port, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`)];
  }
  if (used.has(port)) return [fieldError.invalid(at, port, 'provided port is already allocated')];
  used.add(port);
  return [];
}

function randomNodePort(used: Set<number>): number {
  const dynamic = NODE_PORT_MAX - NODE_PORT_MIN + 1 - STATIC_PORT_BAND;
  if (used.size >= NODE_PORT_MAX - NODE_PORT_MIN + 1) throw new Error('range is full');
  for (;;) {
    const port = NODE_PORT_MIN + STATIC_PORT_BAND + randomInt(dynamic);
    if (!used.has(port)) {
      used.add(port);
      return port;
    }
  }
}

/**
 * Gives each port of a NodePort or LoadBalancer Service a node port (keeping `kept`, the ports
 * it already held), and a health-check port when its external traffic policy is Local.
 */
export function allocateNodePorts(service: Service, lookup: RegistryLookup, kept: ReadonlySet<number> = new Set()): FieldError[] {
  const spec = service.spec;
  const used = usedPorts(lookup, service);
  const errs: FieldError[] = [];
  const wantsPorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  (spec.ports ?? []).forEach((port: ServicePort, i) => {
    if (port.nodePort) {
      if (!kept.has(port.nodePort)) errs.push(...checkNodePort(port.nodePort, `spec.ports[${i}].nodePort`, used));
    } else if (wantsPorts) {
      port.nodePort = randomNodePort(used);
    }
  });
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    if (spec.healthCheckNodePort) {
      if (!kept.has(spec.healthCheckNodePort)) errs.push(...checkNodePort(spec.healthCheckNodePort, 'spec.healthCheckNodePort', used));
    } else {
      spec.healthCheckNodePort = randomNodePort(used);
    }
  }
  return errs;
}
