// How a pod looks in the picture: its STATUS as kubectl prints it (from the API server's own
// pod printer), READY n/m, and the colour family that status belongs to. A running pod whose
// Ready condition is False looks not ready even when its containers last reported ready: the
// node lifecycle controller marks a lost node's pods so, and Services and Deployments go by it.

import type { Pod } from '../../api/core';
import { summarizePod } from '../../apiserver/tables/pods';
import { readyCondition } from '../../controllers/shared/pod-state';

export type PodCategory = 'starting' | 'ready' | 'not-ready' | 'succeeded' | 'failed' | 'terminating' | 'unknown';

export interface PodLook {
  category: PodCategory;
  /** The STATUS column: Pending, ContainerCreating, Running, CrashLoopBackOff… */
  status: string;
  ready: number;
  total: number;
  restarts: number;
}

const FAILED_REASONS = /^(Failed|Error|CrashLoopBackOff|ErrImagePull|ImagePullBackOff|InvalidImageName|CreateContainerConfigError|CreateContainerError|RunContainerError|OOMKilled|ContainerCannotRun|DeadlineExceeded|Evicted|ExitCode:.*|Signal:.*|Init:(?!\d).*)$/;
const STARTING_REASONS = /^(Pending|ContainerCreating|PodInitializing|SchedulingGated|Init:\d+\/\d+)$/;

export function podLook(pod: Pod): PodLook {
  const summary = summarizePod(pod);
  return { category: categorize(pod, summary.reason, summary.ready, summary.total), status: summary.reason || 'Unknown', ready: summary.ready, total: summary.total, restarts: summary.restarts };
}

function categorize(pod: Pod, status: string, ready: number, total: number): PodCategory {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed' || pod.status?.phase === 'Succeeded') return 'succeeded';
  if (FAILED_REASONS.test(status) || pod.status?.phase === 'Failed') return 'failed';
  if (STARTING_REASONS.test(status)) return 'starting';
  if (status === 'Running' || status === 'NotReady') return total > 0 && ready === total && readyCondition(pod)?.status !== 'False' ? 'ready' : 'not-ready';
  return 'unknown';
}

export interface CategoryStyle {
  label: string;
  /** Stroke and status text colour. */
  color: string;
  /** Chip fill: a dark tint of the colour, so white names stay readable. */
  fill: string;
  dashed: boolean;
}

export const CATEGORY_STYLES: Record<PodCategory, CategoryStyle> = {
  starting: { label: 'Pending / creating', color: '#e3b341', fill: '#2e2610', dashed: true },
  ready: { label: 'Running, ready', color: '#3fb950', fill: '#10291a', dashed: false },
  'not-ready': { label: 'Running, not ready', color: '#7ee2a8', fill: '#132126', dashed: true },
  succeeded: { label: 'Succeeded', color: '#79c0ff', fill: '#0f2239', dashed: false },
  failed: { label: 'Failed / crashing', color: '#ff7b72', fill: '#3a1517', dashed: false },
  terminating: { label: 'Terminating', color: '#9da7b3', fill: '#1c2128', dashed: true },
  unknown: { label: 'Unknown', color: '#bc8cff', fill: '#251a3a', dashed: true },
};
