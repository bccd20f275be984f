// The cloud controller's service controller: a LoadBalancer Service gets the
// `service.kubernetes.io/load-balancer-cleanup` finalizer and an external address in
// status.loadBalancer.ingress (EnsuringLoadBalancer, then EnsuredLoadBalancer); when it stops
// being a LoadBalancer or is deleted, the address is released (DeletingLoadBalancer,
// DeletedLoadBalancer) and the finalizer removed. Upstream:
// staging/src/k8s.io/cloud-provider/controllers/service/controller.go.

import type { Service } from '../../api/core';
import { objectKey } from '../../api/meta';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isNotFound, type ApiClient } from '../../client/client';
import { EventRecorder } from '../../client/event-recorder';
import type { Informer } from '../../client/informer';
import { Controller } from '../controller';
import type { SharedInformers } from '../shared/shared-informers';
import { LoadBalancerIps } from './load-balancer-ips';

const SERVICES = findResource('', 'v1', 'services')!;
const CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';

function wantsLoadBalancer(service: Service): boolean {
  return service.spec.type === 'LoadBalancer' && !service.metadata.deletionTimestamp;
}

export class ServiceController {
  private readonly services: Informer<Service>;
  private readonly ips = new LoadBalancerIps();
  private readonly recorder: EventRecorder;
  readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    clock: ClusterClock,
    informers: SharedInformers,
  ) {
    this.services = informers.for<Service>(SERVICES);
    this.recorder = new EventRecorder(client, clock, { component: 'service-controller' });
    this.controller = new Controller('service', clock, (key) => this.sync(key));
    this.services.addHandlers({
      onAdd: (service) => {
        for (const ingress of service.status?.loadBalancer?.ingress ?? []) if (ingress.ip) this.ips.claim(ingress.ip, objectKey(service.metadata));
        this.controller.enqueue(objectKey(service.metadata));
      },
      onUpdate: (_old, service) => this.controller.enqueue(objectKey(service.metadata)),
      onDelete: (service) => this.controller.enqueue(objectKey(service.metadata)),
    });
  }

  start(): void {
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
  }

  private async sync(key: string): Promise<void> {
    const service = this.services.get(key);
    if (!service) {
      this.ips.release(key);
      return;
    }
    const finalizers = service.metadata.finalizers ?? [];
    if (wantsLoadBalancer(service)) {
      if ((service.status?.loadBalancer?.ingress ?? []).length > 0 && finalizers.includes(CLEANUP_FINALIZER)) return;
      await this.ensure(service);
      return;
    }
    if (!finalizers.includes(CLEANUP_FINALIZER) && (service.status?.loadBalancer?.ingress ?? []).length === 0) return;
    await this.release(service, key);
  }

  private async ensure(service: Service): Promise<void> {
    const key = objectKey(service.metadata);
    this.recorder.event(service, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    const finalizers = service.metadata.finalizers ?? [];
    let current = service;
    if (!finalizers.includes(CLEANUP_FINALIZER)) {
      current = await this.client.patch<Service>(SERVICES, service.metadata.namespace, service.metadata.name ?? '', { metadata: { uid: service.metadata.uid, finalizers: [...finalizers, CLEANUP_FINALIZER] } });
    }
    const ip = this.ips.allocate(key);
    if (!ip) {
      this.recorder.event(service, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no available IPs in the pool 172.18.255.200-172.18.255.254');
      throw new Error('load balancer address pool exhausted');
    }
    await this.client.updateStatus(SERVICES, { ...current, metadata: { ...current.metadata, resourceVersion: undefined }, status: { ...current.status, loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } });
    this.recorder.event(service, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
  }

  private async release(service: Service, key: string): Promise<void> {
    this.recorder.event(service, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
    this.ips.release(key);
    try {
      if ((service.status?.loadBalancer?.ingress ?? []).length > 0) {
        await this.client.updateStatus(SERVICES, { ...service, metadata: { ...service.metadata, resourceVersion: undefined }, status: { ...service.status, loadBalancer: {} } });
      }
      const finalizers = (service.metadata.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER);
      await this.client.patch(SERVICES, service.metadata.namespace, service.metadata.name ?? '', { metadata: { uid: service.metadata.uid, finalizers: finalizers.length > 0 ? finalizers : null } });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    this.recorder.event(service, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
  }
}
