// The conditions a terminating namespace shows while its content is deleted, in upstream's
// order, reasons and messages. Upstream: pkg/controller/namespace/deletion/status_condition_utils.go.

import type { Namespace } from '../../api/core';

type NamespaceCondition = NonNullable<NonNullable<Namespace['status']>['conditions']>[number];

const TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<(typeof TYPES)[number], [string, string]> = {
  NamespaceDeletionDiscoveryFailure: ['ResourcesDiscovered', 'All resources successfully discovered'],
  NamespaceDeletionGroupVersionParsingFailure: ['ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  NamespaceDeletionContentFailure: ['ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  NamespaceContentRemaining: ['ContentRemoved', 'All content successfully removed'],
  NamespaceFinalizersRemaining: ['ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
};

export interface DeletionProgress {
  /** `pods has 2 resource instances`, per resource with objects left. */
  remaining: string[];
  /** `foregroundDeletion in 1 resource instances`, per finalizer holding objects back. */
  finalizers: string[];
  /** Messages of deletions that failed. */
  failures: string[];
}

export function deletionConditions(previous: readonly NamespaceCondition[] | undefined, progress: DeletionProgress, timestamp: string): NamespaceCondition[] {
  const failing: Partial<Record<(typeof TYPES)[number], [string, string]>> = {};
  if (progress.failures.length > 0) failing.NamespaceDeletionContentFailure = ['ContentDeletionFailed', `Failed to delete all resource types, ${progress.failures.length} remaining: ${progress.failures.join(', ')}`];
  if (progress.remaining.length > 0) failing.NamespaceContentRemaining = ['SomeResourcesRemain', `Some resources are remaining: ${progress.remaining.join(', ')}`];
  if (progress.finalizers.length > 0) failing.NamespaceFinalizersRemaining = ['SomeFinalizersRemain', `Some content in the namespace has finalizers remaining: ${progress.finalizers.join(', ')}`];
  return TYPES.map((type) => {
    const bad = failing[type];
    const [reason, message] = bad ?? OK[type];
    const status = bad ? 'True' : 'False';
    const old = previous?.find((c) => c.type === type);
    const lastTransitionTime = old && old.status === status ? old.lastTransitionTime : timestamp;
    return { type, status, lastTransitionTime, reason, message };
  });
}
