// A Deployment's strategy read defensively (a missing strategy is RollingUpdate 25%/25%, as the
// API defaults it): maxSurge rounded up, maxUnavailable rounded down, and 1 unavailable when
// both resolve to 0. Upstream: pkg/controller/deployment/util/deployment_util.go
// (ResolveFenceposts, MaxSurge, MaxUnavailable, HasProgressDeadline).

import type { Deployment } from '../../api/apps';

const DEFAULT_FENCEPOST = '25%';
const MAX_INT32 = 2 ** 31 - 1;

export function replicasOf(d: Deployment): number {
  return d.spec.replicas ?? 1;
}

export function isRecreate(d: Deployment): boolean {
  return d.spec.strategy?.type === 'Recreate';
}

export function isRollingUpdate(d: Deployment): boolean {
  return !isRecreate(d);
}

/** An int-or-percent against `total`: a percentage rounds up or down as asked. */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value);
  if (!percent) return Number.isInteger(Number(value)) ? Number(value) : 0;
  const exact = (Number(percent[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function fenceposts(d: Deployment): { surge: number; unavailable: number } {
  const rolling = d.spec.strategy?.rollingUpdate;
  const desired = replicasOf(d);
  const surge = scaledValue(rolling?.maxSurge ?? DEFAULT_FENCEPOST, desired, true);
  let unavailable = scaledValue(rolling?.maxUnavailable ?? DEFAULT_FENCEPOST, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? fenceposts(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  const desired = replicasOf(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  return Math.min(fenceposts(d).unavailable, desired);
}

export function hasProgressDeadline(d: Deployment): boolean {
  const seconds = d.spec.progressDeadlineSeconds ?? 600;
  return seconds !== MAX_INT32;
}

export function progressDeadlineSeconds(d: Deployment): number {
  return d.spec.progressDeadlineSeconds ?? 600;
}

export function revisionHistoryLimit(d: Deployment): number {
  return d.spec.revisionHistoryLimit ?? 10;
}
