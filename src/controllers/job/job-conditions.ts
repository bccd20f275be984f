// A Job's finishing conditions, in upstream's words: SuccessCriteriaMet then Complete
// (CompletionsReached), or FailureTarget then Failed (BackoffLimitExceeded, DeadlineExceeded).
// The first of each pair is set as soon as the outcome is known; the terminal one once no pod
// of the Job is left running or terminating. Upstream: pkg/controller/job/job_controller.go.

import type { JobCondition } from '../../api/apps';

export interface Outcome {
  interim: 'SuccessCriteriaMet' | 'FailureTarget';
  terminal: 'Complete' | 'Failed';
  reason: string;
  message: string;
}

export const COMPLETED: Outcome = { interim: 'SuccessCriteriaMet', terminal: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
export const BACKOFF_LIMIT_EXCEEDED: Outcome = { interim: 'FailureTarget', terminal: 'Failed', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
export const DEADLINE_EXCEEDED: Outcome = { interim: 'FailureTarget', terminal: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };

export function jobCondition(type: string, outcome: Outcome, timestamp: string): JobCondition {
  return { type, status: 'True', lastProbeTime: timestamp, lastTransitionTime: timestamp, reason: outcome.reason, message: outcome.message };
}

export function hasCondition(conditions: readonly JobCondition[] | undefined, type: string): boolean {
  return (conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

/** The outcome a Job already has an interim condition for, if any. */
export function recordedOutcome(conditions: readonly JobCondition[] | undefined): Outcome | undefined {
  for (const c of conditions ?? []) {
    if (c.status !== 'True') continue;
    if (c.type === 'SuccessCriteriaMet' || c.type === 'Complete') return COMPLETED;
    if (c.type === 'FailureTarget' || c.type === 'Failed') return c.reason === 'DeadlineExceeded' ? DEADLINE_EXCEEDED : BACKOFF_LIMIT_EXCEEDED;
  }
  return undefined;
}

export function isFinishedJob(conditions: readonly JobCondition[] | undefined): boolean {
  return hasCondition(conditions, 'Complete') || hasCondition(conditions, 'Failed');
}
