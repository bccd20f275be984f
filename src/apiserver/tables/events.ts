// The event table: LAST SEEN TYPE REASON OBJECT MESSAGE, with SUBOBJECT SOURCE FIRST SEEN COUNT
// NAME under -o wide. Upstream: pkg/printers/internalversion/printers.go (printEvent).

import type { CoreEvent } from '../../api/core';
import { age } from '../../api/duration';
import { column, type TablePrinter } from './table';

function source(event: CoreEvent): string {
  const component = event.source?.component || event.reportingComponent || '';
  const host = event.source?.host || event.reportingInstance || '';
  if (!component && !host) return '<none>';
  return host ? `${component}, ${host}` : component;
}

export const eventTable: TablePrinter<CoreEvent> = {
  columns: [
    column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'string', 'Type of this event (Normal, Warning).'),
    column('Reason', 'string', 'A short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
    column('Object', 'string', 'The object that this event is about.'),
    column('Subobject', 'string', 'The part of the object the event is about, as a field path.', 1),
    column('Source', 'string', 'The component reporting this event.', 1),
    column('Message', 'string', 'A human-readable description of the status of this operation.'),
    column('First Seen', 'string', 'The time at which the event was first recorded.', 1),
    column('Count', 'string', 'The number of times this event has occurred.', 1),
    column('Name', 'string', 'Name must be unique within a namespace.', 1, 'name'),
  ],
  row(event, now) {
    const first = event.firstTimestamp ? age(event.firstTimestamp, now) : age(event.eventTime, now);
    let last = event.lastTimestamp ? age(event.lastTimestamp, now) : first;
    let count = event.count ?? 0;
    if (event.series) {
      last = age(event.series.lastObservedTime, now);
      count = event.series.count;
    } else if (count === 0) {
      count = 1;
    }
    const involved = event.involvedObject;
    const kind = (involved.kind ?? '').toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    return [
      last,
      event.type ?? '',
      event.reason ?? '',
      target,
      involved.fieldPath ?? '',
      source(event),
      (event.message ?? '').trim(),
      first,
      count,
      event.metadata.name ?? '',
    ];
  },
};
