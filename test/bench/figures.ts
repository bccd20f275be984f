// Benchmark figures: named values with units, printed as a table or written as JSON
// (`{"name": {"value": n, "unit": "ms"}}`) so they can be tracked over time.

export interface Figure {
  value: number;
  unit: string;
  /** What the figure is compared against (a target or an upstream reference). */
  note?: string;
}

export type Figures = Record<string, Figure>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function formatTable(figures: Figures): string {
  const rows = Object.entries(figures).map(([name, f]) => [name, String(f.value), f.unit, f.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'value', 'unit', 'note'][i].length));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(['figure', 'value', 'unit', 'note']), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
