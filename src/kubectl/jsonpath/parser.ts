// Parses kubectl's JSONPath templates the way client-go does: text outside braces, and inside
// them fields (`.a.b`, `['a.b']`, `\.` escapes), indexes and slices (`[0]`, `[-1]`, `[1:3]`,
// `[*]`), unions (`[0,2]`), filters (`[?(@.type=="Ready")]`), recursive descent (`..name`),
// wildcards, quoted text (`{"\n"}`) and `range` … `end` blocks.
// Upstream: staging/src/k8s.io/client-go/util/jsonpath/parser.go.

export class JsonPathParseError extends Error {}

export type Step =
  | { kind: 'field'; names: string[] }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'array'; start?: number; end?: number; step?: number; single: boolean }
  | { kind: 'union'; branches: Step[][] }
  | { kind: 'filter'; left: Operand; operator: string; right?: Operand };

export type Operand = { kind: 'path'; steps: Step[] } | { kind: 'literal'; value: string | number | boolean };

/** One `{…}` action or a piece of text. */
export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'path'; steps: Step[] }
  | { kind: 'range'; steps: Step[] }
  | { kind: 'end' };

const TERMINATORS = new Set([' ', '\t', '\n', '\r', '.', '[', ']', '{', '}', '(', ')', '=', '!', '<', '>', ',']);

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(offset = 0): string {
    return this.text[this.pos + offset] ?? '';
  }
  next(): string {
    return this.text[this.pos++] ?? '';
  }
  skipSpaces(): void {
    while (!this.done && /\s/.test(this.peek())) this.pos++;
  }
}

function unquote(quoted: string): string {
  const quote = quoted[0];
  const body = quoted.slice(1, -1);
  if (quote === "'") return body;
  try {
    return JSON.parse(`"${body.replace(/\\'/g, "'")}"`) as string;
  } catch {
    throw new JsonPathParseError(`invalid syntax`);
  }
}

function readQuoted(s: Scanner): string {
  const quote = s.next();
  const start = s.pos - 1;
  while (!s.done && s.peek() !== quote) {
    if (s.peek() === '\\') s.pos++;
    s.pos++;
  }
  if (s.done) throw new JsonPathParseError('unterminated quoted string');
  s.pos++;
  return unquote(s.text.slice(start, s.pos));
}

function readFieldName(s: Scanner): string {
  let name = '';
  while (!s.done) {
    const c = s.peek();
    if (c === '\\' && s.peek(1) === '.') {
      name += '.';
      s.pos += 2;
      continue;
    }
    if (TERMINATORS.has(c)) break;
    name += c;
    s.pos++;
  }
  return name;
}

function parseInteger(text: string, whole: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^-?\d+$/.test(trimmed)) throw new JsonPathParseError(`invalid array index ${whole}`);
  return Number(trimmed);
}

