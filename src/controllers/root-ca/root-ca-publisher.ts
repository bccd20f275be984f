// The root CA publisher: every active namespace has a `kube-root-ca.crt` ConfigMap holding the
// cluster's CA certificate, which service account token volumes project into pods. Upstream:
// pkg/controller/certificates/rootcacertpublisher/publisher.go.

import type { ConfigMap, Namespace } from '../../api/core';
import { findResource } from '../../api/scheme';
import type { ClusterClock } from '../../cluster/clock';
import { isAlreadyExists, type ApiClient } from '../../client/client';
import { Informer } from '../../client/informer';
import { Controller } from '../controller';
import { CLUSTER_CA_CERTIFICATE } from './cluster-ca';

const NAMESPACES = findResource('', 'v1', 'namespaces')!;
const CONFIG_MAPS = findResource('', 'v1', 'configmaps')!;
export const ROOT_CA_CONFIG_MAP = 'kube-root-ca.crt';

export class RootCaPublisher {
  private readonly namespaces: Informer<Namespace>;
  private readonly configMaps: Informer<ConfigMap>;
  private readonly controller: Controller;

  constructor(
    private readonly client: ApiClient,
    clock: ClusterClock,
  ) {
    this.namespaces = new Informer<Namespace>(client, NAMESPACES, clock);
    this.configMaps = new Informer<ConfigMap>(client, CONFIG_MAPS, clock, { fieldSelector: `metadata.name=${ROOT_CA_CONFIG_MAP}` });
    this.controller = new Controller('root-ca-cert-publisher', clock, (ns) => this.reconcile(ns));
    this.namespaces.addHandlers({
      onAdd: (ns) => this.controller.enqueue(ns.metadata.name ?? ''),
      onUpdate: (_old, ns) => this.controller.enqueue(ns.metadata.name ?? ''),
    });
    this.configMaps.addHandlers({
      onDelete: (cm) => this.controller.enqueue(cm.metadata.namespace ?? ''),
      onUpdate: (_old, cm) => this.controller.enqueue(cm.metadata.namespace ?? ''),
    });
  }

  start(): void {
    this.namespaces.start();
    this.configMaps.start();
    this.controller.start();
  }

  stop(): void {
    this.controller.stop();
    this.namespaces.stop();
    this.configMaps.stop();
  }

  private async reconcile(namespace: string): Promise<void> {
    const ns = this.namespaces.get(namespace);
    if (!ns || ns.status?.phase !== 'Active') return;
    const existing = this.configMaps.get(`${namespace}/${ROOT_CA_CONFIG_MAP}`);
    if (existing?.data?.['ca.crt'] === CLUSTER_CA_CERTIFICATE) return;
    const body: ConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ROOT_CA_CONFIG_MAP, namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
      data: { 'ca.crt': CLUSTER_CA_CERTIFICATE },
    };
    try {
      if (existing) await this.client.update(CONFIG_MAPS, { ...existing, data: body.data });
      else await this.client.create(CONFIG_MAPS, namespace, body);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }
}
