// The service account controller: every active namespace has a `default` ServiceAccount,
// recreated if deleted. Upstream: pkg/controller/serviceaccount/serviceaccounts_controller.go.

import type { Namespace, ServiceAccount } from '../../api/core';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isAlreadyExists, type ApiClient } from '../../client/client';
import { Informer } from '../../client/informer';
import { Controller } from '../controller';

const NAMESPACES = findResource('', 'v1', 'namespaces')!;
const SERVICE_ACCOUNTS = findResource('', 'v1', 'serviceaccounts')!;

export class ServiceAccountController {
  private readonly namespaces: Informer<Namespace>;
  private readonly accounts: Informer<ServiceAccount>;
  private readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    clock: ClusterClock,
  ) {
    this.namespaces = new Informer<Namespace>(client, NAMESPACES, clock);
    this.accounts = new Informer<ServiceAccount>(client, SERVICE_ACCOUNTS, clock, { fieldSelector: 'metadata.name=default' });
    this.controller = new Controller('serviceaccount', clock, (ns) => this.reconcile(ns));
    this.namespaces.addHandlers({
      onAdd: (ns) => this.controller.enqueue(ns.metadata.name ?? ''),
      onUpdate: (_old, ns) => this.controller.enqueue(ns.metadata.name ?? ''),
    });
    this.accounts.addHandlers({ onDelete: (sa) => this.controller.enqueue(sa.metadata.namespace ?? '') });
  }

  start(): void {
    this.namespaces.start();
    this.accounts.start();
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
    this.namespaces.stop();
    this.accounts.stop();
  }

  private async reconcile(namespace: string): Promise<void> {
    const ns = this.namespaces.get(namespace);
    if (!ns || ns.status?.phase !== 'Active') return;
    if (this.accounts.get(`${namespace}/default`)) return;
    try {
      await this.client.create(SERVICE_ACCOUNTS, namespace, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }
}
