// POSIX regular expressions, basic (grep, sed) and extended (grep -E, sed -E), with the GNU
// escapes people use (\+ \? \| in basic, \w \s \d). Patterns compile to a small NFA program that
// runs as a Thompson simulation, so no pattern can make matching blow up; groups' bounds (for
// sed's \1 and &) come from a second, capturing simulation over the match found.

import { isAlpha, isDigit } from "../lib/text";
import { CharClass, toLower } from "./regex-class";
import { Kind, Node, Parser } from "./regex-parse";

enum Op { Char, Any, Class, Split, Jmp, Bol, Eol, Save, Match }

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
    case Kind.Group:
      prog.push(new Inst(Op.Save, 0, null, node.ch * 2));
      emit(node.children[0], prog);
      prog.push(new Inst(Op.Save, 0, null, node.ch * 2 + 1));
      break;
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

/** A thread of the capturing simulation: where it is, and the group bounds it has seen. */
class Thread {
  constructor(public pc: i32, public slots: i32[]) {}
}

export class Regex {
  error: string | null = null;
  /** How many `(...)` groups the pattern has. */
  groups: i32 = 0;
  private prog: Inst[] = [];
  private marks: i32[] = [];
  private generation: i32 = 0;

  constructor(pattern: string, extended: bool, public ignoreCase: bool = false) {
    const parser = new Parser(pattern, extended);
    const tree = parser.parseAlternation(0);
    if (parser.error === null && parser.pos < pattern.length) parser.error = "Unmatched ) or \\)";
    this.error = parser.error;
    this.groups = parser.groups;
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

  /**
   * The bounds of each group in the match `text[start, end)` (found by find): [start, end] for
   * group 0, then each group's, -1 for a group that took no part. Among the ways to match, the
   * one that prefers earlier alternatives and longer repeats wins, as in sed and awk.
   */
  captures(text: string, start: i32, end: i32): i32[] {
    const empty = new Array<i32>(this.groups * 2 + 2).fill(-1);
    let current = new Array<Thread>();
    this.generation++;
    this.addThread(current, 0, start, text, empty);
    for (let pos = start; pos < end; pos++) {
      const next = new Array<Thread>();
      this.generation++;
      for (let i = 0; i < current.length; i++) {
        const thread = current[i];
        if (this.step(this.prog[thread.pc], text.charCodeAt(pos))) this.addThread(next, thread.pc + 1, pos + 1, text, thread.slots);
      }
      current = next;
    }
    for (let i = 0; i < current.length; i++) {
      if (this.prog[current[i].pc].op != Op.Match) continue;
      const slots = current[i].slots;
      slots[0] = start;
      slots[1] = end;
      return slots;
    }
    empty[0] = start;
    empty[1] = end;
    return empty;
  }

  private addThread(list: Thread[], pc: i32, pos: i32, text: string, slots: i32[]): void {
    if (this.marks[pc] == this.generation) return;
    this.marks[pc] = this.generation;
    const inst = this.prog[pc];
    if (inst.op == Op.Jmp) this.addThread(list, inst.x, pos, text, slots);
    else if (inst.op == Op.Split) {
      this.addThread(list, inst.x, pos, text, slots);
      this.addThread(list, inst.y, pos, text, slots);
    } else if (inst.op == Op.Save) {
      const saved = slots.slice(0);
      saved[inst.x] = pos;
      this.addThread(list, pc + 1, pos, text, saved);
    } else if (inst.op == Op.Bol) {
      if (pos == 0) this.addThread(list, pc + 1, pos, text, slots);
    } else if (inst.op == Op.Eol) {
      if (pos == text.length) this.addThread(list, pc + 1, pos, text, slots);
    } else list.push(new Thread(pc, slots));
  }

  private add(list: i32[], pc: i32, pos: i32, text: string): void {
    if (this.marks[pc] == this.generation) return;
    this.marks[pc] = this.generation;
    const inst = this.prog[pc];
    if (inst.op == Op.Jmp || inst.op == Op.Save) this.add(list, inst.op == Op.Jmp ? inst.x : pc + 1, pos, text);
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
