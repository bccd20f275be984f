// kubectl logs: a container's log from the API server (which fetches it from the node), whole,
// tailed, previous, with timestamps, or followed until the container ends or the user stops.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go.

import type { Pod } from '../../api/core';
import { findResource, resourcePath } from '../../api/scheme';
import { isNotFound } from '../../client/client';
import { namespaceOf, type Command } from '../command';
import type { KubectlContext } from '../context';
import { KubectlError } from '../errors';
import { flagBool, flagNumber, flagString } from '../flags';
import { streamLog } from '../log-stream';
import { pickContainer, podForArgument } from '../pod-selection';

const PODS = findResource('', 'v1', 'pods')!;

const USAGE_ERROR = `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`;

/** The pod a logs argument names, with logs' own message for a missing pod. */
async function podFor(ctx: KubectlContext, argument: string, namespace: string): Promise<Pod> {
  try {
    return await podForArgument(ctx, argument, namespace, (count, pod) => {
      if (count > 1) ctx.stderr(`Found ${count} pods, using pod/${pod.metadata.name}\n`);
    });
  } catch (error) {
    if (isNotFound(error) && !argument.includes('/')) throw new KubectlError(`error: error from server (NotFound): pods "${argument}" not found in namespace "${namespace}"`);
    throw error;
  }
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
    const known = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name);
    if (container && !known.includes(container)) throw new KubectlError(`error: container ${container} is not valid for pod ${target}`);
    const containers = flagBool(flags, 'all-containers') ? [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name) : [container || pickContainer(pod, ctx.stderr)];
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
