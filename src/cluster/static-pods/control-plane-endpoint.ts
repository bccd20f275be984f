// The control-plane node's kubelet as the API server reaches it: requests about its static pods
// go to their part on this thread (see control-plane-kubelet), everything else to the node's
// worker. Streams are told apart by id: the static pods' part numbers its streams below zero.

import type { KubeletEndpoint } from '../../apiserver/kubelet-connector';
import type { StaticPods } from './start-static-pods';

export function controlPlaneKubeletEndpoint(staticPods: StaticPods, worker: KubeletEndpoint): KubeletEndpoint {
  const byPod = (options: { namespace: string; pod: string }) => (staticPods.holds(options.namespace, options.pod) ? staticPods.endpoint : worker);
  const byStream = (streamId: number) => (streamId < 0 ? staticPods.endpoint : worker);
  return {
    containerLogs: (options, sink) => byPod(options).containerLogs(options, sink),
    exec: (options, sink) => byPod(options).exec(options, sink),
    attach: (options, sink) => byPod(options).attach(options, sink),
    streamInput: (streamId, input) => byStream(streamId).streamInput(streamId, input),
    cancel: (streamId) => byStream(streamId).cancel(streamId),
  };
}
