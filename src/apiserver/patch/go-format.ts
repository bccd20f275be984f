// Go's `%+v` rendering of a decoded JSON value (`map[spec:map[replicas:3]]`), which upstream
// puts in the Invalid error of a strategic merge patch whose result cannot be decoded.

function sortedKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).sort();
}

export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  if (typeof value === 'object') {
    const map = value as Record<string, unknown>;
    return `map[${sortedKeys(map)
      .map((key) => `${key}:${goFormat(map[key])}`)
      .join(' ')}]`;
  }
  return String(value);
}
