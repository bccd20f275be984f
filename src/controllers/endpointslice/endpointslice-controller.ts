// The EndpointSlice controller: for each Service with a selector, EndpointSlices labelled
// `kubernetes.io/service-name` and managed by `endpointslice-controller.k8s.io`, owned by the
// Service, holding at most 100 endpoints each. Endpoints stay in the slice they are in while
// their pod exists; new ones fill slices with room, then new slices; a Service with no
// endpoints keeps one empty placeholder slice. Upstream: pkg/controller/endpointslice
// (endpointslice_controller.go, reconciler.go).

import type { EndpointSlice, EndpointSliceEndpoint } from '../../api/apps';
import type { Node, Service } from '../../api/core';
import { objectKey } from '../../api/meta';
import { jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isNotFound, type ApiClient } from '../../client/client';
import type { Informer } from '../../client/informer';
import { Controller } from '../controller';
import { InformerIndex } from '../shared/informer-index';
import { controllerReference } from '../shared/owner-refs';
import type { SharedInformers } from '../shared/shared-informers';
import { ServicePodIndex } from '../endpoints/service-index';
import { hasSelector, lastChangeTime, serviceLabels } from '../endpoints/service-pods';
import { desiredGroups, portsKey, type PortGroup } from './slice-endpoints';

const SLICES = findResource('discovery.k8s.io', 'v1', 'endpointslices')!;
const NODES = findResource('', 'v1', 'nodes')!;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
const MAX_ENDPOINTS_PER_SLICE = 100;
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

