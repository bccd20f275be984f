// The table kubectl events prints: LAST SEEN, TYPE, REASON, OBJECT (`Kind/name`) and MESSAGE,
// NAMESPACE first with -A, the header once (when the first event is printed) unless
// --no-headers. Cells are not cut at line breaks in v1.32 (a message's newline starts a new
// line of output); only escape and carriage return are made visible. Upstream:
// staging/src/k8s.io/kubectl/pkg/cmd/events/event_printer.go and cli-runtime's
// printers.EscapeTerminal.

import type { CoreEvent } from '../../api/core';
import { eventInterval } from '../describe/events';
import type { TabWriter } from '../tabwriter';

export interface EventTableOptions {
  noHeaders: boolean;
  allNamespaces: boolean;
}

/** Terminal control characters made harmless: ESC as `^[`, CR as `\r`. */
export function escapeTerminal(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- terminal escape sequences are what this matches
  return (text ?? '').replace(/[\x1b\r]/g, (c) => (c === '\r' ? '\\r' : '^['));
}

export class EventTable {
  private headerPrinted: boolean;

  constructor(private readonly options: EventTableOptions) {
    this.headerPrinted = options.noHeaders;
  }

  /** Writes the header (the first time) and one line per event, ages measured at `now`. */
  print(events: readonly CoreEvent[], now: number, out: Pick<TabWriter, 'write'>): void {
    const namespaceHeader = this.options.allNamespaces ? 'NAMESPACE\t' : '';
    if (!this.headerPrinted) {
      out.write(`${namespaceHeader}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
      this.headerPrinted = true;
    }
    for (const e of events) {
      const namespace = this.options.allNamespaces ? `${e.metadata.namespace ?? ''}\t` : '';
      const object = `${escapeTerminal(e.involvedObject.kind)}/${escapeTerminal(e.involvedObject.name)}`;
      out.write(`${namespace}${eventInterval(e, now)}\t${escapeTerminal(e.type)}\t${escapeTerminal(e.reason)}\t${object}\t${escapeTerminal((e.message ?? '').trim())}\n`);
    }
  }
}
