// Describers for Endpoints (each subset's ready and not-ready addresses and ports) and
// EndpointSlices (address type, ports, and each endpoint with its conditions and target).
// Upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go (EndpointsDescriber,
// EndpointSliceDescriber).

import type { EndpointSlice } from '../../api/apps';
import type { CoreEvent, Endpoints } from '../../api/core';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './prefix-writer';

function header(w: PrefixWriter, object: Endpoints | EndpointSlice): void {
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
}

export function describeEndpoints(endpoints: Endpoints, events: CoreEvent[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, endpoints);
  w.write(LEVEL_0, 'Subsets:\n');
  for (const subset of endpoints.subsets ?? []) {
    w.write(LEVEL_1, `Addresses:\t${(subset.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    w.write(LEVEL_1, `NotReadyAddresses:\t${(subset.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, 'Ports:\n');
      w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_2, '----\t----\t--------\n');
      for (const port of subset.ports ?? []) w.write(LEVEL_2, `${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}\n`);
    }
    w.write(LEVEL_0, '\n');
  }
  if (events) describeEvents(events, w, now);
  return w.toString();
}

export function describeEndpointSlice(slice: EndpointSlice, events: CoreEvent[] | undefined, now: number): string {
  const w = new PrefixWriter();
  header(w, slice);
  w.write(LEVEL_0, `AddressType:\t${slice.addressType}\n`);
  const ports = slice.ports ?? [];
  if (ports.length === 0) w.write(LEVEL_0, 'Ports: <unset>\n');
  else {
    w.write(LEVEL_0, 'Ports:\n');
    w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const port of ports) w.write(LEVEL_1, `${port.name || '<unset>'}\t${port.port ?? '<unset>'}\t${port.protocol ?? ''}\n`);
  }
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) w.write(LEVEL_0, 'Endpoints: <none>\n');
  else {
    w.write(LEVEL_0, 'Endpoints:\n');
    for (const endpoint of endpoints) {
      w.write(LEVEL_1, `- Addresses:\t${endpoint.addresses.join(', ') || '<none>'}\n`);
      w.write(LEVEL_2, 'Conditions:\n');
      w.write(LEVEL_3, `Ready:\t${endpoint.conditions?.ready === undefined ? '<unset>' : String(endpoint.conditions.ready)}\n`);
      w.write(LEVEL_2, `Hostname:\t${endpoint.hostname ?? '<unset>'}\n`);
      if (endpoint.targetRef) w.write(LEVEL_2, `TargetRef:\t${endpoint.targetRef.kind}/${endpoint.targetRef.name}\n`);
      w.write(LEVEL_2, `NodeName:\t${endpoint.nodeName ?? '<unset>'}\n`);
      w.write(LEVEL_2, `Zone:\t${endpoint.zone ?? '<unset>'}\n`);
    }
  }
  if (events) describeEvents(events, w, now);
  return w.toString();
}
