// Tables for services, endpoints and endpoint slices. Upstream:
// pkg/printers/internalversion/printers.go (printService, printEndpoints, printEndpointSlice).

import type { EndpointSlice } from '../../api/apps';
import type { Endpoints, Service, ServicePort } from '../../api/core';
import { age } from '../../api/duration';
import { AGE_COLUMN, column, NAME_COLUMN, type TablePrinter } from './table';

const LOAD_BALANCER_WIDTH = 16;

export function servicePorts(ports: readonly ServicePort[] | undefined): string {
  const text = (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
  return text || '<none>';
}

function loadBalancerAddresses(service: Service, wide: boolean): string {
  const addresses = (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((a) => a !== '');
  const text = [...new Set(addresses)].sort().join(',');
  return !wide && text.length > LOAD_BALANCER_WIDTH ? `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : text;
}

/** EXTERNAL-IP: external IPs, the load balancer's address (or `<pending>`), or `<none>`. */
export function externalIP(service: Service, wide: boolean): string {
  const externalIPs = service.spec.externalIPs ?? [];
  switch (service.spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(service, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return service.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

function formatMap(map: Record<string, string> | undefined): string {
  const keys = Object.keys(map ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${map?.[k]}`).join(',');
}

export const serviceTable: TablePrinter<Service> = {
  columns: [
    NAME_COLUMN,
    column('Type', 'string', 'The type of the service.'),
    column('Cluster-IP', 'string', 'The IP address of the service, usually assigned by the cluster.'),
    column('External-IP', 'string', 'The addresses the service is reachable at from outside the cluster.'),
    column('Port(s)', 'string', 'The ports the service exposes.'),
    AGE_COLUMN,
    column('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.', 1),
  ],
  row(service, now) {
    return [
      service.metadata.name ?? '',
      service.spec.type ?? '',
      service.spec.clusterIPs?.[0] ?? '<none>',
      externalIP(service, true),
      servicePorts(service.spec.ports),
      age(service.metadata.creationTimestamp, now),
      formatMap(service.spec.selector),
    ];
  },
};

/** `10.244.1.2:80,10.244.2.3:80 + 2 more...` */
export function formatEndpoints(endpoints: Endpoints): string {
  const list: string[] = [];
  let count = 0;
  for (const subset of endpoints.subsets ?? []) {
    const ports = subset.ports ?? [];
    const targets = ports.length === 0 ? (subset.addresses ?? []).map((a) => a.ip) : ports.flatMap((p) => (subset.addresses ?? []).map((a) => `${a.ip}:${p.port}`));
    for (const target of targets) {
      if (list.length < 3) list.push(target);
      count++;
    }
  }
  if (count === 0) return '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export const endpointsTable: TablePrinter<Endpoints> = {
  columns: [NAME_COLUMN, column('Endpoints', 'string', 'Endpoints of the service.'), AGE_COLUMN],
  row(endpoints, now) {
    return [endpoints.metadata.name ?? '', formatEndpoints(endpoints), age(endpoints.metadata.creationTimestamp, now)];
  },
};

function slicePorts(slice: EndpointSlice): string {
  const ports = slice.ports ?? [];
  if (ports.length === 0) return '<unset>';
  return ports.map((p) => (p.port === undefined ? '<unset>' : String(p.port))).join(',');
}

function sliceEndpoints(slice: EndpointSlice): string {
  const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses.slice(0, 1));
  if (addresses.length === 0) return '<none>';
  return addresses.length > 3 ? `${addresses.slice(0, 3).join(',')} + ${addresses.length - 3} more...` : addresses.join(',');
}

export const endpointSliceTable: TablePrinter<EndpointSlice> = {
  columns: [
    NAME_COLUMN,
    column('AddressType', 'string', 'The type of address held in this EndpointSlice.'),
    column('Ports', 'string', 'Ports included in this EndpointSlice.'),
    column('Endpoints', 'string', 'Endpoints included in this EndpointSlice.'),
    AGE_COLUMN,
  ],
  row(slice, now) {
    return [slice.metadata.name ?? '', slice.addressType, slicePorts(slice), sliceEndpoints(slice), age(slice.metadata.creationTimestamp, now)];
  },
};
