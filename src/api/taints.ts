// Taints and tolerations: whether a toleration covers a taint. Upstream:
// staging/src/k8s.io/api/core/v1/toleration.go (ToleratesTaint).

import type { Taint, Toleration } from './core';

export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  const operator = toleration.operator ?? 'Equal';
  if (operator === 'Exists') return true;
  return operator === 'Equal' && (toleration.value ?? '') === (taint.value ?? '');
}

export function toleratedBy(taint: Taint, tolerations: readonly Toleration[] | undefined): boolean {
  return (tolerations ?? []).some((t) => tolerates(t, taint));
}

/** `{key: value}` as the scheduler prints an untolerated taint. */
export function formatTaint(taint: Taint): string {
  return `{${taint.key}: ${taint.value ?? ''}}`;
}
