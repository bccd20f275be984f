// Column alignment exactly as Go's text/tabwriter does it, which kubectl's get (min width 6,
// padding 3) and describe (padding 2) rely on: cells end at tabs, a column's width is set per
// block of consecutive lines that have that column, and the last cell of a line is not padded.
// Upstream: Go's src/text/tabwriter/tabwriter.go (format, writeLines).

export interface TabWriterOptions {
  minWidth: number;
  padding: number;
  /** Keep each column's width across flushes as a minimum (kubectl get -w). */
  rememberWidths?: boolean;
}

interface Cell {
  text: string;
  width: number;
}

function runeWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export class TabWriter {
  private pending = '';
  private remembered: number[] = [];

  constructor(private readonly options: TabWriterOptions) {}

  write(text: string): void {
    this.pending += text;
  }

  /** Formats everything written since the last flush. */
  flush(): string {
    const text = this.pending;
    this.pending = '';
    if (text === '') return '';
    const endsWithNewline = text.endsWith('\n');
    const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
    const lines: Cell[][] = rawLines.map((line) => line.split('\t').map((cell) => ({ text: cell, width: runeWidth(cell) })));
    const out: string[] = [];
    const widths: number[] = [];
    this.format(lines, 0, lines.length, widths, out);
    return out.join('\n') + (endsWithNewline ? '\n' : '');
  }

  private format(lines: Cell[][], line0: number, line1: number, widths: number[], out: string[]): void {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      this.writeLines(lines, start, i, widths, out);
      start = i;
      let width = this.options.minWidth;
      let end = i;
      for (; end < line1; end++) {
        if (column >= lines[end].length - 1) break;
        width = Math.max(width, lines[end][column].width + this.options.padding);
      }
      if (this.options.rememberWidths) {
        width = Math.max(width, this.remembered[column] ?? 0);
        this.remembered[column] = width;
      }
      widths.push(width);
      this.format(lines, start, end, widths, out);
      widths.pop();
      start = end;
      i = end - 1;
    }
    this.writeLines(lines, start, line1, widths, out);
  }

  private writeLines(lines: Cell[][], line0: number, line1: number, widths: number[], out: string[]): void {
    for (let i = line0; i < line1; i++) {
      let text = '';
      lines[i].forEach((cell, j) => {
        text += cell.text;
        if (j < widths.length && j < lines[i].length - 1) text += ' '.repeat(Math.max(0, widths[j] - cell.width));
      });
      out.push(text);
    }
  }
}

/** Aligns a whole text at once. */
export function tabulate(text: string, options: TabWriterOptions): string {
  const writer = new TabWriter(options);
  writer.write(text);
  return writer.flush();
}

export const GET_TABS: TabWriterOptions = { minWidth: 6, padding: 3 };
export const DESCRIBE_TABS: TabWriterOptions = { minWidth: 0, padding: 2 };
