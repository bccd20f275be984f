// Go's fmt.Sprint of decoded JSON values, as kubectl's custom columns and go-templates print
// them: maps as `map[k:v]` with sorted keys, lists as `[a b]`, nil as `<nil>`, numbers as Go
// formats int64 and float64.

export function goNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = String(value);
  const exp = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  return exp ? `${exp[1]}e${exp[2]}${exp[3].padStart(2, '0')}` : text;
}

export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  const object = value as Record<string, unknown>;
  return `map[${Object.keys(object)
    .sort()
    .map((k) => `${k}:${goSprint(object[k])}`)
    .join(' ')}]`;
}
