import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../api/core';
import { escapeTerminal, EventTable } from './events-table';

const NOW = Date.parse('2026-01-01T01:00:00Z');

function event(namespace: string, kind: string, name: string, fields: Partial<CoreEvent>): CoreEvent {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace }, involvedObject: { kind, name }, ...fields };
}

const repeated = event('team-a', 'Pod', 'web', {
  type: 'Warning',
  reason: 'BackOff',
  message: '  Back-off restarting failed container  ',
  count: 3,
  firstTimestamp: '2026-01-01T00:50:00Z',
  lastTimestamp: '2026-01-01T00:58:00Z',
});
const series = event('default', 'Node', 'n1', {
  type: 'Normal',
  reason: 'Ready',
  message: 'first\nsecond',
  eventTime: '2026-01-01T00:45:00.000000Z',
  series: { count: 4, lastObservedTime: '2026-01-01T00:59:30.000000Z' },
});

/** The tab-separated lines the table writes for `events`. */
function printed(table: EventTable, events: CoreEvent[]): string {
  let text = '';
  table.print(events, NOW, { write: (chunk) => (text += chunk) });
  return text;
}

describe('kubectl events table', () => {
  it('prints the header once, ages with repeat counts, trimmed messages, line breaks kept', () => {
    const table = new EventTable({ noHeaders: false, allNamespaces: false });
    expect(printed(table, [repeated, series])).toBe(
      'LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n' +
        '2m (x3 over 10m)\tWarning\tBackOff\tPod/web\tBack-off restarting failed container\n' +
        '30s (x4 over 15m)\tNormal\tReady\tNode/n1\tfirst\nsecond\n',
    );
    expect(printed(table, [{ ...repeated, count: 1 }])).toBe('10m\tWarning\tBackOff\tPod/web\tBack-off restarting failed container\n');
  });

  it('puts the namespace first with -A and leaves the header out with --no-headers', () => {
    const table = new EventTable({ noHeaders: true, allNamespaces: true });
    expect(printed(table, [{ ...series, message: 'm', series: undefined }])).toBe('default\t15m\tNormal\tReady\tNode/n1\tm\n');
  });

  it('shows escape and carriage return characters instead of sending them to the terminal', () => {
    expect(escapeTerminal('\u001b[31mred\rx')).toBe('^[[31mred\\rx');
    expect(escapeTerminal(undefined)).toBe('');
  });
});
