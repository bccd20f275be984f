// The Endpoints controller: for each Service with a selector, an Endpoints object of the same
// name listing its pods' addresses (ready ones in `addresses`, others in `notReadyAddresses`
// unless the Service publishes not-ready addresses) on each resolved port, repacked into
// subsets of addresses sharing the same ports. Upstream: pkg/controller/endpoint/
// endpoints_controller.go (syncService) and pkg/api/v1/endpoints (RepackSubsets).

import type { EndpointAddress, Endpoints, EndpointSubset, Pod, Service } from '../../api/core';
import { jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isAlreadyExists, isNotFound, type ApiClient } from '../../client/client';
import type { Informer } from '../../client/informer';
import { Controller } from '../controller';
import type { SharedInformers } from '../shared/shared-informers';
import { ServicePodIndex } from './service-index';
import { endpointHostname, hasSelector, lastChangeTime, podPort, podReference, podServesTraffic, serviceLabels, shouldBeEndpoint } from './service-pods';

const ENDPOINTS = findResource('', 'v1', 'endpoints')!;
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
const MAX_ADDRESSES = 1000;

type Port = NonNullable<EndpointSubset['ports']>[number];

export class EndpointsController {
  private readonly index: ServicePodIndex;
  private readonly endpoints: Informer<Endpoints>;
  readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.controller = new Controller('endpoint', clock, (key) => this.sync(key), 5);
    this.index = new ServicePodIndex(informers, (key) => this.controller.enqueue(key));
    this.endpoints = informers.for<Endpoints>(ENDPOINTS);
    this.endpoints.addHandlers({ onDelete: (ep) => this.controller.enqueue(`${ep.metadata.namespace}/${ep.metadata.name}`) });
  }

  start(): void {
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
  }

  private async sync(key: string): Promise<void> {
    const service = this.index.services.get(key);
    const [namespace, name] = key.split('/');
    if (!service) {
      if (!this.endpoints.get(key)) return;
      try {
        await this.client.delete(ENDPOINTS, namespace, name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      return;
    }
    if (!hasSelector(service)) return;
    const pods = this.index.podsFor(service);
    const subsets = repack(subsetsFor(service, pods));
    const current = this.endpoints.get(key);
    const labels = serviceLabels(service);
    const annotations: Record<string, string> = { ...current?.metadata.annotations };
    delete annotations[TRIGGER_TIME];
    const triggered = lastChangeTime(service, pods);
    if (triggered) annotations[TRIGGER_TIME] = triggered;
    const truncated = truncate(subsets);
    if (truncated) annotations[OVER_CAPACITY] = 'truncated';
    else delete annotations[OVER_CAPACITY];
    if (current && jsonEqual(current.subsets ?? [], subsets) && jsonEqual(current.metadata.labels ?? {}, labels) && current.metadata.annotations?.[OVER_CAPACITY] === annotations[OVER_CAPACITY]) return;
    const body: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { ...current?.metadata, name, namespace, labels, annotations, resourceVersion: undefined },
    };
    if (subsets.length > 0) body.subsets = subsets;
    try {
      if (current) await this.client.update(ENDPOINTS, body);
      else await this.client.create(ENDPOINTS, namespace, body);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      this.controller.queue.addRateLimited(key);
    }
  }
}

interface Entry {
  address: EndpointAddress;
  ready: boolean;
}

/** One (address, port) pair per subset, before repacking. */
function subsetsFor(service: Service, pods: readonly Pod[]): { entry: Entry; port?: Port }[] {
  const pairs: { entry: Entry; port?: Port }[] = [];
  const ports = service.spec.ports ?? [];
  for (const pod of pods) {
    if (!shouldBeEndpoint(pod, service.spec.publishNotReadyAddresses === true)) continue;
    const address: EndpointAddress = { ip: pod.status?.podIP ?? '' };
    const hostname = endpointHostname(pod, service);
    if (hostname) address.hostname = hostname;
    if (pod.spec.nodeName) address.nodeName = pod.spec.nodeName;
    address.targetRef = podReference(pod);
    const entry = { address, ready: podServesTraffic(pod, service) };
    if (ports.length === 0) {
      if (service.spec.clusterIP === 'None') pairs.push({ entry });
      continue;
    }
    for (const servicePort of ports) {
      const number = podPort(pod, servicePort);
      if (number === undefined) continue;
      const port: Port = { port: number, protocol: servicePort.protocol ?? 'TCP' };
      if (servicePort.name) port.name = servicePort.name;
      if (servicePort.appProtocol) port.appProtocol = servicePort.appProtocol;
      pairs.push({ entry, port });
    }
  }
  return pairs;
}

function addressKey(a: EndpointAddress): string {
  return `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
}

function byIpAndUid(a: EndpointAddress, b: EndpointAddress): number {
  return addressKey(a) < addressKey(b) ? -1 : addressKey(a) > addressKey(b) ? 1 : 0;
}

function portKey(p: Port | undefined): string {
  return p ? `${p.name ?? ''}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}` : '';
}

/** Groups addresses that offer the same set of ports into one subset each. */
function repack(pairs: { entry: Entry; port?: Port }[]): EndpointSubset[] {
  const portsByAddress = new Map<string, { entry: Entry; ports: Map<string, Port | undefined> }>();
  for (const { entry, port } of pairs) {
    const key = addressKey(entry.address);
    let record = portsByAddress.get(key);
    if (!record) portsByAddress.set(key, (record = { entry, ports: new Map() }));
    record.ports.set(portKey(port), port);
  }
  const groups = new Map<string, { ports: Port[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const { entry, ports } of portsByAddress.values()) {
    const list = [...ports.values()].filter((p): p is Port => p !== undefined).sort((a, b) => (portKey(a) < portKey(b) ? -1 : 1));
    const key = list.map(portKey).join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports: list, ready: [], notReady: [] }));
    (entry.ready ? group.ready : group.notReady).push(entry.address);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => {
      const subset: EndpointSubset = {};
      if (group.ready.length > 0) subset.addresses = group.ready.sort(byIpAndUid);
      if (group.notReady.length > 0) subset.notReadyAddresses = group.notReady.sort(byIpAndUid);
      if (group.ports.length > 0) subset.ports = group.ports;
      return subset;
    });
}

/** Keeps at most 1000 addresses (ready ones first), as upstream truncates; true if it had to. */
function truncate(subsets: EndpointSubset[]): boolean {
  let total = 0;
  for (const s of subsets) total += (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
  if (total <= MAX_ADDRESSES) return false;
  let room = MAX_ADDRESSES;
  for (const s of subsets) {
    if (s.addresses) s.addresses = s.addresses.slice(0, Math.max(0, room));
    room -= s.addresses?.length ?? 0;
  }
  for (const s of subsets) {
    if (s.notReadyAddresses) s.notReadyAddresses = s.notReadyAddresses.slice(0, Math.max(0, room));
    room -= s.notReadyAddresses?.length ?? 0;
  }
  return true;
}
