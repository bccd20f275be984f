import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../api/core';
import { microseconds, sortEvents } from './events-order';

function event(name: string, times: Partial<CoreEvent>): CoreEvent {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name }, involvedObject: {}, ...times };
}

describe('kubectl events order', () => {
  it('reads RFC 3339 times to the microsecond, unset as earliest', () => {
    expect(microseconds('2026-01-01T00:00:01.000002Z') - microseconds('2026-01-01T00:00:01.000001Z')).toBe(1);
    expect(microseconds('2026-01-01T00:00:01Z')).toBe(Date.parse('2026-01-01T00:00:01Z') * 1000);
    expect(microseconds(null)).toBe(-Infinity);
  });

  it("orders by the series' last observation, else lastTimestamp, else eventTime", () => {
    const events = [
      event('series', { series: { count: 2, lastObservedTime: '2026-01-01T00:00:30.000000Z' }, lastTimestamp: '2026-01-01T00:00:01Z' }),
      event('last', { lastTimestamp: '2026-01-01T00:00:20Z', eventTime: '2026-01-01T00:00:40.000000Z' }),
      event('micro-late', { eventTime: '2026-01-01T00:00:10.000002Z' }),
      event('micro-early', { eventTime: '2026-01-01T00:00:10.000001Z' }),
      event('never', {}),
    ];
    sortEvents(events);
    expect(events.map((e) => e.metadata.name)).toEqual(['never', 'micro-early', 'micro-late', 'last', 'series']);
  });
});
