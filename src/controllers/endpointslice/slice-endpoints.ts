// The endpoints a Service's EndpointSlices should hold: one per pod with an IP that has not
// finished (terminating pods included, with ready false and serving as the pod is), grouped by
// the set of ports the pod resolves the service's ports to. Upstream:
// pkg/controller/endpointslice/reconciler.go and staging/src/k8s.io/endpointslice/utils.go
// (podToEndpoint, getEndpointPorts).

import type { EndpointSlice, EndpointSliceEndpoint } from '../../api/apps';
import type { Node, Pod, Service } from '../../api/core';
import { isReady } from '../shared/pod-state';
import { endpointHostname, podPort, podReference, shouldBeEndpoint } from '../endpoints/service-pods';

export type SlicePort = NonNullable<EndpointSlice['ports']>[number];

export interface PortGroup {
  key: string;
  ports: SlicePort[];
  /** Endpoints by pod uid, in pod-name order. */
  endpoints: Map<string, EndpointSliceEndpoint>;
}

export function portsKey(ports: readonly SlicePort[] | null | undefined): string {
  return (ports ?? []).map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}`).join(',');
}

function endpointFor(service: Service, pod: Pod, node: Node | undefined): EndpointSliceEndpoint {
  const publish = service.spec.publishNotReadyAddresses === true;
  const serving = publish || isReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const endpoint: EndpointSliceEndpoint = {
    addresses: [pod.status?.podIP ?? ''],
    conditions: { ready: publish || (serving && !terminating), serving, terminating },
  };
  const hostname = endpointHostname(pod, service);
  if (hostname) endpoint.hostname = hostname;
  if (pod.spec.nodeName) endpoint.nodeName = pod.spec.nodeName;
  endpoint.targetRef = podReference(pod);
  const zone = node?.metadata.labels?.['topology.kubernetes.io/zone'];
  if (zone) endpoint.zone = zone;
  return endpoint;
}

function portsFor(service: Service, pod: Pod): SlicePort[] {
  const ports: SlicePort[] = [];
  for (const servicePort of service.spec.ports ?? []) {
    const number = podPort(pod, servicePort);
    if (number === undefined) continue;
    const port: SlicePort = { name: servicePort.name ?? '', port: number, protocol: servicePort.protocol ?? 'TCP' };
    if (servicePort.appProtocol) port.appProtocol = servicePort.appProtocol;
    ports.push(port);
  }
  return ports;
}

export function desiredGroups(service: Service, pods: readonly Pod[], nodeOf: (name: string) => Node | undefined): Map<string, PortGroup> {
  const groups = new Map<string, PortGroup>();
  const ordered = [...pods].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  for (const pod of ordered) {
    if (!shouldBeEndpoint(pod, true)) continue;
    const ports = portsFor(service, pod);
    if ((service.spec.ports ?? []).length > 0 && ports.length === 0) continue;
    const key = portsKey(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, ports, endpoints: new Map() }));
    group.endpoints.set(pod.metadata.uid ?? '', endpointFor(service, pod, nodeOf(pod.spec.nodeName ?? '')));
  }
  return groups;
}
