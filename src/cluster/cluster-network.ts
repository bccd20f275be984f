// The cluster network on the main thread: cluster DNS (service, pod and headless names, with
// the pod's search path) and delivery of connections between pods on different nodes, routed
// by pod IP to the node that runs the pod. Service virtual IPs are translated before they get
// here, by kube-proxy on the sending node.

import type { Pod, Service } from '../api/core';
import { findResource } from '../api/scheme';
import type { ApiClient } from '../client/client';
import { Informer } from '../client/informer';
import type { ClusterNetworkPort, StreamEvents } from '../../workers/node/protocol';
import type { ClusterClock } from './clock';
import type { NodePool } from './node-pool';
import { KUBERNETES_SERVICE_IP } from './topology';

const SERVICES = findResource('', 'v1', 'services')!;
const PODS = findResource('', 'v1', 'pods')!;
const CLUSTER_DOMAIN = 'cluster.local';
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export class NetworkError extends Error {
  constructor(readonly errno: 'ECONNREFUSED' | 'EHOSTUNREACH' | 'ENOENT') {
    super(errno);
  }
}

interface Route {
  node: string;
  remoteId: number;
}

export class ClusterNetwork {
  readonly services: Informer<Service>;
  readonly pods: Informer<Pod>;
  private readonly routes = new Map<number, Route>();
  private nextStreamId = 1;

  constructor(client: ApiClient, clock: ClusterClock) {
    this.services = new Informer<Service>(client, SERVICES, clock);
    this.pods = new Informer<Pod>(client, PODS, clock);
  }

  start(): void {
    this.services.start();
    this.pods.start();
  }

  stop(): void {
    this.services.stop();
    this.pods.stop();
  }

  /** Cluster DNS: addresses for `name` as a pod in `fromNamespace` would resolve it. */
  resolve(name: string, fromNamespace: string): string[] {
    const host = name.toLowerCase().replace(/\.$/, '');
    if (IPV4.test(host)) return [host];
    const search = [`${fromNamespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
    const dots = host.split('.').length - 1;
    const candidates = dots >= 5 ? [host, ...search.map((s) => `${host}.${s}`)] : [...search.map((s) => `${host}.${s}`), host];
    for (const candidate of candidates) {
      const found = this.lookup(candidate);
      if (found.length > 0) return found;
    }
    return [];
  }

  /** A fully qualified name: service, headless service, pod by dashed IP, pod by hostname. */
  private lookup(fqdn: string): string[] {
    const suffix = `.${CLUSTER_DOMAIN}`;
    if (!fqdn.endsWith(suffix)) return [];
    const parts = fqdn.slice(0, -suffix.length).split('.');
    if (parts.length === 3 && parts[2] === 'pod') {
      const ip = parts[0].replace(/-/g, '.');
      return IPV4.test(ip) ? [ip] : [];
    }
    if (parts.length === 3 && parts[2] === 'svc') {
      const [serviceName, namespace] = parts;
      if (serviceName === 'kubernetes' && namespace === 'default') return [KUBERNETES_SERVICE_IP];
      const service = this.services.get(`${namespace}/${serviceName}`);
      if (!service) return [];
      if (service.spec.clusterIP && service.spec.clusterIP !== 'None') return [service.spec.clusterIP];
      return this.headlessAddresses(service);
    }
    if (parts.length === 4 && parts[3] === 'svc') {
      const [hostname, subdomain, namespace] = parts;
      const pod = this.pods.list().find(
        (p) => p.metadata.namespace === namespace && p.spec.subdomain === subdomain && (p.spec.hostname ?? p.metadata.name) === hostname && p.status?.podIP,
      );
      return pod?.status?.podIP ? [pod.status.podIP] : [];
    }
    return [];
  }

  private headlessAddresses(service: Service): string[] {
    const selector = service.spec.selector ?? {};
    if (Object.keys(selector).length === 0) return [];
    return this.pods
      .list()
      .filter(
        (pod) =>
          pod.metadata.namespace === service.metadata.namespace &&
          pod.status?.podIP &&
          !pod.metadata.deletionTimestamp &&
          Object.entries(selector).every(([k, v]) => pod.metadata.labels?.[k] === v) &&
          (service.spec.publishNotReadyAddresses || pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')),
      )
      .map((pod) => pod.status?.podIP as string)
      .sort();
  }

  /** The node running the pod with this IP. */
  nodeOf(ip: string): string | undefined {
    return this.pods.list().find((pod) => pod.status?.podIP === ip && pod.status.phase === 'Running')?.spec.nodeName;
  }

  /**
   * The port node workers use: resolve, and streams to pods on any node. `passOn` marks a
   * callback object that arrived from one worker so it can be handed to another.
   */
  port(nodes: () => NodePool, passOn: <T extends object>(value: T) => T): ClusterNetworkPort {
    return {
      resolve: async (name, fromNamespace) => this.resolve(name, fromNamespace),
      connect: async (_fromNode: string, fromIP: string, ip: string, port: number, events: StreamEvents) => {
        const node = this.nodeOf(ip);
        const handle = node ? nodes().handle(node) : undefined;
        if (!node || !handle || nodes().state(node) !== 'running') throw new NetworkError('EHOSTUNREACH');
        const id = this.nextStreamId++;
        const remoteId = await handle.api.acceptConnection(fromIP, 40000 + (id % 20000), ip, port, passOn(events));
        this.routes.set(id, { node, remoteId });
        return id;
      },
      send: async (streamId, data) => {
        const route = this.routes.get(streamId);
        if (!route) return;
        await nodes().handle(route.node)?.api.connectionData(route.remoteId, data);
      },
      close: async (streamId) => {
        const route = this.routes.get(streamId);
        this.routes.delete(streamId);
        if (route) await nodes().handle(route.node)?.api.connectionData(route.remoteId, null);
      },
    };
  }
}
