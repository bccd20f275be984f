// test EXPRESSION, [ EXPRESSION ] and [[ EXPRESSION ]]: file tests, string and integer
// comparisons, ! -a -o and parentheses, with POSIX's rules for short argument lists.

import { absolutePath, stat } from "../../lib/fs";
import { isTerminal } from "../../lib/io";
import { isSpace } from "../../lib/text";
import { filetype } from "../../lib/wasi";
import { Context } from "../context";

const UNARY = "-e -f -d -s -r -w -x -z -n -L -h -b -c -p -S -t";
const BINARY = "= == != < > -eq -ne -lt -le -gt -ge -nt -ot -ef";

function isUnary(op: string): bool {
  return op.length == 2 && UNARY.split(" ").includes(op);
}

function isBinary(op: string): bool {
  return BINARY.split(" ").includes(op);
}

class Evaluator {
  pos: i32 = 0;
  error: string | null = null;
  constructor(public args: string[]) {}

  more(): bool {
    return this.pos < this.args.length;
  }

  fail(message: string): bool {
    if (this.error === null) this.error = message;
    return false;
  }

  number(text: string): i64 {
    const trimmed = text.trim();
    let i = 0;
    if (trimmed.startsWith("-") || trimmed.startsWith("+")) i = 1;
    let ok = i < trimmed.length;
    for (let k = i; k < trimmed.length; k++) if (trimmed.charCodeAt(k) < 48 || trimmed.charCodeAt(k) > 57) ok = false;
    if (!ok || (text.length > 0 && isSpace(text.charCodeAt(0)) && trimmed.length == 0)) {
      this.fail(text + ": bad number");
      return 0;
    }
    return I64.parseInt(trimmed);
  }

  orExpr(): bool {
    let value = this.andExpr();
    while (this.more() && this.args[this.pos] == "-o") {
      this.pos++;
      const right = this.andExpr();
      value = value || right;
    }
    return value;
  }

  andExpr(): bool {
    let value = this.notExpr();
    while (this.more() && this.args[this.pos] == "-a") {
      this.pos++;
      const right = this.notExpr();
      value = value && right;
    }
    return value;
  }

  notExpr(): bool {
    if (this.more() && this.args[this.pos] == "!" && this.pos + 1 < this.args.length) {
      this.pos++;
      return !this.notExpr();
    }
    return this.primary();
  }

  primary(): bool {
    if (!this.more()) return this.fail("argument expected");
    const word = this.args[this.pos];
    if (this.pos + 2 < this.args.length && isBinary(this.args[this.pos + 1])) {
      this.pos += 3;
      return this.binary(word, this.args[this.pos - 2], this.args[this.pos - 1]);
    }
    if (word == "(" && this.pos + 1 < this.args.length) {
      this.pos++;
      const value = this.orExpr();
      if (!this.more() || this.args[this.pos] != ")") return this.fail("closing paren expected");
      this.pos++;
      return value;
    }
    if (isUnary(word) && this.pos + 1 < this.args.length) {
      this.pos += 2;
      return this.unary(word, this.args[this.pos - 1]);
    }
    this.pos++;
    return word.length > 0;
  }

  unary(op: string, operand: string): bool {
    if (op == "-z") return operand.length == 0;
    if (op == "-n") return operand.length > 0;
    if (op == "-t") return isTerminal(u32(this.number(operand)));
    const info = stat(operand);
    if (info === null) return false;
    if (op == "-f") return info.filetype == filetype.REGULAR_FILE;
    if (op == "-d") return info.filetype == filetype.DIRECTORY;
    if (op == "-s") return info.size > 0;
    if (op == "-L" || op == "-h") return info.filetype == filetype.SYMBOLIC_LINK;
    if (op == "-c") return info.filetype == filetype.CHARACTER_DEVICE;
    if (op == "-b" || op == "-p" || op == "-S") return false;
    if (op == "-x") {
      const abs = absolutePath(operand);
      return info.filetype == filetype.DIRECTORY || abs.startsWith("/bin/") || abs.startsWith("/usr/") || abs.startsWith("/sbin/") || abs.endsWith(".sh");
    }
    return true;
  }

  binary(left: string, op: string, right: string): bool {
    if (op == "=" || op == "==") return left == right;
    if (op == "!=") return left != right;
    if (op == "<") return left < right;
    if (op == ">") return left > right;
    if (op == "-nt" || op == "-ot" || op == "-ef") {
      const a = stat(left);
      const b = stat(right);
      if (a === null || b === null) return false;
      if (op == "-ef") return absolutePath(left) == absolutePath(right);
      return op == "-nt" ? a.mtimeNs > b.mtimeNs : a.mtimeNs < b.mtimeNs;
    }
    const x = this.number(left);
    const y = this.number(right);
    if (op == "-eq") return x == y;
    if (op == "-ne") return x != y;
    if (op == "-lt") return x < y;
    if (op == "-le") return x <= y;
    if (op == "-gt") return x > y;
    return x >= y;
  }
}

/** Evaluates a test expression: 0 true, 1 false, 2 on a syntax error (reported). */
export function evaluateTest(ctx: Context, args: string[]): i32 {
  if (args.length == 0) return 1;
  const evaluator = new Evaluator(args);
  let value: bool;
  if (args.length == 1) value = args[0].length > 0;
  else if (args.length == 2 && args[0] == "!") value = args[1].length == 0;
  else if (args.length == 2 && isUnary(args[0])) value = evaluator.unary(args[0], args[1]);
  else if (args.length == 3 && isBinary(args[1])) value = evaluator.binary(args[0], args[1], args[2]);
  else {
    value = evaluator.orExpr();
    if (evaluator.error === null && evaluator.more()) evaluator.fail(args[evaluator.pos] + ": unknown operand");
  }
  if (evaluator.error !== null) {
    ctx.error(<string>evaluator.error);
    return 2;
  }
  return value ? 0 : 1;
}

export function test(ctx: Context): i32 {
  return evaluateTest(ctx, ctx.args.slice(1));
}

export function bracket(ctx: Context): i32 {
  if (ctx.args[ctx.args.length - 1] != "]") {
    ctx.error("missing ]");
    return 2;
  }
  return evaluateTest(ctx, ctx.args.slice(1, ctx.args.length - 1));
}

/** `[[ EXPR ]]`: busybox's bash-compatible spelling of test (no `&&`/`||` inside). */
export function doubleBracket(ctx: Context): i32 {
  if (ctx.args[ctx.args.length - 1] != "]]") {
    ctx.error("missing ]]");
    return 2;
  }
  return evaluateTest(ctx, ctx.args.slice(1, ctx.args.length - 1));
}