export class EndpointSliceController {
  private readonly index: ServicePodIndex;
  private readonly nodes: Informer<Node>;
  private readonly slicesByService: InformerIndex<EndpointSlice>;
  readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.controller = new Controller('endpointslice', clock, (key) => this.sync(key), 5);
    this.index = new ServicePodIndex(informers, (key) => this.controller.enqueue(key));
    this.nodes = informers.for<Node>(NODES);
    const slices = informers.for<EndpointSlice>(SLICES);
    this.slicesByService = new InformerIndex(slices, (slice) =>
      slice.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME && slice.metadata.labels[SERVICE_NAME_LABEL] ? [`${slice.metadata.namespace}/${slice.metadata.labels[SERVICE_NAME_LABEL]}`] : [],
    );
    const sliceChanged = (slice: EndpointSlice) => {
      const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
      if (service && slice.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME) this.controller.enqueue(`${slice.metadata.namespace}/${service}`);
    };
    slices.addHandlers({ onUpdate: (_old, s) => sliceChanged(s), onDelete: sliceChanged });
  }

  start(): void {
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
  }

  private async sync(key: string): Promise<void> {
    const service = this.index.services.get(key);
    const existing = this.slicesByService.get(key).filter((s) => !s.metadata.deletionTimestamp);
    if (!service || !hasSelector(service) || service.spec.type === 'ExternalName') {
      for (const slice of existing) await this.remove(slice);
      return;
    }
    const pods = this.index.podsFor(service);
    const groups = desiredGroups(service, pods, (name) => this.nodes.get(name));
    const trigger = lastChangeTime(service, pods);
    const plan = planSlices(existing, groups);
    if (plan.keep.length === 0 && plan.fill.length === 0) {
      const placeholder = existing.find((s) => (s.endpoints ?? []).length === 0 && (s.ports ?? []).length === 0);
      for (const slice of existing) if (slice !== placeholder) await this.remove(slice);
      if (!placeholder) await this.client.create(SLICES, service.metadata.namespace, this.newSlice(service, [], null, trigger));
      else await this.writeIfChanged(service, placeholder, [], null, trigger);
      return;
    }
    for (const { slice, endpoints, ports } of plan.keep) await this.writeIfChanged(service, slice, endpoints, ports, trigger);
    for (const slice of plan.remove) await this.remove(slice);
    for (const { endpoints, ports } of plan.fill) await this.client.create(SLICES, service.metadata.namespace, this.newSlice(service, endpoints, ports, trigger));
  }

  private labels(service: Service): Record<string, string> {
    const labels = serviceLabels(service);
    delete labels[SERVICE_NAME_LABEL];
    delete labels[MANAGED_BY_LABEL];
    return { ...labels, [SERVICE_NAME_LABEL]: service.metadata.name ?? '', [MANAGED_BY_LABEL]: CONTROLLER_NAME };
  }

  private newSlice(service: Service, endpoints: EndpointSliceEndpoint[], ports: PortGroup['ports'] | null, trigger: string | undefined): EndpointSlice {
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { generateName: `${service.metadata.name}-`, namespace: service.metadata.namespace, labels: this.labels(service), ownerReferences: [controllerReference(service)] },
      addressType: 'IPv4',
      endpoints: endpoints.length > 0 ? endpoints : null,
      ports: ports && ports.length > 0 ? ports : null,
    };
    if (trigger) slice.metadata.annotations = { [TRIGGER_TIME]: trigger };
    return slice;
  }

  private async writeIfChanged(service: Service, slice: EndpointSlice, endpoints: EndpointSliceEndpoint[], ports: PortGroup['ports'] | null, trigger: string | undefined): Promise<void> {
    const labels = { ...slice.metadata.labels, ...this.labels(service) };
    const wantEndpoints = endpoints.length > 0 ? endpoints : null;
    const wantPorts = ports && ports.length > 0 ? ports : null;
    if (jsonEqual(slice.endpoints ?? null, wantEndpoints) && jsonEqual(slice.ports ?? null, wantPorts) && jsonEqual(slice.metadata.labels, labels)) return;
    const annotations = { ...slice.metadata.annotations };
    if (trigger) annotations[TRIGGER_TIME] = trigger;
    try {
      await this.client.update(SLICES, { ...slice, metadata: { ...slice.metadata, labels, annotations, resourceVersion: undefined }, endpoints: wantEndpoints, ports: wantPorts });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  private async remove(slice: EndpointSlice): Promise<void> {
    try {
      await this.client.delete(SLICES, slice.metadata.namespace, slice.metadata.name ?? '');
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

interface SlicePlan {
  keep: { slice: EndpointSlice; endpoints: EndpointSliceEndpoint[]; ports: PortGroup['ports'] }[];
  remove: EndpointSlice[];
  fill: { endpoints: EndpointSliceEndpoint[]; ports: PortGroup['ports'] }[];
}

/** Keeps endpoints in their slices, fills slices with room, and opens new slices for the rest. */
function planSlices(existing: readonly EndpointSlice[], groups: Map<string, PortGroup>): SlicePlan {
  const plan: SlicePlan = { keep: [], remove: [], fill: [] };
  const placed = new Set<string>();
  const bySliceKey = new Map<string, { slice: EndpointSlice; endpoints: EndpointSliceEndpoint[]; ports: PortGroup['ports'] }[]>();
  for (const slice of [...existing].sort((a, b) => objectKey(a.metadata).localeCompare(objectKey(b.metadata)))) {
    const group = groups.get(portsKey(slice.ports));
    const endpoints: EndpointSliceEndpoint[] = [];
    if (group) {
      for (const old of slice.endpoints ?? []) {
        const uid = old.targetRef?.uid ?? '';
        const fresh = group.endpoints.get(uid);
        if (fresh && !placed.has(uid) && endpoints.length < MAX_ENDPOINTS_PER_SLICE) {
          endpoints.push(fresh);
          placed.add(uid);
        }
      }
    }
    if (!group || endpoints.length === 0) {
      plan.remove.push(slice);
      continue;
    }
    const entry = { slice, endpoints, ports: group.ports };
    plan.keep.push(entry);
    const list = bySliceKey.get(group.key) ?? [];
    list.push(entry);
    bySliceKey.set(group.key, list);
  }
  for (const group of groups.values()) {
    const pending = [...group.endpoints].filter(([uid]) => !placed.has(uid)).map(([, e]) => e);
    for (const entry of bySliceKey.get(group.key) ?? []) {
      while (pending.length > 0 && entry.endpoints.length < MAX_ENDPOINTS_PER_SLICE) entry.endpoints.push(pending.shift() as EndpointSliceEndpoint);
    }
    for (let i = 0; i < pending.length; i += MAX_ENDPOINTS_PER_SLICE) plan.fill.push({ endpoints: pending.slice(i, i + MAX_ENDPOINTS_PER_SLICE), ports: group.ports });
  }
  return plan;
}
