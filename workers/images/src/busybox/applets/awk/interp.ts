// Runs a parsed awk program: evaluates expressions to Cells and executes statements, with
// next/exit/break/continue unwinding through a control flag. Runtime errors stop the program.

import { writeFile } from "../../../lib/fs";
import { errnoMessage } from "../../../lib/wasi";
import { Context } from "../../context";
import { Regex } from "../../regex";
import { callBuiltin } from "./builtins";
import { awkFormat } from "./format";
import { N, Node } from "./ast";
import { Record } from "./record";
import { Cell } from "./values";

export enum Control { None, Next, Exit, Break, Continue }

export class Interpreter {
  constructor(public ctx: Context) {}

  record: Record = new Record();
  control: Control = Control.None;
  status: i32 = 0;
  error: string | null = null;
  private regexes: Map<string, Regex> = new Map<string, Regex>();
  /** Files print has written to in this run: later writes append. */
  private opened: Set<string> = new Set<string>();

  fail(message: string): Cell {
    if (this.error === null) this.error = message;
    this.control = Control.Exit;
    this.status = 2;
    return Cell.unset();
  }

  /** A regex from a node: a /literal/, or a dynamic one from a string value. */
  regexOf(node: Node): Regex | null {
    if (node.kind == N.Regex) return node.regex;
    const source = this.eval(node).toText();
    if (this.regexes.has(source)) return this.regexes.get(source);
    const regex = new Regex(source, true);
    if (regex.error !== null) {
      this.fail("bad regex '" + source + "': " + (<string>regex.error));
      return null;
    }
    this.regexes.set(source, regex);
    return regex;
  }

  key(nodes: Node[]): string {
    let key = "";
    for (let i = 0; i < nodes.length; i++) key += (i > 0 ? this.record.textOf("SUBSEP") : "") + this.eval(nodes[i]).toText();
    return key;
  }

  fieldIndex(node: Node): i32 {
    const index = this.eval(node.children[0]).toNumber();
    if (index < 0) {
      this.fail("trying to access out of range field " + i32(index).toString());
      return 0;
    }
    return i32(index);
  }

  /** Stores into a variable, field or array element. */
  store(target: Node, value: Cell): Cell {
    const copy = new Cell(value.kind, value.num, value.str);
    if (target.kind == N.Var) {
      if (this.record.isArray(target.text)) return this.fail("can't use array " + target.text + " in scalar context");
      this.record.set(target.text, copy);
    } else if (target.kind == N.Field) this.record.setField(this.fieldIndex(target), copy.toText());
    else if (target.kind == N.Index) this.record.array(target.text).set(this.key(target.children), copy);
    return copy;
  }

  arithmetic(op: string, a: f64, b: f64): f64 {
    if (op == "+") return a + b;
    if (op == "-") return a - b;
    if (op == "*") return a * b;
    if (op == "^") return Math.pow(a, b);
    if (b == 0) {
      this.fail("division by zero" + (op == "%" ? " in %" : ""));
      return 0;
    }
    return op == "/" ? a / b : a % b;
  }

  compare(op: string, left: Cell, right: Cell): bool {
    let order: i32;
    if (left.isNumeric && right.isNumeric) {
      const a = left.toNumber();
      const b = right.toNumber();
      order = a < b ? -1 : a > b ? 1 : 0;
    } else {
      const a = left.toText();
      const b = right.toText();
      order = a < b ? -1 : a > b ? 1 : 0;
    }
    if (op == "<") return order < 0;
    if (op == "<=") return order <= 0;
    if (op == ">") return order > 0;
    if (op == ">=") return order >= 0;
    if (op == "==") return order == 0;
    return order != 0;
  }

