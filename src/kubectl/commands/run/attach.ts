// `kubectl run --attach` / `-i` / `-t`: waits for the new pod to run, attaches to its
// container (pods/attach, as `kubectl attach` does), or, when the pod has already finished or
// the attach fails, prints its logs (saying why after a failed attach) as the real kubectl does;
// then, for pods that do not restart (unless stdin stays open), waits for the end and returns
// the container's exit code (`pod ns/name terminated (Error)`).
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/run/run.go (handleAttachPod, waitForPod).

import type { Pod } from '../../../api/core';
import { findResource, resourcePath } from '../../../api/scheme';
import { StatusError } from '../../../client/client';
import type { KubectlContext } from '../../context';
import { waitUntil } from '../../deadline';
import { KubectlError } from '../../errors';
import { streamLog } from '../../log-stream';
import { attachToPod } from '../attach';

const PODS = findResource('', 'v1', 'pods')!;

export interface AttachOptions {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
  /** --leave-stdin-open: the container's stdin outlives this attach, so its end is not awaited. */
  leaveStdinOpen: boolean;
  restartPolicy: string;
  timeoutMs: number;
}

function finished(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function runningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && (pod.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

async function waitForPod(ctx: KubectlContext, pod: Pod, timeoutMs: number, done: (pod: Pod) => boolean): Promise<Pod> {
  let latest = pod;
  await waitUntil(ctx, { type: PODS, namespace: pod.metadata.namespace, name: pod.metadata.name ?? '' }, timeoutMs, 'error: timed out waiting for the condition', (object) => {
    if (!object) throw new KubectlError(`error: pods "${pod.metadata.name}" not found`);
    latest = object as Pod;
    return done(latest);
  });
  return latest;
}

/** Attaches to (or streams the logs of) a pod `run` created; resolves with the exit code. */
export async function attachToRun(ctx: KubectlContext, created: Pod, options: AttachOptions): Promise<number> {
  const name = created.metadata.name ?? '';
  const container = created.spec.containers[0].name;
  const logs = () => streamLog(ctx, resourcePath(PODS, created.metadata.namespace, name, 'log'), { container });
  const pod = await waitForPod(ctx, created, options.timeoutMs, (p) => runningAndReady(p) || finished(p));
  if (finished(pod)) await logs();
  else {
    try {
      await attachToPod(ctx, pod, { container, stdin: options.stdin, tty: options.tty, quiet: options.quiet });
    } catch (error) {
      if (!(error instanceof StatusError) && !(error instanceof KubectlError)) throw error;
      const reason = error instanceof StatusError ? (error.status.message ?? '') : error.message.replace(/^error: /, '');
      ctx.stderr(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${reason}\n`);
      await logs();
    }
  }
  if (ctx.signal.cancelled) return 130;
  if (options.leaveStdinOpen || (options.restartPolicy !== 'Never' && options.restartPolicy !== 'OnFailure')) return 0;
  const ended = await waitForPod(ctx, pod, options.timeoutMs, (p) => (options.restartPolicy === 'OnFailure' ? p.status?.phase === 'Succeeded' : finished(p)));
  if (ended.status?.phase === 'Succeeded') return 0;
  const terminated = ended.status?.containerStatuses?.[0]?.state?.terminated;
  if (!terminated || terminated.exitCode === 0) throw new KubectlError(`error: pod ${ended.metadata.namespace}/${name} failed with unknown exit code`);
  throw new KubectlError(`pod ${ended.metadata.namespace}/${name} terminated (${terminated.reason ?? ''})\n${terminated.message ?? ''}`, terminated.exitCode);
}
