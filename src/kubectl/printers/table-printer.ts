// Human-readable output of server-side Tables, as kubectl prints them: upper-case headers
// (printed once while the columns stay the same), wide columns only with -o wide, the
// NAMESPACE column with -A, `kind/name` when several kinds are listed, LABELS and label
// columns, and cells cut at line breaks. Upstream:
// staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go.

import { jsonEqual } from '../../api/objects';
import type { Cell, Table, TableColumn } from '../../apiserver/tables/table';
import type { TabWriter } from '../tabwriter';

export interface TablePrintOptions {
  wide: boolean;
  noHeaders: boolean;
  withNamespace: boolean;
  showLabels: boolean;
  /** Label keys shown as their own columns (-L). */
  columnLabels: string[];
  /** `pod`, `deployment.apps`: prefix names with it when several kinds are listed. */
  kind?: string;
  /** Prefix rows with the watch event type (--output-watch-events). */
  eventType?: string;
}

const EVENT_TYPES: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };

/** `a=b,c=d` sorted by key, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels?.[k]}`).join(',');
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'string' ? cell : String(cell);
  const cut = text.search(/[\f\n\r]/);
  const visible = cut >= 0 ? `${text.slice(0, cut)}...` : text;
  // eslint-disable-next-line no-control-regex -- terminal escape sequences are what this matches
  return visible.replace(/\x1b/g, '^[');
}

interface RowObjectMeta {
  namespace?: string;
  labels?: Record<string, string>;
}

function rowMeta(object: unknown): RowObjectMeta | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  return (object as { metadata?: RowObjectMeta }).metadata;
}

export class TablePrinter {
  private lastColumns: TableColumn[] = [];
  private printedHeaders = false;

  constructor(private readonly options: TablePrintOptions) {}

  /** Writes a table's rows (and headers, when new) to the tab writer. */
  print(table: Table, out: TabWriter, eventType?: string): void {
    let noHeaders = this.options.noHeaders;
    let columns = table.columnDefinitions;
    if (this.printedHeaders && (columns.length === 0 || jsonEqual(columns, this.lastColumns))) noHeaders = true;
    if (columns.length === 0) columns = this.lastColumns;
    else if (!jsonEqual(columns, this.lastColumns)) {
      this.lastColumns = columns;
      this.printedHeaders = false;
    }
    if (table.rows.length > 0) this.printedHeaders = true;
    const visible = columns.map((c, i) => ({ column: c, index: i })).filter(({ column }) => this.options.wide || column.priority === 0);
    const nameIndex = this.options.kind ? columns.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
    const events = eventType !== undefined;
    if (!noHeaders && table.rows.length > 0) {
      const headers = visible.map(({ column }) => column.name.toUpperCase());
      if (this.options.withNamespace) headers.unshift('NAMESPACE');
      for (const label of this.options.columnLabels) headers.push((label.split('/').pop() ?? label).toUpperCase());
      if (this.options.showLabels) headers.push('LABELS');
      if (events) headers.unshift('EVENT');
      out.write(`${headers.join('\t')}\n`);
    }
    for (const row of table.rows) {
      const meta = rowMeta(row.object);
      const cells = visible.map(({ index }) => {
        const text = cellText(row.cells[index]);
        return index === nameIndex ? `${this.options.kind}/${text}` : text;
      });
      if (this.options.withNamespace) cells.unshift(meta?.namespace ?? '');
      for (const label of this.options.columnLabels) cells.push(meta?.labels?.[label] ?? '');
      if (this.options.showLabels) cells.push(formatLabels(meta?.labels));
      if (events) cells.unshift(EVENT_TYPES[eventType as string] ?? (eventType as string));
      out.write(`${cells.join('\t')}\n`);
    }
  }
}
