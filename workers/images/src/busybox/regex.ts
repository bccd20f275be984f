// POSIX regular expressions, basic (grep, sed) and extended (grep -E, sed -E), with the GNU
// escapes people use (\+ \? \| in basic, \w \s \d). Patterns compile to a small NFA program that
// runs as a Thompson simulation, so no pattern can make matching blow up.

import { isAlpha, isDigit } from "../lib/text";
import { CharClass, namedClass, shorthandClass, toLower } from "./regex-class";

enum Kind { Char, Any, Class, Bol, Eol, Concat, Alt, Repeat, Empty }

class Node {
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

class Parser {
  pos: i32 = 0;
  error: string | null = null;
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
      const inner = this.parseAlternation(depth + 1);
      if (!this.atGroupEnd()) {
        this.error = "Unmatched ( or \\(";
        return inner;
      }
      this.pos += this.extended ? 1 : 2;
      return inner;
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

enum Op { Char, Any, Class, Split, Jmp, Bol, Eol, Match }

class Inst {
  constructor(public op: Op, public ch: i32 = 0, public cls: CharClass | null = null, public x: i32 = 0, public y: i32 = 0) {}
}

function emit(node: Node, prog: Inst[]): void {
  switch (node.kind) {
    case Kind.Char: prog.push(new Inst(Op.Char, node.ch)); break;
    case Kind.Any: prog.push(new Inst(Op.Any)); break;
    case Kind.Class: prog.push(new Inst(Op.Class, 0, node.cls)); break;
    case Kind.Bol: prog.push(new Inst(Op.Bol)); break;
    case Kind.Eol: prog.push(new Inst(Op.Eol)); break;
    case Kind.Concat:
      for (let i = 0; i < node.children.length; i++) emit(node.children[i], prog);
      break;
    case Kind.Alt: {
      const jumps = new Array<i32>();
      for (let i = 0; i < node.children.length; i++) {
        if (i < node.children.length - 1) {
          const split = prog.length;
          prog.push(new Inst(Op.Split, 0, null, split + 1, 0));
          emit(node.children[i], prog);
          jumps.push(prog.length);
          prog.push(new Inst(Op.Jmp));
          prog[split].y = prog.length;
        } else emit(node.children[i], prog);
      }
      for (let i = 0; i < jumps.length; i++) prog[jumps[i]].x = prog.length;
      break;
    }
    case Kind.Repeat: {
      const child = node.children[0];
      for (let i = 0; i < node.min; i++) emit(child, prog);
      if (node.max < 0) {
        const split = prog.length;
        prog.push(new Inst(Op.Split, 0, null, split + 1, 0));
        emit(child, prog);
        prog.push(new Inst(Op.Jmp, 0, null, split));
        prog[split].y = prog.length;
      } else {
        const splits = new Array<i32>();
        for (let i = node.min; i < node.max; i++) {
          splits.push(prog.length);
          prog.push(new Inst(Op.Split, 0, null, prog.length + 1, 0));
          emit(child, prog);
        }
        for (let i = 0; i < splits.length; i++) prog[splits[i]].y = prog.length;
      }
      break;
    }
    default:
      break;
  }
}

export class Match {
  constructor(public start: i32, public end: i32) {}
}

export class Regex {
  error: string | null = null;
  private prog: Inst[] = [];
  private marks: i32[] = [];
  private generation: i32 = 0;

  constructor(pattern: string, extended: bool, public ignoreCase: bool = false) {
    const parser = new Parser(pattern, extended);
    const tree = parser.parseAlternation(0);
    if (parser.error === null && parser.pos < pattern.length) parser.error = "Unmatched ) or \\)";
    this.error = parser.error;
    emit(tree, this.prog);
    this.prog.push(new Inst(Op.Match));
    for (let i = 0; i < this.prog.length; i++) this.marks.push(0);
  }

  /** True when the pattern matches the whole of `text`. */
  matchesWhole(text: string): bool {
    return this.longestAt(text, 0) == text.length;
  }

  /** True when the pattern matches somewhere in `text`. */
  test(text: string): bool {
    return this.find(text, 0) !== null;
  }

  /** The leftmost, then longest, match at or after `from`. */
  find(text: string, from: i32): Match | null {
    for (let start = from; start <= text.length; start++) {
      const end = this.longestAt(text, start);
      if (end >= 0) return new Match(start, end);
    }
    return null;
  }

  private add(list: i32[], pc: i32, pos: i32, text: string): void {
    if (this.marks[pc] == this.generation) return;
    this.marks[pc] = this.generation;
    const inst = this.prog[pc];
    if (inst.op == Op.Jmp) this.add(list, inst.x, pos, text);
    else if (inst.op == Op.Split) {
      this.add(list, inst.x, pos, text);
      this.add(list, inst.y, pos, text);
    } else if (inst.op == Op.Bol) {
      if (pos == 0) this.add(list, pc + 1, pos, text);
    } else if (inst.op == Op.Eol) {
      if (pos == text.length) this.add(list, pc + 1, pos, text);
    } else list.push(pc);
  }

  private accepts(list: i32[]): bool {
    for (let i = 0; i < list.length; i++) if (this.prog[list[i]].op == Op.Match) return true;
    return false;
  }

  private step(inst: Inst, c: i32): bool {
    if (inst.op == Op.Any) return c != 10;
    if (inst.op == Op.Char) return inst.ch == c || (this.ignoreCase && toLower(inst.ch) == toLower(c));
    if (inst.op == Op.Class) return (<CharClass>inst.cls).has(c, this.ignoreCase);
    return false;
  }

  private longestAt(text: string, start: i32): i32 {
    let current = new Array<i32>();
    this.generation++;
    this.add(current, 0, start, text);
    let accepted = this.accepts(current) ? start : -1;
    for (let pos = start; pos < text.length && current.length > 0; pos++) {
      const c = text.charCodeAt(pos);
      const next = new Array<i32>();
      this.generation++;
      for (let i = 0; i < current.length; i++) {
        const inst = this.prog[current[i]];
        if (this.step(inst, c)) this.add(next, current[i] + 1, pos + 1, text);
      }
      current = next;
      if (this.accepts(current)) accepted = pos + 1;
    }
    return accepted;
  }
}

/** Whether a word character (for grep -w): letters, digits and `_`. */
export function isWordChar(c: i32): bool {
  return isAlpha(c) || isDigit(c) || c == 95;
}
