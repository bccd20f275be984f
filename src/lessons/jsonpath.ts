// A kubectl JSONPath template (`{.status.phase}`, `{.spec.containers[0].image}`,
// `{.status.conditions[?(@.type=="Ready")].status}`, `{.items[*].metadata.name}`) parsed once
// and evaluated against a JSON value, printing results as `kubectl get -o jsonpath` does:
// several results joined by spaces, maps and lists as JSON, missing keys as nothing.

type PathStep =
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'filter'; path: string[]; negate: boolean; value: string | number | boolean };

type TemplatePart = { kind: 'text'; text: string } | { kind: 'path'; steps: PathStep[] };

export class JsonPathError extends Error {}

export interface JsonPath {
  readonly template: string;
  evaluate(value: unknown): string;
}

export function parseJsonPath(template: string): JsonPath {
  const parts = parseTemplate(template);
  return { template, evaluate: (value) => parts.map((part) => (part.kind === 'text' ? part.text : render(walk(value, part.steps)))).join('') };
}

function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{', pos);
    if (open < 0) {
      parts.push({ kind: 'text', text: template.slice(pos) });
      break;
    }
    if (open > pos) parts.push({ kind: 'text', text: template.slice(pos, open) });
    const close = findClose(template, open);
    parts.push({ kind: 'path', steps: parseSteps(template.slice(open + 1, close).trim(), template) });
    pos = close + 1;
  }
  if (!parts.some((part) => part.kind === 'path')) throw new JsonPathError(`${JSON.stringify(template)} has no {…} expression`);
  return parts;
}

function findClose(template: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < template.length; i++) {
    const c = template[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  throw new JsonPathError(`unclosed '{' in ${JSON.stringify(template)}`);
}

function parseSteps(expression: string, template: string): PathStep[] {
  const fail = (why: string) => new JsonPathError(`${why} in ${JSON.stringify(template)}`);
  const steps: PathStep[] = [];
  let pos = expression.startsWith('@') || expression.startsWith('$') ? 1 : 0;
  if (pos === expression.length) return steps;
  while (pos < expression.length) {
    const c = expression[pos];
    if (c === '.') {
      pos++;
      if (expression[pos] === '*') {
        steps.push({ kind: 'wildcard' });
        pos++;
        continue;
      }
      let name = '';
      while (pos < expression.length && !'.['.includes(expression[pos])) {
        if (expression[pos] === '\\' && pos + 1 < expression.length) pos++;
        name += expression[pos++];
      }
      if (!name) throw fail('empty field name');
      steps.push({ kind: 'field', name });
    } else if (c === '[') {
      const end = bracketEnd(expression, pos);
      if (end < 0) throw fail("unclosed '['");
      steps.push(parseBracket(expression.slice(pos + 1, end).trim(), fail));
      pos = end + 1;
    } else {
      throw fail(`unexpected ${JSON.stringify(c)}`);
    }
  }
  return steps;
}

function bracketEnd(expression: string, open: number): number {
  let quote = '';
  let depth = 0;
  for (let i = open; i < expression.length; i++) {
    const c = expression[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if ((c === ']' || c === ')') && --depth === 0) return i;
  }
  return -1;
}

function parseBracket(inner: string, fail: (why: string) => JsonPathError): PathStep {
  if (inner === '*') return { kind: 'wildcard' };
  if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  const quoted = /^(['"])(.*)\1$/.exec(inner);
  if (quoted) return { kind: 'field', name: quoted[2] };
  const filter = /^\?\(\s*@((?:\.[^.=!\s]+)+)\s*(==|!=)\s*(.+?)\s*\)$/.exec(inner);
  if (filter) {
    return { kind: 'filter', path: filter[1].slice(1).split('.'), negate: filter[2] === '!=', value: literal(filter[3], fail) };
  }
  throw fail(`unsupported selector [${inner}]`);
}

function literal(text: string, fail: (why: string) => JsonPathError): string | number | boolean {
  const quoted = /^(['"])(.*)\1$/.exec(text);
  if (quoted) return quoted[2];
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  throw fail(`unsupported filter value ${text}`);
}

function walk(root: unknown, steps: PathStep[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object') continue;
      if (step.kind === 'field') {
        if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, step.name)) next.push((value as Record<string, unknown>)[step.name]);
      } else if (step.kind === 'index') {
        if (Array.isArray(value)) {
          const item = value[step.index < 0 ? value.length + step.index : step.index];
          if (item !== undefined) next.push(item);
        }
      } else if (step.kind === 'wildcard') {
        next.push(...(Array.isArray(value) ? value : Object.values(value)));
      } else if (Array.isArray(value)) {
        next.push(...value.filter((item) => walk(item, step.path.map((name) => ({ kind: 'field', name }))).some((found) => (found === step.value) !== step.negate)));
      }
    }
    current = next;
  }
  return current;
}

function render(values: unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value))).join(' ');
}
