// The API server's half of a stream it proxies to a kubelet (pods/exec, pods/attach): finds the
// pod's kubelet (with the API server's dial errors), opens an API stream whose input (stdin,
// resizes) and cancel go to the kubelet's stream, and ends it when the kubelet's stream ends.

import type { Pod } from '../../api/core';
import { errors } from '../errors';
import type { ExecInput, KubeletEndpoint } from '../kubelet-connector';
import type { ApiResponse, StreamSink } from '../request';
import type { HandlerContext } from '../resource-handler';

/** The kubelet endpoint of the pod's node, or the API server's error for an unscheduled pod or unreachable node. */
export function kubeletOf(ctx: HandlerContext, pod: Pod): KubeletEndpoint {
  const nodeName = pod.spec.nodeName;
  if (!nodeName) throw errors.badRequest(`pod ${pod.metadata.name ?? ''} does not have a host assigned`);
  const endpoint = ctx.kubelets.endpoint(nodeName);
  if (!endpoint) throw errors.internal(`error dialing backend: dial tcp ${nodeName}:10250: connect: no route to host`);
  return endpoint;
}

/** Starts the kubelet's stream with `open` and answers with an API stream bound to it. */
export async function proxyKubeletStream(
  ctx: HandlerContext,
  endpoint: KubeletEndpoint,
  sink: StreamSink,
  open: (kubeletSink: StreamSink) => Promise<{ streamId: number }>,
): Promise<ApiResponse> {
  let kubeletStream: number | undefined;
  let ended = false;
  const id = ctx.openStream({
    cancel: () => {
      if (kubeletStream !== undefined && !ended) void endpoint.cancel(kubeletStream);
    },
    input: async (chunk) => {
      if (kubeletStream !== undefined) await endpoint.streamInput(kubeletStream, chunk as ExecInput);
    },
  });
  try {
    const started = await open({
      data: (frame) => sink.data(frame),
      end: () => {
        ended = true;
        ctx.closeStream(id);
        sink.end();
      },
    });
    kubeletStream = started.streamId;
  } catch (error) {
    ctx.closeStream(id);
    throw error;
  }
  return { status: 200, headers: { 'content-type': 'application/json' }, streamId: id };
}
