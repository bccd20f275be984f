// Runs the Perl that one-liners are made of: statements of print, say, printf, die, exit, `my`
// and assignments to scalars, over expressions with Perl's operators, string interpolation and
// a few builtin functions, plus bignum's bpi. Anything else stops with a clear error (255).

import { printErr, print } from "../lib/io";
import { Kind, Token, tokenize } from "./lexer";
import { pi } from "./pi";
import { sprintf } from "./sprintf";
import { truth, unaryFunction, UNARY_FUNCTIONS } from "./functions";
import { Value } from "./value";

export class Perl {
  vars: Map<string, Value> = new Map<string, Value>();
  /** $\ : appended to every print (-l sets it to a newline). */
  outputRecordSeparator: string = "";
  imported: Set<string> = new Set<string>();
  sayEnabled: bool = false;
  /** The file name error messages give: `-e` for one-liners. */
  source: string = "-e";
  failed: bool = false;
  exitCode: i32 = 0;
  private exited: bool = false;
  private tokens: Token[] = [];
  private pos: i32 = 0;
  private code: string = "";

  run(code: string): i32 {
    this.code = code;
    const tokens = tokenize(code);
    if (tokens === null) {
      printErr("Can't find string terminator '\"' anywhere before EOF at " + this.source + " line 1.\n");
      return 255;
    }
    this.tokens = tokens;
    while (!this.failed && !this.exited && this.peek().kind != Kind.End) {
      if (this.atOp(";")) {
        this.pos++;
        continue;
      }
      this.statement();
      if (!this.failed && !this.exited && !this.atOp(";") && this.peek().kind != Kind.End) this.unsupported();
    }
    return this.failed ? 255 : this.exitCode;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private atOp(text: string): bool {
    const token = this.peek();
    return token.kind == Kind.Op && token.text == text;
  }

  private atWord(text: string): bool {
    const token = this.peek();
    return token.kind == Kind.Word && token.text == text;
  }

  private line(): string {
    let line = 1;
    const at = this.peek().at;
    for (let i = 0; i < at && i < this.code.length; i++) if (this.code.charCodeAt(i) == 10) line++;
    return line.toString();
  }

  private unsupported(): void {
    if (this.failed) return;
    const near = this.code.substring(this.peek().at).split("\n")[0];
    printErr("kubetab perl: unsupported Perl at " + this.source + " line " + this.line() + ", near \"" + near +
      "\" (this perl runs one-liners: print, say, printf, scalar expressions, and bignum's bpi)\n");
    this.failed = true;
  }

  private fail(message: string): void {
    if (this.failed) return;
    printErr(message + " at " + this.source + " line " + this.line() + ".\n");
    this.failed = true;
  }

  private statement(): void {
    const token = this.peek();
    if (token.kind == Kind.Word) {
      const word = token.text;
      if (word == "use" || word == "no") return this.pragma();
      if (word == "print" || word == "say" || word == "printf") return this.output(word);
      if (word == "die") {
        this.pos++;
        const message = this.joined(this.list());
        if (this.failed) return;
        printErr(message.endsWith("\n") ? message : (message.length > 0 ? message : "Died") + " at " + this.source + " line " + this.line() + ".\n");
        this.failed = true;
        return;
      }
      if (word == "exit") {
        this.pos++;
        const code = this.peek().kind == Kind.End || this.atOp(";") ? 0 : i32(this.assignment().toNumber());
        this.exitCode = code & 255;
        this.exited = true;
        return;
      }
    }
    this.assignment();
  }

  private pragma(): void {
    this.pos++;
    const module = this.peek();
    if (module.kind != Kind.Word) return this.unsupported();
    this.pos++;
    const imports = new Array<string>();
    while (!this.failed && this.peek().kind != Kind.End && !this.atOp(";")) {
      const token = this.peek();
      if (token.kind == Kind.Single || token.kind == Kind.Double) imports.push(token.text);
      else if (token.kind == Kind.Word && token.text != "qw") imports.push(token.text);
      this.pos++;
    }
    this.importModule(module.text, imports);
  }

  /** What `use MODULE LIST` and `-MMODULE=LIST` do. */
  importModule(module: string, imports: string[]): bool {
    if (module == "strict" || module == "warnings" || module == "utf8" || module == "bigint" || module == "bigrat") return true;
    if (module == "feature") {
      if (imports.includes("say") || imports.length == 0) this.sayEnabled = true;
      return true;
    }
    if (module == "bignum" || module == "Math::BigFloat") {
      for (let i = 0; i < imports.length; i++) this.imported.add(imports[i]);
      return true;
    }
    printErr("Can't locate " + module.replaceAll("::", "/") + ".pm in @INC (you may need to install the " + module + " module).\n");
    this.failed = true;
    return false;
  }

  private output(word: string): void {
    this.pos++;
    if (word == "say" && !this.sayEnabled) return this.fail("Undefined subroutine &main::say called");
    let toStderr = false;
    if (this.atWord("STDERR") || this.atWord("STDOUT")) {
      toStderr = this.peek().text == "STDERR";
      this.pos++;
    }
    const values = this.atOp(";") || this.peek().kind == Kind.End ? [this.lookup("_")] : this.list();
    if (this.failed) return;
    let text: string;
    if (word == "printf") text = sprintf(values);
    else text = this.joined(values) + (word == "say" ? "\n" : "") + this.outputRecordSeparator;
    if (toStderr) printErr(text);
    else print(text);
  }

  private joined(values: Value[]): string {
    let out = "";
    for (let i = 0; i < values.length; i++) out += values[i].toString();
    return out;
  }

  private lookup(name: string): Value {
    return this.vars.has(name) ? this.vars.get(name) : Value.undef();
  }

  private list(): Value[] {
    const out = new Array<Value>();
    const parenthesized = this.atOp("(");
    if (parenthesized) this.pos++;
    while (!this.failed) {
      if (parenthesized && this.atOp(")")) break;
      out.push(this.assignment());
      if (!this.atOp(",")) break;
      this.pos++;
    }
    if (parenthesized) {
      if (!this.atOp(")")) this.unsupported();
      else this.pos++;
    }
    return out;
  }

  private assignment(): Value {
    if (this.atWord("my") || this.atWord("our") || this.atWord("local")) this.pos++;
    const token = this.peek();
    const next = this.tokens[min(this.pos + 1, this.tokens.length - 1)];
    if (token.kind == Kind.Variable && next.kind == Kind.Op && (next.text == "=" || (next.text.endsWith("=") && next.text.length == 2 && next.text != "==" && next.text != "!=" && next.text != "<=" && next.text != ">="))) {
      this.pos += 2;
      const right = this.assignment();
      const op = next.text.substring(0, next.text.length - 1);
      const value = op.length == 0 ? right : this.binary(op, this.lookup(token.text), right);
      this.vars.set(token.text, value);
      return value;
    }
    return this.ternary();
  }

  private ternary(): Value {
    const condition = this.binaryLevel(0);
    if (!this.atOp("?")) return condition;
    this.pos++;
    const yes = this.assignment();
    if (!this.atOp(":")) {
      this.unsupported();
      return yes;
    }
    this.pos++;
    const no = this.assignment();
    return condition.truthy() ? yes : no;
  }

  private static LEVELS: string[][] = [
    ["||", "//"], ["&&"], ["|", "^"], ["&"], ["==", "!=", "<=>", "eq", "ne", "cmp"], ["<", ">", "<=", ">=", "lt", "gt", "le", "ge"],
    ["<<", ">>"], ["+", "-", "."], ["*", "/", "%", "x"],
  ];

  private operatorAt(level: i32): string {
    const token = this.peek();
    if (token.kind != Kind.Op && token.kind != Kind.Word) return "";
    return Perl.LEVELS[level].includes(token.text) ? token.text : "";
  }

  private binaryLevel(level: i32): Value {
    if (level >= Perl.LEVELS.length) return this.unary();
    let left = this.binaryLevel(level + 1);
    while (!this.failed) {
      const op = this.operatorAt(level);
      if (op.length == 0) break;
      this.pos++;
      const right = this.binaryLevel(level + 1);
      left = this.binary(op, left, right);
    }
    return left;
  }

  private binary(op: string, a: Value, b: Value): Value {
    if (op == ".") return Value.text(a.toString() + b.toString());
    if (op == "x") return Value.text(a.toString().repeat(max(0, i32(b.toNumber()))));
    if (op == "eq") return truth(a.toString() == b.toString());
    if (op == "ne") return truth(a.toString() != b.toString());
    if (op == "lt") return truth(a.toString() < b.toString());
    if (op == "gt") return truth(a.toString() > b.toString());
    if (op == "le") return truth(a.toString() <= b.toString());
    if (op == "ge") return truth(a.toString() >= b.toString());
    if (op == "cmp") return Value.number(a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0);
    if (op == "&&") return a.truthy() ? b : a;
    if (op == "||") return a.truthy() ? a : b;
    if (op == "//") return a.isNumber || a.str.length > 0 ? a : b;
    const x = a.toNumber();
    const y = b.toNumber();
    if (op == "+") return Value.number(x + y);
    if (op == "-") return Value.number(x - y);
    if (op == "*") return Value.number(x * y);
    if (op == "/" || op == "%") {
      if (y == 0) {
        this.fail("Illegal " + (op == "/" ? "division" : "modulus") + " by zero");
        return Value.undef();
      }
      return Value.number(op == "/" ? x / y : f64(i64(x) % i64(y)));
    }
    if (op == "**") return Value.number(Math.pow(x, y));
    if (op == "==") return truth(x == y);
    if (op == "!=") return truth(x != y);
    if (op == "<") return truth(x < y);
    if (op == ">") return truth(x > y);
    if (op == "<=") return truth(x <= y);
    if (op == ">=") return truth(x >= y);
    if (op == "<=>") return Value.number(x < y ? -1 : x > y ? 1 : 0);
    if (op == "<<") return Value.number(f64(i64(x) << i64(y)));
    if (op == ">>") return Value.number(f64(i64(x) >> i64(y)));
    if (op == "&") return Value.number(f64(i64(x) & i64(y)));
    if (op == "|") return Value.number(f64(i64(x) | i64(y)));
    return Value.number(f64(i64(x) ^ i64(y)));
  }

  private unary(): Value {
    if (this.atOp("!")) {
      this.pos++;
      return truth(!this.unary().truthy());
    }
    if (this.atOp("-")) {
      this.pos++;
      return Value.number(-this.unary().toNumber());
    }
    if (this.atOp("+")) {
      this.pos++;
      return this.unary();
    }
    const base = this.primary();
    if (this.atOp("**")) {
      this.pos++;
      return Value.number(Math.pow(base.toNumber(), this.unary().toNumber()));
    }
    return base;
  }

  private primary(): Value {
    const token = this.peek();
    if (token.kind == Kind.Number) {
      this.pos++;
      return Value.number(parseFloat(token.text));
    }
    if (token.kind == Kind.Single) {
      this.pos++;
      return Value.text(token.text);
    }
    if (token.kind == Kind.Double) {
      this.pos++;
      return Value.text(this.interpolate(token.text));
    }
    if (token.kind == Kind.Variable) {
      this.pos++;
      if (this.atOp("++") || this.atOp("--")) {
        const before = this.lookup(token.text);
        this.vars.set(token.text, Value.number(before.toNumber() + (this.peek().text == "++" ? 1 : -1)));
        this.pos++;
        return before;
      }
      return this.lookup(token.text);
    }
    if (token.kind == Kind.Op && token.text == "(") {
      this.pos++;
      const value = this.assignment();
      if (!this.atOp(")")) this.unsupported();
      else this.pos++;
      return value;
    }
    if (token.kind == Kind.Word) return this.call(token.text);
    this.unsupported();
    return Value.undef();
  }

  private call(name: string): Value {
    this.pos++;
    if (name == "bpi" || name == "Math::BigFloat::bpi") {
      if (!this.imported.has("bpi") && name == "bpi") {
        this.fail("Undefined subroutine &main::bpi called");
        return Value.undef();
      }
      const args = this.atOp("(") ? this.list() : new Array<Value>();
      const digits = args.length > 0 ? i32(args[0].toNumber()) : 40;
      return Value.text(pi(digits));
    }
    if (name == "time") return Value.number(0);
    if (name == "join" || name == "sprintf") {
      const args = this.list();
      if (args.length == 0) return Value.text("");
      if (name == "sprintf") return Value.text(sprintf(args));
      const parts = new Array<string>();
      for (let i = 1; i < args.length; i++) parts.push(args[i].toString());
      return Value.text(parts.join(args[0].toString()));
    }
    if (!UNARY_FUNCTIONS.includes(name)) {
      if (this.atOp("(")) {
        this.fail("Undefined subroutine &main::" + name + " called");
        return Value.undef();
      }
      this.pos--;
      this.unsupported();
      return Value.undef();
    }
    const arg = this.atOp("(") ? this.list() : [this.unary()];
    return unaryFunction(name, arg.length > 0 ? arg[0] : this.lookup("_"));
  }

  /** "...": escapes, then $name and ${name}. */
  private interpolate(raw: string): string {
    let out = "";
    let i = 0;
    while (i < raw.length) {
      const c = raw.charAt(i);
      if (c == "\\" && i + 1 < raw.length) {
        const e = raw.charAt(i + 1);
        out += e == "n" ? "\n" : e == "t" ? "\t" : e == "r" ? "\r" : e == "0" ? "\0" : e == "e" ? "\x1b" : e == "a" ? "\x07" : e;
        i += 2;
        continue;
      }
      if (c == "$" && i + 1 < raw.length) {
        let k = i + 1;
        const braced = raw.charAt(k) == "{";
        if (braced) k++;
        const start = k;
        while (k < raw.length && (raw.charCodeAt(k) == 95 || (raw.charCodeAt(k) >= 48 && raw.charCodeAt(k) <= 57) ||
          (raw.charCodeAt(k) >= 65 && raw.charCodeAt(k) <= 90) || (raw.charCodeAt(k) >= 97 && raw.charCodeAt(k) <= 122))) k++;
        if (k > start && (!braced || (k < raw.length && raw.charAt(k) == "}"))) {
          out += this.lookup(raw.substring(start, k)).toString();
          i = braced ? k + 1 : k;
          continue;
        }
      }
      out += c;
      i++;
    }
    return out;
  }
}