function parseBracket(s: Scanner): Step {
  s.pos++;
  s.skipSpaces();
  if (s.peek() === '?') return parseFilter(s);
  if (s.peek() === "'" || s.peek() === '"') {
    const names = [readQuoted(s)];
    s.skipSpaces();
    while (s.peek() === ',') {
      s.pos++;
      s.skipSpaces();
      names.push(readQuoted(s));
      s.skipSpaces();
    }
    if (s.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
    return names.length === 1 ? { kind: 'field', names } : { kind: 'union', branches: names.map((n) => [{ kind: 'field', names: [n] }]) };
  }
  const close = s.text.indexOf(']', s.pos);
  if (close < 0) throw new JsonPathParseError('unterminated array');
  const inner = s.text.slice(s.pos, close);
  s.pos = close + 1;
  if (inner.trim() === '*') return { kind: 'array', single: false };
  if (inner.includes(',')) return { kind: 'union', branches: inner.split(',').map((part) => [arrayStep(part, `[${inner}]`)]) };
  return arrayStep(inner, `[${inner}]`);
}

function arrayStep(inner: string, whole: string): Step {
  const parts = inner.split(':');
  if (parts.length > 3) throw new JsonPathParseError(`invalid array index ${whole}`);
  const [start, end, step] = parts.map((p) => parseInteger(p, whole));
  if (parts.length === 1) {
    if (start === undefined) throw new JsonPathParseError(`invalid array index ${whole}`);
    return { kind: 'array', start, end: start === -1 ? undefined : start + 1, single: true };
  }
  return { kind: 'array', start, end, step, single: false };
}

function parseOperand(text: string): Operand {
  const trimmed = text.trim();
  if (trimmed.startsWith('@')) return { kind: 'path', steps: parseSteps(new Scanner(trimmed.slice(1)), true) };
  if (/^(['"]).*\1$/.test(trimmed)) return { kind: 'literal', value: unquote(trimmed) };
  if (trimmed === 'true' || trimmed === 'false') return { kind: 'literal', value: trimmed === 'true' };
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return { kind: 'literal', value: Number(trimmed) };
  throw new JsonPathParseError(`unrecognized filter operand ${trimmed}`);
}

function parseFilter(s: Scanner): Step {
  s.pos++;
  if (s.next() !== '(') throw new JsonPathParseError('unrecognized character in action: U+003F');
  let depth = 1;
  const start = s.pos;
  let quote = '';
  while (!s.done && depth > 0) {
    const c = s.next();
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  if (depth > 0) throw new JsonPathParseError('unclosed array expect ]');
  const body = s.text.slice(start, s.pos - 1);
  s.skipSpaces();
  if (s.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
  const match = /^(.*?)\s*(==|!=|<=|>=|<|>)\s*(.*)$/.exec(body);
  if (!match) return { kind: 'filter', left: parseOperand(body), operator: 'exists' };
  return { kind: 'filter', left: parseOperand(match[1]), operator: match[2], right: parseOperand(match[3]) };
}

function parseSteps(s: Scanner, inFilter = false): Step[] {
  const steps: Step[] = [];
  while (!s.done) {
    const c = s.peek();
    if (c === '.') {
      if (s.peek(1) === '.') {
        steps.push({ kind: 'recursive' });
        s.pos += 2;
        if (!TERMINATORS.has(s.peek()) && s.peek() !== '*' && !s.done) steps.push({ kind: 'field', names: [readFieldName(s)] });
        continue;
      }
      s.pos++;
      if (s.peek() === '*') {
        s.pos++;
        steps.push({ kind: 'wildcard' });
        continue;
      }
      steps.push({ kind: 'field', names: [readFieldName(s)] });
      continue;
    }
    if (c === '[') {
      steps.push(parseBracket(s));
      continue;
    }
    if (c === '*') {
      s.pos++;
      steps.push({ kind: 'wildcard' });
      continue;
    }
    const name = inFilter ? '' : readFieldName(s);
    if (name !== '') throw new JsonPathParseError(`unrecognized identifier ${name}`);
    throw new JsonPathParseError(`unrecognized character in action: U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} '${c}'`);
  }
  return steps;
}

function parseAction(action: string): TemplateNode[] {
  const s = new Scanner(action);
  s.skipSpaces();
  const nodes: TemplateNode[] = [];
  if (s.peek() === '"' || s.peek() === "'") {
    nodes.push({ kind: 'text', text: readQuoted(s) });
    return nodes;
  }
  const word = /^(range|end)\b/.exec(action.slice(s.pos));
  if (word?.[1] === 'end') return [{ kind: 'end' }];
  if (word?.[1] === 'range') {
    s.pos += 5;
    s.skipSpaces();
    return [{ kind: 'range', steps: parseSteps(new Scanner(action.slice(s.pos).trim())) }];
  }
  return [{ kind: 'path', steps: parseSteps(new Scanner(action.trim())) }];
}

/** Splits a template into text and actions; rejects unclosed or malformed actions. */
export function parseTemplate(template: string): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{', pos);
    if (open < 0) {
      nodes.push({ kind: 'text', text: template.slice(pos) });
      break;
    }
    if (open > pos) nodes.push({ kind: 'text', text: template.slice(pos, open) });
    let close = open + 1;
    let quote = '';
    for (; close < template.length; close++) {
      const c = template[close];
      if (quote) {
        if (c === '\\') close++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '}') break;
    }
    if (close >= template.length) {
      parseAction(template.slice(open + 1));
      throw new JsonPathParseError('unclosed action');
    }
    nodes.push(...parseAction(template.slice(open + 1, close)));
    pos = close + 1;
  }
  return nodes;
}
