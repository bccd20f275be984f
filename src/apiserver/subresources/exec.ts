// pods/exec: runs a command in a pod's container through the kubelet of the pod's node, as the
// real API server proxies exec to the kubelet. The response is a stream of ExecFrames (output
// on stdout/stderr, then the exit); stdin and terminal resizes flow back through the stream's
// input. Upstream: pkg/registry/core/pod/rest/subresources.go (ExecREST) and
// pkg/kubelet/server/server.go (getExec).

import type { Pod } from '../../api/core';
import { errors } from '../errors';
import type { ExecOptions } from '../kubelet-connector';
import { queryValue, queryValues, type ApiRequest, type ApiResponse, type StreamSink } from '../request';
import type { HandlerContext } from '../resource-handler';
import { kubeletOf, proxyKubeletStream } from './kubelet-stream';

/** A boolean streaming option (`stdin=true`, `tty=1`). */
export function flag(req: ApiRequest, name: string): boolean {
  const value = queryValue(req.query, name);
  return value === 'true' || value === '1';
}

/** The container an exec request names, or the API server's error for a missing or wrong one. */
export function containerFor(pod: Pod, requested: string | undefined): string {
  const name = pod.metadata.name ?? '';
  const containers = pod.spec.containers.map((c) => c.name);
  const init = (pod.spec.initContainers ?? []).map((c) => c.name);
  if (!requested) {
    if (containers.length === 1) return containers[0];
    const initText = init.length > 0 ? ` or one of the init containers: [${init.join(' ')}]` : '';
    throw errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${initText}`);
  }
  if (!containers.includes(requested) && !init.includes(requested)) throw errors.badRequest(`container ${requested} is not valid for pod ${name}`);
  return requested;
}

/** POST or GET pods/{name}/exec?command=…&container=…&stdin=…&stdout=…&stderr=…&tty=… */
export async function podExec(ctx: HandlerContext, req: ApiRequest, namespace: string, name: string, sink: StreamSink | undefined): Promise<ApiResponse> {
  if (req.method !== 'POST' && req.method !== 'GET') throw errors.methodNotAllowed();
  if (!sink) throw errors.badRequest('exec requests need a streaming client');
  const pod = ctx.registry.get(namespace, name) as Pod;
  const command = queryValues(req.query, 'command');
  if (command.length === 0) throw errors.badRequest('you must specify at least 1 command');
  const stdin = flag(req, 'stdin');
  const stdout = flag(req, 'stdout');
  const stderr = flag(req, 'stderr');
  const tty = flag(req, 'tty');
  if (!stdin && !stdout && !stderr) throw errors.badRequest('you must specify at least 1 of stdin, stdout, stderr');
  if (tty && stderr) throw errors.badRequest('stdout and stderr may not both be specified when tty is true');
  const container = containerFor(pod, queryValue(req.query, 'container'));
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw errors.badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const endpoint = kubeletOf(ctx, pod);
  const options: ExecOptions = { namespace, pod: name, podUid: pod.metadata.uid ?? '', container, command, stdin, stdout, stderr, tty };
  return proxyKubeletStream(ctx, endpoint, sink, (kubeletSink) => endpoint.exec(options, kubeletSink));
}
