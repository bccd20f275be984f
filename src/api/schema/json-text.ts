// Parses request bodies the way Go's encoding/json reads them: the same syntax error messages
// (`invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`),
// and, beside the value, what JSON.parse forgets but strict decoding needs: which object keys
// appeared twice, and the literal text of numbers that are not plain integers.

export class JsonSyntaxError extends Error {}

export interface ParsedJson {
  value: unknown;
  /** Keys seen more than once, per object (the last occurrence wins, as in Go). */
  duplicates: WeakMap<object, string[]>;
  /** Number literals with a fraction or exponent, per container, by key or index. */
  fractions: WeakMap<object, Map<string, string>>;
}

/** Go's quoteChar: how a syntax error shows the offending character. */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return '\'"\'';
  const code = c.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${c}'`;
}

class Reader {
  pos = 0;
  readonly duplicates = new WeakMap<object, string[]>();
  readonly fractions = new WeakMap<object, Map<string, string>>();

  constructor(private readonly text: string) {}

  fail(context: string): never {
    if (this.pos >= this.text.length) throw new JsonSyntaxError('unexpected end of JSON input');
    throw new JsonSyntaxError(`invalid character ${quoteChar(this.text[this.pos])} ${context}`);
  }

  skipSpace(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
      this.pos++;
    }
  }

  value(parent: object | undefined, key: string): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object();
      case '[':
        return this.array();
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.number(parent, key);
        return this.fail('looking for beginning of value');
    }
  }

  private literal(word: string, result: unknown): unknown {
    for (let i = 0; i < word.length; i++) {
      if (this.text[this.pos] !== word[i]) this.fail(`in literal ${word} (expecting ${quoteChar(word[i])})`);
      this.pos++;
    }
    return result;
  }

  private number(parent: object | undefined, key: string): number {
    const start = this.pos;
    const text = this.text;
    if (text[this.pos] === '-') this.pos++;
    if (text[this.pos] === '0') this.pos++;
    else if (text[this.pos] >= '1' && text[this.pos] <= '9') while (text[this.pos] >= '0' && text[this.pos] <= '9') this.pos++;
    else this.fail('in numeric literal');
    let fraction = false;
    if (text[this.pos] === '.') {
      fraction = true;
      this.pos++;
      if (!(text[this.pos] >= '0' && text[this.pos] <= '9')) this.fail('after decimal point in numeric literal');
      while (text[this.pos] >= '0' && text[this.pos] <= '9') this.pos++;
    }
    if (text[this.pos] === 'e' || text[this.pos] === 'E') {
      fraction = true;
      this.pos++;
      if (text[this.pos] === '+' || text[this.pos] === '-') this.pos++;
      if (!(text[this.pos] >= '0' && text[this.pos] <= '9')) this.fail('in exponent of numeric literal');
      while (text[this.pos] >= '0' && text[this.pos] <= '9') this.pos++;
    }
    const literal = text.slice(start, this.pos);
    if (fraction && parent) {
      let map = this.fractions.get(parent);
      if (!map) this.fractions.set(parent, (map = new Map()));
      map.set(key, literal);
    }
    return Number(literal);
  }

  string(): string {
    const text = this.text;
    this.pos++;
    const start = this.pos;
    let out = '';
    let chunk = start;
    for (;;) {
      if (this.pos >= text.length) this.fail('');
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        out += text.slice(chunk, this.pos);
        this.pos++;
        return out;
      }
      if (c < 0x20) this.fail('in string literal');
      if (c !== 0x5c) {
        this.pos++;
        continue;
      }
      out += text.slice(chunk, this.pos);
      this.pos++;
      const escape = text[this.pos];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (escape in simple) {
        out += simple[escape];
        this.pos++;
      } else if (escape === 'u') {
        this.pos++;
        const hex = text.slice(this.pos, this.pos + 4);
        for (let i = 0; i < 4; i++) {
          if (!/[0-9a-fA-F]/.test(text[this.pos] ?? '')) this.fail('in \\u hexadecimal character escape');
          this.pos++;
        }
        out += String.fromCharCode(parseInt(hex, 16));
      } else {
        this.fail('in string escape code');
      }
      chunk = this.pos;
    }
  }

  private object(): Record<string, unknown> {
    this.pos++;
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('looking for beginning of object key string');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail('after object key');
      this.pos++;
      const value = this.value(result, key);
      if (seen.has(key)) {
        const list = this.duplicates.get(result) ?? [];
        list.push(key);
        this.duplicates.set(result, list);
      }
      seen.add(key);
      if (key === '__proto__') Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      else result[key] = value;
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return result;
      }
      this.fail('after object key:value pair');
    }
  }

  private array(): unknown[] {
    this.pos++;
    const result: unknown[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value(result, String(result.length)));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return result;
      }
      this.fail('after array element');
    }
  }
}

export function parseJsonText(text: string): ParsedJson {
  const reader = new Reader(text);
  const value = reader.value(undefined, '');
  reader.skipSpace();
  if (reader.pos < text.length) reader.fail('after top-level value');
  return { value, duplicates: reader.duplicates, fractions: reader.fractions };
}
