// kubectl logs: a container's log from the API server (which fetches it from the node), whole,
// tailed, previous, with timestamps, or followed until the container ends or the user stops.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go.

import type { Pod } from '../../api/core';
import { findResource, resourcePath } from '../../api/scheme';
import { isNotFound, StatusError } from '../../client/client';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError } from '../errors';
import { flagBool, flagNumber, flagString } from '../flags';

const PODS = findResource('', 'v1', 'pods')!;

const USAGE_ERROR = `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`;

/** The container kubectl picks without -c: the annotated default, else the first. */
function defaultContainer(ctx: KubectlContext, pod: Pod): string {
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && pod.spec.containers.some((c) => c.name === annotated)) return annotated;
  const first = pod.spec.containers[0].name;
  const all = [...pod.spec.containers.map((c) => c.name), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)];
  if (all.length > 1) ctx.stderr(`Defaulted container "${first}" out of: ${all.join(', ')}\n`);
  return first;
}

async function streamLog(ctx: KubectlContext, path: string, query: Record<string, string>): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let done = false;
    let streamId: number | undefined;
    const finish = () => {
      if (done) return;
      done = true;
      if (streamId !== undefined) void ctx.client.transport.cancel(streamId);
      resolve();
    };
    ctx.signal.onCancel(finish);
    ctx.client.transport
      .stream({ method: 'GET', path, query }, { data: (chunk) => !done && ctx.stdout(String(chunk)), end: finish })
      .then((response) => {
        if (response.status >= 400) {
          done = true;
          reject(new StatusError(response.body as never));
          return;
        }
        streamId = response.streamId;
        if (streamId === undefined && typeof response.body === 'string') ctx.stdout(response.body);
        if (streamId === undefined) finish();
      }, reject);
  });
}

/** Pods first that are running and ready, then by most restarts, as kubectl's ByLogging orders them. */
function loggingOrder(a: Pod, b: Pod): number {
  const rank = (p: Pod) => (p.status?.phase === 'Running' ? 0 : p.status?.phase === 'Pending' ? 1 : 2);
  const ready = (p: Pod) => (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  const restarts = (p: Pod) => (p.status?.containerStatuses ?? []).reduce((n, s) => n + s.restartCount, 0);
  return rank(a) - rank(b) || ready(a) - ready(b) || restarts(b) - restarts(a) || (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '');
}

/** The pod a logs argument names: `web`, `pod/web`, or a workload or service whose pods are used. */
async function podFor(ctx: KubectlContext, argument: string, namespace: string): Promise<Pod> {
  const slash = argument.indexOf('/');
  const type = slash < 0 ? PODS : await ctx.mapper.resolve(argument.slice(0, slash));
  const name = slash < 0 ? argument : argument.slice(slash + 1);
  if (type.group === '' && type.resource === 'pods') {
    try {
      return await ctx.client.get<Pod>(PODS, namespace, name);
    } catch (error) {
      if (isNotFound(error)) throw new KubectlError(`error: error from server (NotFound): pods "${name}" not found in namespace "${namespace}"`);
      throw error;
    }
  }
  const owner = await ctx.client.get(type, namespace, name);
  const spec = owner.spec as { selector?: { matchLabels?: Record<string, string> } | Record<string, string> } | undefined;
  const selector = spec?.selector && 'matchLabels' in spec.selector ? (spec.selector.matchLabels as Record<string, string>) : (spec?.selector as Record<string, string> | undefined);
  const labelSelector = Object.entries(selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  if (!labelSelector) throw new KubectlError(`error: cannot attach to ${type.kind}: selector for ${type.resource} "${name}" is empty`);
  const pods = (await ctx.client.list<Pod>(PODS, namespace, { labelSelector })).items.sort(loggingOrder);
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
  if (pods.length > 1) ctx.stderr(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return pods[0];
}

export const logsCommand: Command = {
  name: 'logs',
  summary: 'Print the logs for a container in a pod',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]',
  flags: [
    { name: 'container', short: 'c', type: 'string', default: '' },
    { name: 'follow', short: 'f', type: 'bool', default: false },
    { name: 'previous', short: 'p', type: 'bool', default: false },
    { name: 'tail', type: 'int', default: -1 },
    { name: 'timestamps', type: 'bool', default: false },
    { name: 'since', type: 'duration' },
    { name: 'since-time', type: 'string', default: '' },
    { name: 'limit-bytes', type: 'int', default: 0 },
    { name: 'all-containers', type: 'bool', default: false },
    { name: 'prefix', type: 'bool', default: false },
    { name: 'selector', short: 'l', type: 'string', default: '' },
    { name: 'ignore-errors', type: 'bool', default: false },
    { name: 'pod-running-timeout', type: 'duration' },
    { name: 'max-log-requests', type: 'int', default: 5 },
  ],
  async run(flags, ctx) {
    if (flags.args.length === 0) throw new KubectlError(USAGE_ERROR);
    let container = flagString(flags, 'container') || flags.args[1] || '';
    const namespace = namespaceOf(flags, ctx);
    const pod = await podFor(ctx, flags.args[0], namespace);
    const target = pod.metadata.name ?? '';
    const containers = flagBool(flags, 'all-containers') ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [container || defaultContainer(ctx, pod)];
    for (const name of containers) {
      container = name;
      const query: Record<string, string> = { container };
      if (flagBool(flags, 'follow')) query.follow = 'true';
      if (flagBool(flags, 'previous')) query.previous = 'true';
      const tail = flagNumber(flags, 'tail') ?? -1;
      if (tail >= 0) query.tailLines = String(tail);
      if (flagBool(flags, 'timestamps')) query.timestamps = 'true';
      const since = flagNumber(flags, 'since');
      if (since !== undefined) query.sinceSeconds = String(Math.ceil(since / 1000));
      if (flagString(flags, 'since-time')) query.sinceTime = flagString(flags, 'since-time');
      if ((flagNumber(flags, 'limit-bytes') ?? 0) > 0) query.limitBytes = String(flagNumber(flags, 'limit-bytes'));
      await streamLog(ctx, resourcePath(PODS, namespace, target, 'log'), query);
    }
    return 0;
  },
};
