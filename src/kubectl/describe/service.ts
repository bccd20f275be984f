// The Service describer: selector, type, IP families and addresses, each port with its target
// and node port and the ready endpoints behind it (from the service's EndpointSlices), session
// affinity and traffic policies. Upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go
// (ServiceDescriber, formatEndpointSlices).

import type { EndpointSlice } from '../../api/apps';
import type { CoreEvent, Service } from '../../api/core';
import { findResource } from '../../api/scheme';
import type { KubectlContext } from '../context';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, PrefixWriter } from './prefix-writer';

const ENDPOINT_SLICES = findResource('discovery.k8s.io', 'v1', 'endpointslices')!;
const MAX_ENDPOINTS = 3;

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `10.244.1.2:80,10.244.2.3:80` for the port named `portName`, at most three then `+ N more...`. */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    const endpoints = slice.endpoints ?? [];
    const visit = (port?: number) => {
      for (const endpoint of endpoints) {
        if (list.length === MAX_ENDPOINTS) more = true;
        const ready = endpoint.conditions?.ready === undefined || endpoint.conditions.ready === true;
        if (!more && ready) list.push(port === undefined ? endpoint.addresses[0] : joinHostPort(endpoint.addresses[0], port));
        count++;
      }
    };
    if (ports.length === 0) visit();
    else for (const port of ports) if (portName === undefined || (port.name ?? '') === portName) visit(port.port ?? 0);
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX_ENDPOINTS} more...` : text;
}

function formatSelectorMap(selector: Record<string, string> | undefined): string {
  const keys = Object.keys(selector ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${selector?.[k]}`).join(',');
}

export async function describeService(ctx: KubectlContext, service: Service, events: CoreEvent[] | undefined, now: number): Promise<string> {
  const slices = (await ctx.client.list<EndpointSlice>(ENDPOINT_SLICES, service.metadata.namespace, { labelSelector: `kubernetes.io/service-name=${service.metadata.name}` })).items;
  const spec = service.spec;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${service.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${service.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', service.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', service.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatSelectorMap(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? (spec.ipFamilies ?? []).join(',') : '<none>'}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? (spec.clusterIPs ?? []).join(',') : '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = (service.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`);
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    const protocol = port.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${port.port}/${protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${port.targetPort ?? port.port}/${protocol}\n`);
    if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, port.name ?? '')}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (events) describeEvents(events, w, now);
  return w.toString();
}
