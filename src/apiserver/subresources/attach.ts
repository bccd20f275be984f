// pods/attach: attaches to the running main process of a pod's container through the kubelet
// of the pod's node, as the real API server proxies attach to the kubelet. The stream carries
// the process's output from the attach on (stdout/stderr frames, or one terminal stream when
// the container has a TTY) and ends when the process ends or the client detaches; stdin and
// terminal resizes flow back through the stream's input. Upstream:
// pkg/registry/core/pod/rest/subresources.go (AttachREST), pkg/registry/core/pod/strategy.go
// (AttachLocation) and pkg/kubelet/server/server.go (getAttach).

import type { Pod } from '../../api/core';
import { errors } from '../errors';
import type { AttachOptions } from '../kubelet-connector';
import { queryValue, type ApiRequest, type ApiResponse, type StreamSink } from '../request';
import type { HandlerContext } from '../resource-handler';
import { containerFor, flag } from './exec';
import { kubeletOf, proxyKubeletStream } from './kubelet-stream';

/** POST or GET pods/{name}/attach?container=…&stdin=…&stdout=…&stderr=…&tty=… */
export async function podAttach(ctx: HandlerContext, req: ApiRequest, namespace: string, name: string, sink: StreamSink | undefined): Promise<ApiResponse> {
  if (req.method !== 'POST' && req.method !== 'GET') throw errors.methodNotAllowed();
  if (!sink) throw errors.badRequest('attach requests need a streaming client');
  const pod = ctx.registry.get(namespace, name) as Pod;
  const container = containerFor(pod, queryValue(req.query, 'container'));
  const endpoint = kubeletOf(ctx, pod);
  const stdin = flag(req, 'stdin');
  const stdout = flag(req, 'stdout');
  // The kubelet drops stderr when a TTY is asked for: a terminal has one output stream.
  const stderr = flag(req, 'stderr') && !flag(req, 'tty');
  if (!stdin && !stdout && !stderr) throw errors.badRequest('you must specify at least 1 of stdin, stdout, stderr');
  const options: AttachOptions = { namespace, pod: name, podUid: pod.metadata.uid ?? '', container, stdin, stdout, stderr };
  return proxyKubeletStream(ctx, endpoint, sink, (kubeletSink) => endpoint.attach(options, kubeletSink));
}
