// Which pod and container a command means (logs, exec, attach): a pod name, or TYPE/NAME of a
// workload or service whose pods are ranked as kubectl ranks them; the container from -c, the
// default-container annotation, or the first one (saying so when there are several).
// Upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/attachablepodforobject.go and
// staging/src/k8s.io/kubectl/pkg/cmd/util/podcmd/podcmd.go.

import type { Pod } from '../api/core';
import { findResource } from '../api/scheme';
import type { KubectlContext } from './context';
import { KubectlError } from './errors';

const PODS = findResource('', 'v1', 'pods')!;

/** The container kubectl picks without -c: the annotated default, else the first. */
export function pickContainer(pod: Pod, warn?: (text: string) => void): string {
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && pod.spec.containers.some((c) => c.name === annotated)) return annotated;
  const first = pod.spec.containers[0].name;
  const all = [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  if (all.length > 1) warn?.(`Defaulted container "${first}" out of: ${all.join(', ')}\n`);
  return first;
}

/** Pods first that are running and ready, then by most restarts, as kubectl's ByLogging orders them. */
function loggingOrder(a: Pod, b: Pod): number {
  const rank = (p: Pod) => (p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Pending' ? 1 : 2);
  const ready = (p: Pod) => (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0);
  return rank(a) - rank(b) || ready(a) - ready(b) || restarts(b) - restarts(a) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '');
}

/** The pod an argument names: `web`, `pod/web`, or a workload or service whose pods are used. */
export async function podForArgument(ctx: KubectlContext, argument: string, namespace: string, onPick?: (count: number, pod: Pod) => void): Promise<Pod> {
  const slash = argument.indexOf('/');
  const type = slash < 0 ? PODS : await ctx.mapper.resolve(argument.slice(0, slash));
  const name = slash < 0 ? argument : argument.slice(slash + 1);
  if (type.group === '' && type.resource === 'pods') return ctx.client.get<Pod>(PODS, namespace, name);
  const owner = await ctx.client.get(type, namespace, name);
  const spec = owner.spec as { selector?: { matchLabels?: Record<string, string> } | Record<string, string> } | undefined;
  const selector = spec?.selector && 'matchLabels' in spec.selector ? (spec.selector.matchLabels as Record<string, string>) : (spec?.selector as Record<string, string> | undefined);
  const labelSelector = Object.entries(selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  if (!labelSelector) throw new KubectlError(`error: cannot attach to ${type.kind}: selector for ${type.resource} "${name}" is empty`);
  const pods = (await ctx.client.list<Pod>(PODS, namespace, { labelSelector })).items.sort(loggingOrder);
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
  onPick?.(pods.length, pods[0]);
  return pods[0];
}
