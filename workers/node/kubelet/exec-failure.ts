// What containerd says when an exec cannot start in a container (its program is not in the
// image): the exec's random id with the runtime's reason. Probes and hooks see it as the
// kubelet's exec error; `kubectl exec` gets it on the stream's error channel once the stream is
// up, so it prints `error: Internal error occurred: error executing command in container: …`.
// Upstream (facts only): containerd internal/cri/server/container_execsync.go,
// pkg/kubelet/server/server.go (getExec).

import { errors } from '../../../src/apiserver/errors';
import type { StreamSink } from '../../../src/apiserver/request';

/** containerd's message for an exec that could not start, with a fresh exec id. */
export function execStartFailure(cause: string): string {
  const execId = [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `failed to exec in container: failed to start exec "${execId}": ${cause}`;
}

/** Ends an exec stream that has just opened with the failure on its error channel. */
export function sendExecFailure(sink: StreamSink, cause: string): void {
  const failure = errors.internal(`error executing command in container: ${execStartFailure(cause)}`);
  void Promise.resolve().then(() => {
    sink.data({ channel: 'error', status: failure.status });
    sink.end();
  });
}
