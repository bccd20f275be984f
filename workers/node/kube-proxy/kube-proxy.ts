// A node's kube-proxy: watches Services, EndpointSlices and Nodes through the API and turns
// connections to a Service's virtual addresses into connections to one of its endpoints, as
// the iptables rules do: a ClusterIP:port, a NodePort on any node's address, a LoadBalancer
// ingress IP or external IP go to an endpoint picked at random (or the one a client is pinned
// to under sessionAffinity: ClientIP); with no endpoint the connection is refused (REJECT).
// Headless Services have no virtual IP and are left to DNS. Each start is announced with a
// Starting event about the node, on the events.k8s.io API. Upstream: pkg/proxy/iptables,
// cmd/kube-proxy/app/server.go.

import type { EndpointSlice } from '../../../src/api/apps';
import type { Node, Service } from '../../../src/api/core';
import { findResource } from '../../../src/api/scheme';
import type { ClusterClock } from '../../../src/cluster/clock';
import type { ApiClient } from '../../../src/client/client';
import { EventRecorder } from '../../../src/client/event-recorder';
import { Informer } from '../../../src/client/informer';
import type { AddressTranslator } from '../node-network';
import { buildServiceRules, type Backend, type PortRule, type ServiceRules } from './service-rules';
import { SessionAffinity } from './session-affinity';

const SERVICES = findResource('', 'v1', 'services')!;
const ENDPOINT_SLICES = findResource('discovery.k8s.io', 'v1', 'endpointslices')!;
const NODES = findResource('', 'v1', 'nodes')!;

export class KubeProxy {
  readonly services: Informer<Service>;
  readonly endpointSlices: Informer<EndpointSlice>;
  private readonly nodes: Informer<Node>;
  private rules?: ServiceRules;
  private readonly affinity = new SessionAffinity();

  constructor(
    private readonly client: ApiClient,
    private readonly clock: ClusterClock,
    private readonly nodeName: string,
    private readonly random: () => number = Math.random,
  ) {
    this.services = new Informer<Service>(client, SERVICES, clock);
    this.endpointSlices = new Informer<EndpointSlice>(client, ENDPOINT_SLICES, clock);
    this.nodes = new Informer<Node>(client, NODES, clock);
    const invalidate = { onAdd: () => this.invalidate(), onUpdate: () => this.invalidate(), onDelete: () => this.invalidate() };
    for (const informer of [this.services, this.endpointSlices, this.nodes] as Informer[]) informer.addHandlers(invalidate);
  }

  /** Starts the node's kube-proxy: announced with its Starting event, then following the API. */
  start(): void {
    const recorder = new EventRecorder(this.client, this.clock, { component: 'kube-proxy', api: 'events.k8s.io', instance: `kube-proxy-${this.nodeName}` });
    recorder.event({ kind: 'Node', name: this.nodeName, uid: this.nodeName, namespace: '' }, 'Normal', 'Starting', '', undefined, 'StartKubeProxy');
    this.follow();
  }

  /** Follows Services, EndpointSlices and Nodes without announcing a start (a copy of a node's rules kept elsewhere). */
  follow(): void {
    this.services.start();
    this.endpointSlices.start();
    this.nodes.start();
  }

  stop(): void {
    this.services.stop();
    this.endpointSlices.stop();
    this.nodes.stop();
  }

  async waitForSync(): Promise<void> {
    await Promise.all([this.services.waitForSync(), this.endpointSlices.waitForSync(), this.nodes.waitForSync()]);
  }

  /** The translation for NodeNetwork: a backend, 'reject', or undefined for an ordinary address. */
  readonly translate: AddressTranslator = (ip, port, fromIP) => {
    const rules = this.currentRules();
    const internal = rules.clusterIPs.get(`${ip}:${port}`);
    if (internal) return this.pick(internal, internal.internal, fromIP);
    const external = rules.externalAddresses.get(`${ip}:${port}`);
    if (external) return this.pick(external, external.external, fromIP);
    if (rules.nodeAddresses.has(ip)) {
      const nodePort = rules.nodePorts.get(port);
      return nodePort ? this.pick(nodePort, nodePort.external, fromIP) : 'reject';
    }
    return rules.virtualIPs.has(ip) ? 'reject' : undefined;
  };

  private invalidate(): void {
    this.rules = undefined;
  }

  private currentRules(): ServiceRules {
    this.rules ??= buildServiceRules(this.services.list(), this.endpointSlices.list(), this.nodes.list(), this.nodeName);
    return this.rules;
  }

  private pick(rule: PortRule, backends: readonly Backend[], clientIP: string): Backend | 'reject' {
    if (backends.length === 0) return 'reject';
    const any = () => backends[Math.floor(this.random() * backends.length)];
    if (rule.affinitySeconds === undefined) return any();
    return this.affinity.choose(rule.key, clientIP, backends, rule.affinitySeconds, this.clock.now(), any);
  }
}
