// kubectl drain: cordons each node, then evicts its pods through the eviction API and waits
// until they are gone. Pods without a controller need --force, pods with emptyDir volumes
// --delete-emptydir-data, DaemonSet pods are skipped only with --ignore-daemonsets; mirror
// pods and finished pods are left alone. Messages as upstream prints them.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go and pkg/drain/filters.go.

import type { Node, Pod } from '../../api/core';
import { controllerOf } from '../../api/meta';
import { isMirrorPod } from '../../api/mirror-pods';
import { findResource, resourcePath } from '../../api/scheme';
import type { Command } from '../command';
import type { KubectlContext } from '../context';
import { waitUntil } from '../deadline';
import { describeError, KubectlError } from '../errors';
import { flagBool, flagNumber, flagString, type ParsedFlags } from '../flags';
import { findTargets } from '../targets';
import { setSchedulable } from './cordon';

const PODS = findResource('', 'v1', 'pods')!;

type Verdict = { delete: true; warning?: string } | { delete: false; error?: string; warning?: string };

function verdict(pod: Pod, flags: ParsedFlags): Verdict {
  if (isMirrorPod(pod)) return { delete: false };
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const owner = controllerOf(pod.metadata);
  if (owner?.kind === 'DaemonSet') {
    if (!flagBool(flags, 'ignore-daemonsets')) return { delete: false, error: 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
    return { delete: false, warning: 'ignoring DaemonSet-managed Pods' };
  }
  let warning: string | undefined;
  if (!finished && (pod.spec.volumes ?? []).some((v) => v.emptyDir)) {
    if (!flagBool(flags, 'delete-emptydir-data')) return { delete: false, error: 'cannot delete Pods with local storage (use --delete-emptydir-data to override)' };
    warning = 'deleting Pods with local storage';
  }
  if (!finished && !owner) {
    if (!flagBool(flags, 'force')) return { delete: false, error: 'cannot delete Pods that declare no controller (use --force to override)' };
    warning = 'deleting Pods that declare no controller';
  }
  return { delete: true, warning };
}

/** `message: ns/a, ns/b` per message, in the order first seen. */
function grouped(entries: { message: string; pod: Pod }[]): string[] {
  const groups = new Map<string, string[]>();
  for (const { message, pod } of entries) groups.set(message, [...(groups.get(message) ?? []), `${pod.metadata.namespace}/${pod.metadata.name}`]);
  return [...groups].map(([message, pods]) => `${message}: ${pods.join(', ')}`);
}

async function evict(ctx: KubectlContext, pod: Pod, flags: ParsedFlags): Promise<void> {
  const deleteOptions: Record<string, unknown> = {};
  const grace = flagNumber(flags, 'grace-period') ?? -1;
  if (grace >= 0) deleteOptions.gracePeriodSeconds = grace;
  const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace }, deleteOptions };
  if (flagBool(flags, 'disable-eviction')) await ctx.client.delete(PODS, pod.metadata.namespace, pod.metadata.name ?? '', deleteOptions);
  else await ctx.client.send({ method: 'POST', path: resourcePath(PODS, pod.metadata.namespace, pod.metadata.name, 'eviction'), body, headers: { 'content-type': 'application/json' } });
}

async function drainNode(ctx: KubectlContext, flags: ParsedFlags, node: Node): Promise<void> {
  const name = node.metadata.name ?? '';
  const dryRun = flagString(flags, 'dry-run');
  const selector = flagString(flags, 'pod-selector');
  const pods = (await ctx.client.list<Pod>(PODS, undefined, { fieldSelector: `spec.nodeName=${name}`, ...(selector ? { labelSelector: selector } : {}) })).items;
  const errors: { message: string; pod: Pod }[] = [];
  const warnings: { message: string; pod: Pod }[] = [];
  const victims: Pod[] = [];
  for (const pod of pods) {
    const result = verdict(pod, flags);
    if (!result.delete && result.error) errors.push({ message: result.error, pod });
    if (result.warning) warnings.push({ message: result.warning, pod });
    if (result.delete) victims.push(pod);
  }
  if (errors.length > 0) {
    const messages = grouped(errors).map((e) => `cannot delete ${e}`);
    throw new KubectlError(messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`);
  }
  if (warnings.length > 0) ctx.stderr(`Warning: ${grouped(warnings).join('; ')}\n`);
  for (const pod of victims) {
    ctx.stdout(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${dryRun === 'client' ? ' (dry run)' : ''}\n`);
    if (dryRun !== 'client') await evict(ctx, pod, flags);
  }
  if (dryRun !== 'client') {
    const timeout = flagNumber(flags, 'timeout') ?? 0;
    for (const pod of victims) {
      await waitUntil(ctx, { type: PODS, namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' }, timeout > 0 ? timeout : Number.MAX_SAFE_INTEGER, `error: drain did not complete within ${timeout / 1000}s`, (current) => !current || current.metadata.uid !== pod.metadata.uid);
      ctx.stdout(`pod/${pod.metadata.name} evicted\n`);
    }
  }
}

export const drainCommand: Command = {
  name: 'drain',
  summary: 'Drain node in preparation for maintenance',
  usage: 'kubectl drain NODE',
  flags: [
    { name: 'force', type: 'bool', default: false },
    { name: 'ignore-daemonsets', type: 'bool', default: false },
    { name: 'delete-emptydir-data', type: 'bool', default: false },
    { name: 'disable-eviction', type: 'bool', default: false },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'timeout', type: 'duration', default: 0 },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'pod-selector', type: 'string', default: '' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'skip-wait-for-delete-timeout', type: 'int', default: 0 },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  async run(flags, ctx) {
    if (flags.args.length === 0 && !flagString(flags, 'selector')) throw new KubectlError("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples");
    const lookupErrors: unknown[] = [];
    const nodes = await findTargets(ctx, flags, ['nodes', ...flags.args], lookupErrors);
    if (lookupErrors.length > 0) throw lookupErrors[0];
    const pending: string[] = [];
    let fatal: unknown;
    for (const target of nodes) {
      const node = target.object as Node;
      ctx.stdout(await setSchedulable(ctx, node, true, flagString(flags, 'dry-run')));
      try {
        await drainNode(ctx, flags, node);
        ctx.stdout(`node/${target.name} drained${flagString(flags, 'dry-run') === 'client' ? ' (dry run)' : ''}\n`);
      } catch (error) {
        const message = describeError(error).message.replace(/^error: /, '');
        ctx.stderr(`error: unable to drain node "${target.name}" due to error: ${message}, continuing command...\n`);
        pending.push(target.name);
        fatal = error;
      }
    }
    if (fatal !== undefined) {
      ctx.stderr(`There are pending nodes to be drained:\n${pending.map((n) => ` ${n}\n`).join('')}`);
      const message = describeError(fatal).message.replace(/^error: /, '');
      throw new KubectlError(message);
    }
    return 0;
  },
};
