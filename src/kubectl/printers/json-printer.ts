// JSON output as kubectl writes it with Go's encoding/json: four-space indent, HTML-sensitive
// characters escaped, a newline at the end; map keys sorted (objects kubectl holds unstructured
// are maps all through), or, for an object a typed client holds, its struct fields in
// declaration order as they come.

function escapeString(text: string): string {
  return JSON.stringify(text)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function encode(value: unknown, indent: string, unit: string, sorted: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return escapeString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  const inner = `${indent}${unit}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + encode(item, inner, unit, sorted)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (sorted) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${escapeString(k)}: ${encode(v, inner, unit, sorted)}`).join(',\n')}\n${indent}}`;
}

/**
 * Indented JSON and a trailing newline, as kubectl prints objects: keys sorted, or (`sorted`
 * false, for a typed object already in Go's field order) in the order they come.
 */
export function printJson(value: unknown, sorted = true): string {
  return `${encode(value, '', '    ', sorted)}\n`;
}

/** Go's json.Marshal: the same encoding without indentation or a trailing newline. */
export function compactJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return escapeString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${escapeString(k)}:${compactJson(v)}`).join(',')}}`;
}
