// The parser of POSIX regular expressions (basic and extended): pattern text to a tree of
// characters, classes, anchors, concatenations, alternatives, repeats and numbered groups.

import { isDigit } from "../lib/text";
import { CharClass, namedClass, shorthandClass } from "./regex-class";

export enum Kind { Char, Any, Class, Bol, Eol, Concat, Alt, Repeat, Group, Empty }

export class Node {
  kind: Kind;
  ch: i32 = 0;
  cls: CharClass | null = null;
  children: Node[] = [];
  min: i32 = 0;
  max: i32 = 0;

  constructor(kind: Kind) {
    this.kind = kind;
  }
}

export class Parser {
  pos: i32 = 0;
  error: string | null = null;
  groups: i32 = 0;
  constructor(public src: string, public extended: bool) {}

  peek(offset: i32 = 0): i32 {
    return this.pos + offset < this.src.length ? this.src.charCodeAt(this.pos + offset) : -1;
  }

  /** True at `|` (extended) or `\|` (basic). */
  atAlternation(): bool {
    return this.extended ? this.peek() == 124 : this.peek() == 92 && this.peek(1) == 124;
  }

  atGroupEnd(): bool {
    return this.extended ? this.peek() == 41 : this.peek() == 92 && this.peek(1) == 41;
  }

  parseAlternation(depth: i32): Node {
    const first = this.parseConcat(depth);
    if (!this.atAlternation()) return first;
    const alt = new Node(Kind.Alt);
    alt.children.push(first);
    while (this.atAlternation()) {
      this.pos += this.extended ? 1 : 2;
      alt.children.push(this.parseConcat(depth));
    }
    return alt;
  }

  parseConcat(depth: i32): Node {
    const concat = new Node(Kind.Concat);
    const start = this.pos;
    while (this.pos < this.src.length && !this.atAlternation() && !(depth > 0 && this.atGroupEnd())) {
      const c = this.peek();
      if (c == 94 && (this.extended || this.pos == start)) {
        this.pos++;
        concat.children.push(new Node(Kind.Bol));
        continue;
      }
      if (c == 36 && (this.extended || this.endsConcat(this.pos + 1, depth))) {
        this.pos++;
        concat.children.push(new Node(Kind.Eol));
        continue;
      }
      const atom = this.parseAtom(depth, this.pos == start);
      if (this.error !== null) return concat;
      concat.children.push(this.parseRepeats(atom));
      if (this.error !== null) return concat;
    }
    return concat;
  }

  endsConcat(at: i32, depth: i32): bool {
    if (at >= this.src.length) return true;
    const saved = this.pos;
    this.pos = at;
    const ends = this.atAlternation() || (depth > 0 && this.atGroupEnd());
    this.pos = saved;
    return ends;
  }

  parseAtom(depth: i32, first: bool): Node {
    const c = this.peek();
    if (c == 46) {
      this.pos++;
      return new Node(Kind.Any);
    }
    if (c == 91) return this.parseBracket();
    const opensGroup = this.extended ? c == 40 : c == 92 && this.peek(1) == 40;
    if (opensGroup) {
      this.pos += this.extended ? 1 : 2;
      const group = new Node(Kind.Group);
      group.ch = ++this.groups;
      group.children.push(this.parseAlternation(depth + 1));
      if (!this.atGroupEnd()) {
        this.error = "Unmatched ( or \\(";
        return group;
      }
      this.pos += this.extended ? 1 : 2;
      return group;
    }
    if (c == 92 && this.pos + 1 < this.src.length) {
      const e = this.peek(1);
      this.pos += 2;
      const cls = shorthandClass(e);
      if (cls !== null) {
        const node = new Node(Kind.Class);
        node.cls = cls;
        return node;
      }
      return literal(e == 110 ? 10 : e == 116 ? 9 : e);
    }
    if (this.extended && first && (c == 42 || c == 43 || c == 63)) {
      this.pos++;
      return literal(c);
    }
    this.pos++;
    return literal(c);
  }

  parseBracket(): Node {
    this.pos++;
    const cls = new CharClass();
    if (this.peek() == 94) {
      cls.negated = true;
      this.pos++;
    }
    let first = true;
    while (this.pos < this.src.length && (first || this.peek() != 93)) {
      first = false;
      if (this.peek() == 91 && this.peek(1) == 58) {
        const end = this.src.indexOf(":]", this.pos + 2);
        if (end > 0 && namedClass(this.src.substring(this.pos + 2, end), cls)) {
          this.pos = end + 2;
          continue;
        }
      }
      const lo = this.peek();
      this.pos++;
      if (this.peek() == 45 && this.peek(1) != 93 && this.peek(1) != -1) {
        cls.add(lo, this.peek(1));
        this.pos += 2;
      } else cls.add(lo, lo);
    }
    if (this.peek() != 93) {
      this.error = "Unmatched [, [^, [:, [., or [=";
      return new Node(Kind.Empty);
    }
    this.pos++;
    const node = new Node(Kind.Class);
    node.cls = cls;
    return node;
  }

  parseRepeats(atom: Node): Node {
    let node = atom;
    while (this.pos < this.src.length) {
      const c = this.peek();
      let lo = -1;
      let hi = -1;
      if (c == 42) {
        lo = 0;
        this.pos++;
      } else if (this.extended ? c == 43 : c == 92 && this.peek(1) == 43) {
        lo = 1;
        this.pos += this.extended ? 1 : 2;
      } else if (this.extended ? c == 63 : c == 92 && this.peek(1) == 63) {
        lo = 0;
        hi = 1;
        this.pos += this.extended ? 1 : 2;
      } else if (this.extended ? c == 123 && isDigit(this.peek(1)) : c == 92 && this.peek(1) == 123) {
        this.pos += this.extended ? 1 : 2;
        lo = this.number();
        hi = lo;
        if (this.peek() == 44) {
          this.pos++;
          hi = isDigit(this.peek()) ? this.number() : -1;
        }
        const closes = this.extended ? this.peek() == 125 : this.peek() == 92 && this.peek(1) == 125;
        if (!closes) {
          this.error = "Unmatched \\{";
          return node;
        }
        this.pos += this.extended ? 1 : 2;
      } else break;
      const rep = new Node(Kind.Repeat);
      rep.children.push(node);
      rep.min = lo;
      rep.max = hi;
      node = rep;
    }
    return node;
  }

  number(): i32 {
    let value = 0;
    while (isDigit(this.peek())) value = value * 10 + (this.src.charCodeAt(this.pos++) - 48);
    return value;
  }
}

function literal(c: i32): Node {
  const node = new Node(Kind.Char);
  node.ch = c;
  return node;
}
