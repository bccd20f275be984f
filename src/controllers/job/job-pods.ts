// How the Job controller sees its pods: active (running or pending, not being deleted),
// terminating, finished (succeeded, or failed, a pod deleted before finishing counting as
// failed), ready, and which finished pods still carry the tracking finalizer that keeps them
// until they are counted. Upstream: pkg/controller/job/job_controller.go (getStatus helpers,
// isPodFailed) and tracking_utils.go.

import type { Job } from '../../api/apps';
import type { Pod } from '../../api/core';
import { fromLabelSelector, type Selector } from '../../api/labels';
import { isReady } from '../shared/pod-state';

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

/** The labels every pod of the Job carries (the API adds them to the template; kubetab also adds them itself). */
export function jobPodLabels(job: Job): Record<string, string> {
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  return { [CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: name, 'controller-uid': uid, 'job-name': name };
}

export function jobSelector(job: Job): Selector {
  const selector = fromLabelSelector(job.spec.selector);
  return selector.length > 0 ? selector : [{ key: CONTROLLER_UID_LABEL, operator: '=', values: [job.metadata.uid ?? ''] }];
}

export function isSucceeded(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded';
}

export function isFailed(pod: Pod): boolean {
  if (pod.status?.phase === 'Failed') return true;
  return pod.metadata.deletionTimestamp !== undefined && pod.status?.phase !== 'Succeeded';
}

export function isFinished(pod: Pod): boolean {
  return isSucceeded(pod) || isFailed(pod);
}

export function isActivePod(pod: Pod): boolean {
  return !isFinished(pod);
}

export function isTerminatingPod(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

export function hasTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata.finalizers ?? []).includes(TRACKING_FINALIZER);
}

export function readyCount(pods: readonly Pod[]): number {
  return pods.filter((p) => isActivePod(p) && isReady(p)).length;
}

/** When the latest pod failure happened (ms), for the pod-failure back-off. */
export function lastFailureAt(pods: readonly Pod[]): number | undefined {
  let latest: number | undefined;
  for (const pod of pods) {
    if (!isFailed(pod)) continue;
    const finished = pod.status?.containerStatuses?.map((s) => s.state?.terminated?.finishedAt).find((t) => t !== undefined);
    const at = Date.parse(finished ?? pod.metadata.deletionTimestamp ?? pod.metadata.creationTimestamp ?? '');
    if (Number.isFinite(at) && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}
