// A kubelet endpoint whose implementation is loaded on its first request, so code that only
// serves logs or exec (the control-plane node's, say) stays out of the first page load.

import type { KubeletEndpoint } from '../../apiserver/kubelet-connector';

export function lazyKubeletEndpoint(load: () => Promise<KubeletEndpoint>): KubeletEndpoint {
  let loaded: Promise<KubeletEndpoint> | undefined;
  const endpoint = (): Promise<KubeletEndpoint> => (loaded ??= load());
  return {
    containerLogs: async (options, sink) => (await endpoint()).containerLogs(options, sink),
    exec: async (options, sink) => (await endpoint()).exec(options, sink),
    attach: async (options, sink) => (await endpoint()).attach(options, sink),
    streamInput: async (streamId, input) => (await endpoint()).streamInput(streamId, input),
    cancel: async (streamId) => (await endpoint()).cancel(streamId),
  };
}
