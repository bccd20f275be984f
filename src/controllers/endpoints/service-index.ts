// The wiring both endpoint controllers share: services and pods from the shared informers, pods
// by namespace, and the services a pod change concerns (those selecting it before or after),
// so a pod becoming ready re-syncs exactly the services that route to it.

import type { Pod, Service } from '../../api/core';
import { objectKey } from '../../api/meta';
import { jsonEqual } from '../../api/objects';
import { findResource } from '../../api/scheme';
import type { Informer } from '../../client/informer';
import { byNamespace, type InformerIndex } from '../shared/informer-index';
import type { SharedInformers } from '../shared/shared-informers';
import { selects } from './service-pods';

const PODS = findResource('', 'v1', 'pods')!;
const SERVICES = findResource('', 'v1', 'services')!;

export class ServicePodIndex {
  readonly services: Informer<Service>;
  readonly pods: Informer<Pod>;
  private readonly podsByNamespace: InformerIndex<Pod>;
  private readonly servicesByNamespace: InformerIndex<Service>;

  constructor(informers: SharedInformers, enqueue: (serviceKey: string) => void) {
    this.services = informers.for<Service>(SERVICES);
    this.pods = informers.for<Pod>(PODS);
    this.podsByNamespace = informers.index(PODS, 'namespace', byNamespace);
    this.servicesByNamespace = informers.index(SERVICES, 'namespace', byNamespace);
    const serviceChanged = (service: Service) => enqueue(objectKey(service.metadata));
    this.services.addHandlers({ onAdd: serviceChanged, onUpdate: (_old, s) => serviceChanged(s), onDelete: serviceChanged });
    const podChanged = (pod: Pod, old?: Pod) => {
      for (const service of this.servicesByNamespace.values(pod.metadata.namespace ?? '')) {
        if (selects(service, pod) || (old && selects(service, old))) enqueue(objectKey(service.metadata));
      }
    };
    this.pods.addHandlers({
      onAdd: (pod) => podChanged(pod),
      onUpdate: (old, pod) => {
        if (relevantChange(old, pod)) podChanged(pod, old);
      },
      onDelete: (pod) => podChanged(pod),
    });
  }

  podsFor(service: Service): Pod[] {
    return this.podsByNamespace.get(service.metadata.namespace ?? '').filter((pod) => selects(service, pod));
  }
}

/** Changes an endpoint can show: address, readiness, node, labels, ports, deletion. */
function relevantChange(old: Pod, pod: Pod): boolean {
  return (
    old.status?.podIP !== pod.status?.podIP ||
    old.status?.phase !== pod.status?.phase ||
    ready(old) !== ready(pod) ||
    old.spec.nodeName !== pod.spec.nodeName ||
    old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp ||
    !jsonEqual(old.metadata.labels, pod.metadata.labels)
  );
}

function ready(pod: Pod): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}