  eval(node: Node): Cell {
    if (this.error !== null) return Cell.unset();
    const c = node.children;
    switch (node.kind) {
      case N.Num: return Cell.number(node.num);
      case N.Str: return Cell.string(node.text);
      case N.Regex: return Cell.number((<Regex>node.regex).test(this.record.text) ? 1 : 0);
      case N.Var:
        if (this.record.isArray(node.text)) return this.fail("can't use array " + node.text + " in scalar context");
        return this.record.get(node.text);
      case N.Field: return this.record.field(this.fieldIndex(node));
      case N.Index: {
        const array = this.record.array(node.text);
        const key = this.key(c);
        if (!array.has(key)) array.set(key, Cell.unset());
        return array.get(key);
      }
      case N.Assign: {
        const value = this.eval(c[1]);
        if (node.text == "=") return this.store(c[0], value);
        return this.store(c[0], Cell.number(this.arithmetic(node.text.charAt(0), this.eval(c[0]).toNumber(), value.toNumber())));
      }
      case N.Cond: return this.eval(c[0]).truthy() ? this.eval(c[1]) : this.eval(c[2]);
      case N.Or: return Cell.number(this.eval(c[0]).truthy() || this.eval(c[1]).truthy() ? 1 : 0);
      case N.And: return Cell.number(this.eval(c[0]).truthy() && this.eval(c[1]).truthy() ? 1 : 0);
      case N.In: return Cell.number(this.record.array(node.text).has(this.key(c)) ? 1 : 0);
      case N.Match: {
        const text = this.eval(c[0]).toText();
        const regex = this.regexOf(c[1]);
        if (regex === null) return Cell.unset();
        return Cell.number(regex.test(text) != (node.text == "!~") ? 1 : 0);
      }
      case N.Compare: return Cell.number(this.compare(node.text, this.eval(c[0]), this.eval(c[1])) ? 1 : 0);
      case N.Concat: return Cell.string(this.eval(c[0]).toText() + this.eval(c[1]).toText());
      case N.Binary: return Cell.number(this.arithmetic(node.text, this.eval(c[0]).toNumber(), this.eval(c[1]).toNumber()));
      case N.Unary: {
        const value = this.eval(c[0]);
        if (node.text == "!") return Cell.number(value.truthy() ? 0 : 1);
        return Cell.number(node.text == "-" ? -value.toNumber() : value.toNumber());
      }
      case N.IncDec: {
        const before = this.eval(c[0]).toNumber();
        const after = node.text == "++" ? before + 1 : before - 1;
        this.store(c[0], Cell.number(after));
        return Cell.number(node.prefix ? after : before);
      }
      case N.Call: return callBuiltin(this, node);
      case N.Group: return Cell.string(this.key(c));
      default: return this.fail("unexpected expression");
    }
  }

  /** Writes print's output: to stdout, or to `> FILE` (emptied on first use) or `>> FILE`. */
  emit(node: Node, text: string): void {
    const redirect = node.redirect;
    if (this.error !== null) return;
    if (redirect === null) {
      this.ctx.out(text);
      return;
    }
    const path = this.eval(redirect).toText();
    if (path == "/dev/stdout" || path == "-") this.ctx.out(text);
    else if (path == "/dev/stderr") this.ctx.stderr.write(text);
    else {
      const append = node.text == ">>" || this.opened.has(path);
      this.opened.add(path);
      const code = writeFile(path, String.UTF8.encode(text), append);
      if (code != 0) this.fail("can't open '" + path + "': " + errnoMessage(code));
    }
  }

  print(node: Node): void {
    if (node.kind == N.Printf) {
      const args = new Array<Cell>();
      for (let i = 1; i < node.children.length; i++) args.push(this.eval(node.children[i]));
      this.emit(node, awkFormat(this.eval(node.children[0]).toText(), args));
      return;
    }
    if (node.children.length == 0) {
      this.emit(node, this.record.text + this.record.textOf("ORS"));
      return;
    }
    const parts = new Array<string>();
    for (let i = 0; i < node.children.length; i++) parts.push(this.eval(node.children[i]).toText());
    this.emit(node, parts.join(this.record.textOf("OFS")) + this.record.textOf("ORS"));
  }

  /** Runs a loop body; true when the loop should stop. */
  loopBody(body: Node): bool {
    this.exec(body);
    if (this.control == Control.Break) {
      this.control = Control.None;
      return true;
    }
    if (this.control == Control.Continue) this.control = Control.None;
    return this.control != Control.None;
  }

  exec(node: Node): void {
    if (this.control != Control.None || this.error !== null) return;
    const c = node.children;
    switch (node.kind) {
      case N.Print:
      case N.Printf: this.print(node); break;
      case N.Expr: this.eval(c[0]); break;
      case N.Block:
        for (let i = 0; i < c.length && this.control == Control.None; i++) this.exec(c[i]);
        break;
      case N.If:
        if (this.eval(c[0]).truthy()) this.exec(c[1]);
        else if (c.length > 2) this.exec(c[2]);
        break;
      case N.While:
        while (this.control == Control.None && this.eval(c[0]).truthy()) if (this.loopBody(c[1])) break;
        break;
      case N.Do:
        do {
          if (this.loopBody(c[0])) break;
        } while (this.control == Control.None && this.eval(c[1]).truthy());
        break;
      case N.For:
        for (this.exec(c[0]); this.control == Control.None && this.eval(c[1]).truthy(); this.exec(c[2])) if (this.loopBody(c[3])) break;
        break;
      case N.ForIn: {
        const keys = this.record.array(node.text).keys();
        for (let i = 0; i < keys.length && this.control == Control.None; i++) {
          this.store(c[0], Cell.input(keys[i]));
          if (this.loopBody(c[1])) break;
        }
        break;
      }
      case N.Next: this.control = Control.Next; break;
      case N.Break: this.control = Control.Break; break;
      case N.Continue: this.control = Control.Continue; break;
      case N.Exit:
        if (c.length > 0) this.status = i32(this.eval(c[0]).toNumber()) & 255;
        this.control = Control.Exit;
        break;
      case N.Delete:
        if (c.length == 0) this.record.arrays.set(node.text, new Map<string, Cell>());
        else {
          const array = this.record.array(node.text);
          const key = this.key(c);
          if (array.has(key)) array.delete(key);
        }
        break;
      default: this.fail("unexpected statement");
    }
  }
}
