// The order kubectl events lists events in: by when each last happened (its series' last
// observation, else lastTimestamp, else eventTime; none at all sorts first), to the microsecond,
// with ties left where Go's unstable sort leaves them. Upstream: SortableEvents and eventTime in
// staging/src/k8s.io/kubectl/pkg/cmd/events/events.go.

import type { CoreEvent } from '../../api/core';
import { goSort } from '../go-sort';

/** An RFC 3339 time in microseconds since the epoch; -Infinity (Go's zero time) when unset. */
export function microseconds(timestamp: string | null | undefined): number {
  if (!timestamp) return -Infinity;
  const fraction = /\.(\d+)/.exec(timestamp)?.[1] ?? '';
  const micros = Number(fraction.slice(0, 6).padEnd(6, '0'));
  return Date.parse(timestamp.replace(/\.\d+/, '')) * 1000 + micros;
}

function lastHappened(e: CoreEvent): number {
  if (e.series) return microseconds(e.series.lastObservedTime);
  if (e.lastTimestamp) return microseconds(e.lastTimestamp);
  return microseconds(e.eventTime);
}

/** Sorts `events` in place, earliest first. */
export function sortEvents(events: CoreEvent[]): void {
  goSort(events, (a, b) => lastHappened(a) < lastHappened(b));
}
