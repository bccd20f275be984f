// kubectl logs: containers' logs from the API server (which fetches them from the node), whole,
// tailed, previous, with timestamps, or followed until the containers end or the user stops;
// for one pod (or the pod a workload picks), or every pod a label selector matches (last 10
// lines each unless --tail says otherwise; followed together, up to --max-log-requests), each
// line prefixed with [pod/NAME/CONTAINER] by --prefix. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go and
// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go. (Upstream keeps the
// streams in a Go map, so its order across pods and containers is random; here it is the list's.)

import type { Pod } from '../../api/core';
import { findResource, resourcePath } from '../../api/scheme';
import { isNotFound, StatusError } from '../../client/client';
import { namespaceOf, type Command } from '../command';
import { Cancellation } from '../cancellation';
import type { KubectlContext } from '../context';
import { KubectlError } from '../errors';
import { flagBool, flagNumber, flagString, type ParsedFlags } from '../flags';
import { linePrefixer, streamLog } from '../log-stream';
import { pickContainer, podForArgument } from '../pod-selection';

const PODS = findResource('', 'v1', 'pods')!;
/** --tail's default when pods are chosen by a selector (an explicit --tail=-1 still means all). */
const SELECTOR_TAIL = 10;

const USAGE_ERROR = `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.
POD or TYPE/NAME is a required argument for the logs command
See 'kubectl logs -h' for help and examples`;

interface LogRequest {
  pod: string;
  container: string;
}

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

/** The containers of `pod` whose logs are asked for: -c, every one, or the default one. */
function requestsFor(pod: Pod, container: string, allContainers: boolean, ctx: KubectlContext): LogRequest[] {
  const name = pod.metadata.name ?? '';
  const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name);
  if (allContainers) return all.map((c) => ({ pod: name, container: c }));
  if (container && !all.includes(container)) throw new KubectlError(`error: container ${container} is not valid for pod ${name}`);
  return [{ pod: name, container: container || pickContainer(pod, ctx.stderr) }];
}

/** The pods/log query every request shares. */
function logQuery(flags: ParsedFlags, tail: number): Record<string, string> {
  const query: Record<string, string> = {};
  if (flagBool(flags, 'follow')) query.follow = 'true';
  if (flagBool(flags, 'previous')) query.previous = 'true';
  if (tail >= 0) query.tailLines = String(tail);
  if (flagBool(flags, 'timestamps')) query.timestamps = 'true';
  const since = flagNumber(flags, 'since');
  if (since !== undefined) query.sinceSeconds = String(Math.ceil(since / 1000));
  if (flagString(flags, 'since-time')) query.sinceTime = flagString(flags, 'since-time');
  if ((flagNumber(flags, 'limit-bytes') ?? 0) > 0) query.limitBytes = String(flagNumber(flags, 'limit-bytes'));
  return query;
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
    const selector = flagString(flags, 'selector');
    const args = flags.args;
    if (args.length > 2 || (args.length === 0 && !selector)) throw new KubectlError(USAGE_ERROR);
    if (args.length === 1 && selector) throw new KubectlError(`error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples`);
    const namespace = namespaceOf(flags, ctx);
    const pods = args.length > 0 ? [await podFor(ctx, args[0], namespace)] : (await ctx.client.list<Pod>(PODS, namespace, { labelSelector: selector })).items;
    if (pods.length === 0) {
      ctx.stderr(`No resources found in ${namespace} namespace.\n`);
      return 0;
    }
    const container = flagString(flags, 'container') || args[1] || '';
    const requests = pods.flatMap((pod) => requestsFor(pod, container, flagBool(flags, 'all-containers'), ctx));
    const tail = selector && !flags.changed.has('tail') ? SELECTOR_TAIL : (flagNumber(flags, 'tail') ?? -1);
    const query = logQuery(flags, tail);
    const ignoreErrors = flagBool(flags, 'ignore-errors');
    const consume = async (request: LogRequest, streamCtx: KubectlContext = ctx) => {
      const prefixed = flagBool(flags, 'prefix') ? linePrefixer(`[pod/${request.pod}/${request.container}] `, ctx.stdout) : undefined;
      try {
        await streamLog(streamCtx, resourcePath(PODS, namespace, request.pod, 'log'), { ...query, container: request.container }, prefixed?.write);
      } catch (error) {
        if (!ignoreErrors || !(error instanceof StatusError)) throw error;
        ctx.stdout(`error: ${error.message}\n`);
      } finally {
        prefixed?.flush();
      }
    };
    if (flagBool(flags, 'follow') && requests.length > 1) {
      const limit = flagNumber(flags, 'max-log-requests') ?? 5;
      if (requests.length > limit) {
        throw new KubectlError(`error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${limit}, use --max-log-requests to increase the limit`);
      }
      // One failed stream of several ends the others, as the user's Ctrl+C ends them all.
      const group = new Cancellation();
      ctx.signal.onCancel(() => group.cancel());
      const groupCtx = { ...ctx, signal: group };
      await Promise.all(
        requests.map((request) =>
          consume(request, groupCtx).catch((error: unknown) => {
            group.cancel();
            throw error;
          }),
        ),
      );
      return 0;
    }
    for (const request of requests) await consume(request);
    return 0;
  },
};
