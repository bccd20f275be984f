// The FailedScheduling message: how many nodes failed for which reason, then what preemption
// could do, in upstream's words. Upstream: pkg/scheduler/framework/types.go (FitError.Error)
// and plugins/defaultpreemption.

import type { FilterFailure } from './framework';

/** `3 Insufficient cpu, 1 node(s) had untolerated taint {…}`: reasons counted, sorted. */
function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => `${count} ${reason}`)
    .sort()
    .join(', ');
}

export function fitErrorMessage(nodeCount: number, failures: readonly FilterFailure[]): string {
  let message = `0/${nodeCount} nodes are available:`;
  const reasons = failures.flatMap((f) => f.reasons);
  if (reasons.length > 0) message += ` ${histogram(reasons)}.`;
  const preemption = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  message += ` preemption: 0/${nodeCount} nodes are available:`;
  message += preemption.length > 0 ? ` ${histogram(preemption)}.` : '';
  return message;
}
