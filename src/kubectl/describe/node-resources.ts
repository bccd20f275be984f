// The resource sections of `describe node`: the non-terminated pods on the node with each
// one's CPU and memory requests and limits (and their share of what the node can allocate),
// then the totals per resource. Upstream: staging/src/k8s.io/kubectl/pkg/describe/describe.go
// (describeNodeResource) and staging/src/k8s.io/component-helpers/resource/helpers.go.

import type { Container, Node, Pod } from '../../api/core';
import { age } from '../../api/duration';
import { canonicalQuantity, parseQuantity } from '../../api/quantity';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';

type Amounts = Map<string, { value: number; binary: boolean }>;

function add(total: Amounts, name: string, text: string): void {
  const value = parseQuantity(text);
  const existing = total.get(name);
  total.set(name, { value: (existing?.value ?? 0) + value, binary: existing?.binary ?? /[KMGTPE]i$/.test(text) });
}

function containerAmounts(containers: readonly Container[], field: 'requests' | 'limits'): Amounts {
  const total: Amounts = new Map();
  for (const c of containers) for (const [name, text] of Object.entries(c.resources?.[field] ?? {})) add(total, name, text);
  return total;
}

/** A pod's effective requests or limits: app containers summed, at least each init container's. */
function podAmounts(pod: Pod, field: 'requests' | 'limits'): Amounts {
  const total = containerAmounts(pod.spec.containers, field);
  for (const init of pod.spec.initContainers ?? []) {
    for (const [name, text] of Object.entries(init.resources?.[field] ?? {})) {
      const value = parseQuantity(text);
      if (value > (total.get(name)?.value ?? 0)) total.set(name, { value, binary: /[KMGTPE]i$/.test(text) });
    }
  }
  return total;
}

/** Go's Quantity.String() for a sum, in the format of the first quantity added. */
function quantityText(amount: { value: number; binary: boolean } | undefined, cpu: boolean): string {
  if (!amount || amount.value === 0) return '0';
  if (cpu) {
    const milli = Math.round(amount.value * 1000);
    return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
  }
  return canonicalQuantity(amount.binary && amount.value % 1024 === 0 ? `${amount.value / 1024}Ki` : String(amount.value));
}

function percent(part: number | undefined, whole: number): number {
  return whole === 0 ? 0 : Math.trunc(((part ?? 0) / whole) * 100);
}

export function describeNodeResources(w: PrefixWriter, node: Node, pods: readonly Pod[], now: number): void {
  const allocatable = Object.keys(node.status?.allocatable ?? {}).length > 0 ? (node.status?.allocatable ?? {}) : (node.status?.capacity ?? {});
  const capacityOf = (name: string) => parseQuantity(allocatable[name] ?? '0');
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const requests: Amounts = new Map();
  const limits: Amounts = new Map();
  for (const pod of pods) {
    const req = podAmounts(pod, 'requests');
    const lim = podAmounts(pod, 'limits');
    for (const [name, amount] of req) requests.set(name, { value: (requests.get(name)?.value ?? 0) + amount.value, binary: requests.get(name)?.binary ?? amount.binary });
    for (const [name, amount] of lim) limits.set(name, { value: (limits.get(name)?.value ?? 0) + amount.value, binary: limits.get(name)?.binary ?? amount.binary });
    const cell = (amounts: Amounts, name: string) => `${quantityText(amounts.get(name), name === 'cpu')} (${percent(amounts.get(name)?.value, capacityOf(name))}%)`;
    w.write(LEVEL_1, `${pod.metadata.namespace ?? ''}\t${pod.metadata.name ?? ''}\t\t${cell(req, 'cpu')}\t${cell(lim, 'cpu')}\t${cell(req, 'memory')}\t${cell(lim, 'memory')}\t${age(pod.metadata.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const row = (name: string) => {
    const cpu = name === 'cpu';
    w.write(LEVEL_1, `${name}\t${quantityText(requests.get(name), cpu)} (${percent(requests.get(name)?.value, capacityOf(name))}%)\t${quantityText(limits.get(name), cpu)} (${percent(limits.get(name)?.value, capacityOf(name))}%)\n`);
  };
  row('cpu');
  row('memory');
  row('ephemeral-storage');
  for (const name of Object.keys(allocatable).filter((n) => n.startsWith('hugepages-')).sort()) row(name);
}
