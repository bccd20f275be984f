// Arithmetic expansion, $(( )): 64-bit integers, C's operators and precedence (and `**`), shell
// variables by name (unset or empty is 0), assignments and ++/--.

import { isAlpha, isDigit, isSpace } from "../../lib/text";
import { Environment } from "../context";

const BINARY: string[] = ["||", "&&", "|", "^", "&", "==", "!=", "<=", ">=", "<<", ">>", "<", ">", "+", "-", "**", "*", "/", "%"];
const ASSIGN: string[] = ["<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "="];

function precedence(op: string): i32 {
  if (op == "||") return 1;
  if (op == "&&") return 2;
  if (op == "|") return 3;
  if (op == "^") return 4;
  if (op == "&") return 5;
  if (op == "==" || op == "!=") return 6;
  if (op == "<" || op == ">" || op == "<=" || op == ">=") return 7;
  if (op == "<<" || op == ">>") return 8;
  if (op == "+" || op == "-") return 9;
  if (op == "**") return 11;
  return 10;
}

export class Arithmetic {
  pos: i32 = 0;
  error: string | null = null;

  constructor(public src: string, public env: Environment) {}

  evaluate(): i64 {
    const value = this.comma();
    this.skip();
    if (this.error === null && this.pos < this.src.length) this.error = "arithmetic syntax error";
    return value;
  }

  skip(): void {
    while (this.pos < this.src.length && isSpace(this.src.charCodeAt(this.pos))) this.pos++;
  }

  peekOp(ops: string[]): string {
    this.skip();
    for (let i = 0; i < ops.length; i++) if (this.src.startsWith(ops[i], this.pos)) return ops[i];
    return "";
  }

  variable(name: string): i64 {
    const value = this.env.getOr(name, "").trim();
    if (value.length == 0) return 0;
    const nested = new Arithmetic(value, this.env);
    const result = nested.evaluate();
    if (nested.error !== null && this.error === null) this.error = nested.error;
    return result;
  }

  assign(name: string, value: i64): i64 {
    this.env.set(name, value.toString());
    return value;
  }

  comma(): i64 {
    let value = this.assignment();
    while (this.error === null && this.peekOp([","]) == ",") {
      this.pos++;
      value = this.assignment();
    }
    return value;
  }

  readName(): string {
    this.skip();
    const start = this.pos;
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (isAlpha(c) || c == 95 || (this.pos > start && isDigit(c))) this.pos++;
      else break;
    }
    return this.src.substring(start, this.pos);
  }

  assignment(): i64 {
    const saved = this.pos;
    const name = this.readName();
    if (name.length > 0) {
      const op = this.peekOp(ASSIGN);
      if (op.length > 0 && !(op == "=" && this.src.startsWith("==", this.pos))) {
        this.pos += op.length;
        const right = this.assignment();
        if (op == "=") return this.assign(name, right);
        return this.assign(name, this.apply(op.substring(0, op.length - 1), this.variable(name), right));
      }
    }
    this.pos = saved;
    return this.ternary();
  }

  ternary(): i64 {
    const condition = this.binary(1);
    if (this.peekOp(["?"]) != "?") return condition;
    this.pos++;
    const yes = this.assignment();
    if (this.peekOp([":"]) != ":") {
      this.error = "arithmetic syntax error";
      return 0;
    }
    this.pos++;
    const no = this.assignment();
    return condition != 0 ? yes : no;
  }

  binary(minimum: i32): i64 {
    let left = this.unary();
    while (this.error === null) {
      const op = this.peekOp(BINARY);
      if (op.length == 0 || precedence(op) < minimum) break;
      if ((op == "|" || op == "&") && this.src.startsWith(op + "=", this.pos)) break;
      this.pos += op.length;
      const right = this.binary(op == "**" ? precedence(op) : precedence(op) + 1);
      left = this.apply(op, left, right);
    }
    return left;
  }

  /** `a ** b`, right-associative; a negative exponent is an error, as in ash. */
  power(a: i64, b: i64): i64 {
    if (b < 0) {
      this.error = "exponent less than 0";
      return 0;
    }
    let result: i64 = 1;
    let base = a;
    for (let e = b; e > 0; e >>= 1) {
      if (e & 1) result *= base;
      base *= base;
    }
    return result;
  }

  apply(op: string, a: i64, b: i64): i64 {
    if (op == "+") return a + b;
    if (op == "-") return a - b;
    if (op == "*") return a * b;
    if (op == "**") return this.power(a, b);
    if (op == "/" || op == "%") {
      if (b == 0) {
        this.error = "divide by zero";
        return 0;
      }
      return op == "/" ? a / b : a % b;
    }
    if (op == "<<") return a << b;
    if (op == ">>") return a >> b;
    if (op == "<") return a < b ? 1 : 0;
    if (op == ">") return a > b ? 1 : 0;
    if (op == "<=") return a <= b ? 1 : 0;
    if (op == ">=") return a >= b ? 1 : 0;
    if (op == "==") return a == b ? 1 : 0;
    if (op == "!=") return a != b ? 1 : 0;
    if (op == "&") return a & b;
    if (op == "^") return a ^ b;
    if (op == "|") return a | b;
    if (op == "&&") return a != 0 && b != 0 ? 1 : 0;
    return a != 0 || b != 0 ? 1 : 0;
  }

  unary(): i64 {
    const op = this.peekOp(["++", "--", "+", "-", "!", "~"]);
    if (op == "++" || op == "--") {
      this.pos += 2;
      const name = this.readName();
      if (name.length == 0) {
        this.error = "arithmetic syntax error";
        return 0;
      }
      return this.assign(name, this.variable(name) + (op == "++" ? 1 : -1));
    }
    if (op.length > 0) {
      this.pos++;
      const value = this.unary();
      if (op == "-") return -value;
      if (op == "!") return value == 0 ? 1 : 0;
      if (op == "~") return ~value;
      return value;
    }
    return this.postfix();
  }

  postfix(): i64 {
    this.skip();
    if (this.pos >= this.src.length) {
      this.error = "arithmetic syntax error";
      return 0;
    }
    const c = this.src.charCodeAt(this.pos);
    if (c == 40) {
      this.pos++;
      const value = this.comma();
      if (this.peekOp([")"]) != ")") {
        this.error = "arithmetic syntax error";
        return 0;
      }
      this.pos++;
      return value;
    }
    if (isDigit(c)) return this.number();
    const name = this.readName();
    if (name.length == 0) {
      this.error = "arithmetic syntax error";
      return 0;
    }
    const value = this.variable(name);
    const op = this.peekOp(["++", "--"]);
    if (op.length > 0) {
      this.pos += 2;
      this.assign(name, value + (op == "++" ? 1 : -1));
    }
    return value;
  }

  number(): i64 {
    let base: i64 = 10;
    if (this.src.startsWith("0x", this.pos) || this.src.startsWith("0X", this.pos)) {
      base = 16;
      this.pos += 2;
    } else if (this.src.charAt(this.pos) == "0") base = 8;
    let value: i64 = 0;
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      let digit: i64 = -1;
      if (isDigit(c)) digit = c - 48;
      else if (c >= 97 && c <= 102) digit = c - 87;
      else if (c >= 65 && c <= 70) digit = c - 55;
      if (digit < 0 || digit >= base) {
        if (isAlpha(c) || isDigit(c)) this.error = "arithmetic syntax error";
        break;
      }
      value = value * base + digit;
      this.pos++;
    }
    return value;
  }
}
