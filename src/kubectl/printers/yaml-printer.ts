// YAML output as kubectl writes it (sigs.k8s.io/yaml over go-yaml v2): keys in go-yaml's
// natural order, two-space indents with sequences not indented under their key, `{}` and `[]`
// for empty collections, strings quoted only when needed, long lines folded past column 80,
// and literal blocks for multi-line text. Upstream facts: go-yaml v2 emitterc.go, sorter.go.

import { stringStyle } from './yaml-scalars';

const BEST_WIDTH = 80;
const INDENT = 2;

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** go-yaml v2's key order: letters by code point, digit runs by value, others before letters. */
export function compareKeys(a: string, b: string): number {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i] ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i] < br[i] ? -1 : 1;
  }
  return ar.length - br.length;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64). */
function goFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 21) {
    const [mantissa, exp] = value.toExponential().split('e');
    const sign = exp.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exp.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(value);
}

class Emitter {
  out = '';
  column = 0;

  write(text: string): void {
    this.out += text;
    const newline = text.lastIndexOf('\n');
    this.column = newline < 0 ? this.column + [...text].length : [...text.slice(newline + 1)].length;
  }

  /** A newline and indentation to `indent` (go-yaml's write_indent). */
  indent(indent: number): void {
    this.write(`\n${' '.repeat(indent)}`);
  }

  plain(text: string, indent: number, allowBreaks: boolean): void {
    let spaces = false;
    const chars = [...text];
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.indent(indent);
        else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    });
  }

  singleQuoted(text: string, indent: number, allowBreaks: boolean): void {
    this.write("'");
    let spaces = false;
    const chars = [...text];
    chars.forEach((c, i) => {
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') this.indent(indent);
        else this.write(c);
        spaces = true;
      } else {
        this.write(c === "'" ? "''" : c);
        spaces = false;
      }
    });
    this.write("'");
  }

  doubleQuoted(text: string, indent: number, allowBreaks: boolean): void {
    this.write('"');
    let spaces = false;
    const chars = [...text];
    chars.forEach((c, i) => {
      const code = c.codePointAt(0) ?? 0;
      const printable = code === 0x0a || (code >= 0x20 && code <= 0x7e) || code === 0x85 || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) || code >= 0x10000;
      const isBreak = c === '\n' || c === '\r' || code === 0x85 || code === 0x2028 || code === 0x2029;
      if (!printable || code === 0xfeff || isBreak || c === '"' || c === '\\') {
        const named: Record<number, string> = { 0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P' };
        const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
        this.write(`\\${named[code] ?? (code <= 0xff ? `x${hex(code, 2)}` : code <= 0xffff ? `u${hex(code, 4)}` : `U${hex(code, 8)}`)}`);
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.indent(indent);
          if (chars[i + 1] === ' ') this.write('\\');
        } else {
          this.write(c);
        }
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    });
    this.write('"');
  }

  literal(text: string, indent: number): void {
    let hints = '|';
    if (text.startsWith(' ') || text.startsWith('\n')) hints += String(INDENT);
    if (!text.endsWith('\n')) hints += '-';
    else if (text === '\n' || text.endsWith('\n\n')) hints += '+';
    this.write(hints);
    const lines = text.split('\n');
    if (text.endsWith('\n')) lines.pop();
    for (const line of lines) {
      this.write('\n');
      if (line !== '') this.write(' '.repeat(indent) + line);
    }
  }

  scalar(value: string, indent: number, simpleKey: boolean): void {
    const style = stringStyle(value, simpleKey);
    const allowBreaks = !simpleKey;
    if (style === 'plain') this.plain(value, indent, allowBreaks);
    else if (style === 'single') this.singleQuoted(value, indent, allowBreaks);
    else if (style === 'double') this.doubleQuoted(value, indent, allowBreaks);
    else this.literal(value, indent);
  }
}

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: Record<string, unknown> | unknown[]): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).filter((k) => value[k] !== undefined).length === 0;
}

function scalarText(e: Emitter, value: unknown, indent: number): void {
  if (value === null || value === undefined) e.write('null');
  else if (typeof value === 'boolean') e.write(String(value));
  else if (typeof value === 'number') e.write(goFloat(value));
  else e.scalar(String(value), indent, false);
}

/** Writes `value` as the value of a mapping key (after `key:`) or a sequence item (after `-`). */
function node(e: Emitter, value: unknown, indent: number, inSequence: boolean): void {
  if (isCollection(value) && isEmpty(value)) {
    e.write(Array.isArray(value) ? ' []' : ' {}');
    return;
  }
  if (Array.isArray(value)) {
    const itemIndent = inSequence ? indent + INDENT : indent;
    value.forEach((item, i) => {
      if (!(inSequence && i === 0)) e.indent(itemIndent);
      e.write('-');
      node(e, item, itemIndent, true);
    });
    return;
  }
  if (isCollection(value)) {
    const map = value as Record<string, unknown>;
    const keys = Object.keys(map).filter((k) => map[k] !== undefined).sort(compareKeys);
    const keyIndent = indent + INDENT;
    keys.forEach((key, i) => {
      if (inSequence && i === 0) e.write(' ');
      else e.indent(keyIndent);
      e.scalar(key, keyIndent, true);
      e.write(':');
      node(e, map[key], keyIndent, false);
    });
    return;
  }
  e.write(' ');
  scalarText(e, value, indent + INDENT);
}

export function printYaml(value: unknown): string {
  const e = new Emitter();
  if (isCollection(value) && !isEmpty(value)) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (i > 0) e.write('\n');
        e.write('-');
        node(e, item, 0, true);
      });
    } else {
      const map = value as Record<string, unknown>;
      const keys = Object.keys(map).filter((k) => map[k] !== undefined).sort(compareKeys);
      keys.forEach((key, i) => {
        if (i > 0) e.write('\n');
        e.scalar(key, 0, true);
        e.write(':');
        node(e, map[key], 0, false);
      });
    }
  } else if (isCollection(value)) {
    e.write(Array.isArray(value) ? '[]' : '{}');
  } else {
    scalarText(e, value, 0);
  }
  return `${e.out}\n`;
}
