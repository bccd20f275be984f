// The Node describer: roles, labels, taints, the heartbeat Lease, conditions, addresses,
// capacity and allocatable resources, system info, pod CIDRs, the pods running there with
// their requests, and the node's events. Upstream:
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (NodeDescriber).

import type { Lease } from '../../api/apps';
import type { CoreEvent, Node, Pod } from '../../api/core';
import { canonicalQuantity } from '../../api/quantity';
import { findResource, resourcePath } from '../../api/scheme';
import type { KubeList } from '../../api/meta';
import { isNotFound } from '../../client/client';
import type { KubectlContext } from '../context';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, rfc1123z } from './format';
import { describeNodeResources } from './node-resources';
import type { DescribeClock } from './pod';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefix-writer';

const LEASES = findResource('coordination.k8s.io', 'v1', 'leases')!;
const PODS = findResource('', 'v1', 'pods')!;
const EVENTS = findResource('', 'v1', 'events')!;

function roles(node: Node): string[] {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) found.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && value) found.add(value);
  }
  return [...found].sort();
}

function taintsMultiline(w: PrefixWriter, node: Node): void {
  const taints = node.spec?.taints ?? [];
  if (taints.length === 0) {
    w.write(LEVEL_0, 'Taints:\t<none>\n');
    return;
  }
  taints.forEach((taint, i) => {
    const text = `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
    w.write(LEVEL_0, i === 0 ? `Taints:\t${text}\n` : `\t${text}\n`);
  });
}

/**
 * The node's events, found as upstream finds them in every namespace: those naming the node by
 * its uid (the controllers'), then those naming it by its name as uid (the kubelet's).
 */
async function nodeEvents(ctx: KubectlContext, node: Node): Promise<CoreEvent[]> {
  const name = node.metadata.name ?? '';
  const search = async (uid: string) => {
    const fieldSelector = `involvedObject.kind=Node,involvedObject.name=${name},involvedObject.namespace=,involvedObject.uid=${uid}`;
    return (await ctx.client.send<KubeList<CoreEvent>>({ method: 'GET', path: resourcePath(EVENTS), query: { fieldSelector } })).items;
  };
  return [...(await search(node.metadata.uid ?? '')), ...(await search(name))];
}

export async function describeNode(ctx: KubectlContext, node: Node, showEvents: boolean, clock: DescribeClock): Promise<string> {
  const name = node.metadata.name ?? '';
  const lease = await ctx.client.get<Lease>(LEASES, 'kube-node-lease', name).catch((error: unknown) => {
    if (isNotFound(error)) return undefined;
    throw error;
  });
  const pods = (await ctx.client.list<Pod>(PODS, undefined, { fieldSelector: `spec.nodeName=${name},status.phase!=Failed,status.phase!=Succeeded` })).items;
  const events = showEvents ? await nodeEvents(ctx, node) : undefined;
  const status = node.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${name}\n`);
  const nodeRoles = roles(node);
  w.write(LEVEL_0, `Roles:\t${nodeRoles.length > 0 ? nodeRoles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp, clock.offset)}\n`);
  taintsMultiline(w, node);
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  if (lease) {
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${lease.spec.holderIdentity ?? '<unset>'}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${lease.spec.acquireTime ? rfc1123z(lease.spec.acquireTime, clock.offset) : '<unset>'}\n`);
    w.write(LEVEL_1, `RenewTime:\t${lease.spec.renewTime ? rfc1123z(lease.spec.renewTime, clock.offset) : '<unset>'}\n`);
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions ?? []) {
      w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime, clock.offset)} \t${rfc1123z(c.lastTransitionTime, clock.offset)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const address of status.addresses ?? []) w.write(LEVEL_1, `${address.type}:\t${address.address}\n`);
  const resourceList = (title: string, list: Record<string, string> | undefined) => {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) return;
    w.write(LEVEL_0, `${title}:\n`);
    for (const resource of names) w.write(LEVEL_0, `  ${resource}:\t${canonicalQuantity(list?.[resource] ?? '0')}\n`);
  };
  resourceList('Capacity', status.capacity);
  resourceList('Allocatable', status.allocatable);
  const info = status.nodeInfo;
  w.write(LEVEL_0, 'System Info:\n');
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResources(w, node, pods, clock.now);
  if (events) describeEvents(events, w, clock.now);
  return w.toString();
}
