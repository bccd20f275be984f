// Cluster DNS as CoreDNS's kubernetes plugin answers it (pods insecure, the kind default):
// `svc.ns.svc.cluster.local` is the ClusterIP, or for a headless Service the addresses of its
// ready endpoints; `host.svc.ns.svc.cluster.local` is the endpoint with that hostname (or
// dashed IP); `a-b-c-d.ns.pod.cluster.local` is that address; an ExternalName Service is an
// alias of its external name. Names are searched as a pod's resolv.conf says (ndots 5, the
// namespace's search list; a trailing dot makes a name absolute). Upstream: coredns/plugin/kubernetes.

import type { EndpointSlice } from '../api/apps';
import type { Service } from '../api/core';
import { SERVICE_NAME_LABEL } from '../../workers/node/kube-proxy/service-rules';

export const CLUSTER_DOMAIN = 'cluster.local';
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const NDOTS = 5;
/** How many ExternalName aliases are followed before giving up (a loop). */
const MAX_ALIASES = 8;

/** The search list of a pod in `namespace` (ClusterFirst). */
export function searchDomains(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** The names a resolver tries for `name`, in order. */
export function candidateNames(name: string, namespace: string): string[] {
  const host = name.toLowerCase();
  if (host.endsWith('.')) return [host.slice(0, -1)];
  const searched = searchDomains(namespace).map((domain) => `${host}.${domain}`);
  const dots = host.split('.').length - 1;
  return dots >= NDOTS ? [host, ...searched] : [...searched, host];
}

/** What DNS reads of an informer's cache. */
export interface ObjectCache<T> {
  get(key: string): T | undefined;
  list(): T[];
}

export class ClusterDns {
  constructor(
    private readonly services: ObjectCache<Service>,
    private readonly endpointSlices: ObjectCache<EndpointSlice>,
  ) {}

  /** Addresses for `name` as a pod in `fromNamespace` would resolve it; [] for NXDOMAIN. */
  resolve(name: string, fromNamespace: string): string[] {
    if (IPV4.test(name.replace(/\.$/, ''))) return [name.replace(/\.$/, '')];
    for (const candidate of candidateNames(name, fromNamespace)) {
      const found = this.lookup(candidate, 0);
      if (found.length > 0) return found;
    }
    return [];
  }

  /** A fully qualified name (without the trailing dot). */
  private lookup(fqdn: string, aliases: number): string[] {
    const suffix = `.${CLUSTER_DOMAIN}`;
    if (!fqdn.endsWith(suffix)) return [];
    const parts = fqdn.slice(0, -suffix.length).split('.');
    if (parts.length === 3 && parts[2] === 'pod') {
      const ip = parts[0].replace(/-/g, '.');
      return IPV4.test(ip) ? [ip] : [];
    }
    if (parts.length === 3 && parts[2] === 'svc') return this.serviceRecords(parts[1], parts[0], aliases);
    if (parts.length === 4 && parts[3] === 'svc') return this.endpointRecord(parts[2], parts[1], parts[0]);
    return [];
  }

  private serviceRecords(namespace: string, name: string, aliases: number): string[] {
    const service = this.services.get(`${namespace}/${name}`);
    if (!service) return [];
    if (service.spec.type === 'ExternalName') {
      const target = (service.spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
      return target && aliases < MAX_ALIASES ? this.lookup(target, aliases + 1) : [];
    }
    const ip = service.spec.clusterIP;
    if (ip && ip !== 'None') return [ip];
    return [...new Set(this.readyEndpoints(namespace, name).map((e) => e.address))].sort(compareIPs);
  }

  private endpointRecord(namespace: string, service: string, host: string): string[] {
    const found = this.readyEndpoints(namespace, service).find((e) => (e.hostname ?? e.address.replace(/\./g, '-')) === host);
    return found ? [found.address] : [];
  }

  private readyEndpoints(namespace: string, service: string): { address: string; hostname?: string }[] {
    const endpoints: { address: string; hostname?: string }[] = [];
    for (const slice of this.endpointSlices.list()) {
      if (slice.metadata.namespace !== namespace || slice.metadata.labels?.[SERVICE_NAME_LABEL] !== service || slice.addressType !== 'IPv4') continue;
      for (const endpoint of slice.endpoints ?? []) {
        if (endpoint.conditions?.ready === false || !endpoint.addresses[0]) continue;
        endpoints.push({ address: endpoint.addresses[0], hostname: endpoint.hostname });
      }
    }
    return endpoints;
  }
}

function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}
