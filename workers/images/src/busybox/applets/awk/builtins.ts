// awk's builtin functions: length substr index split sub gsub match sprintf tolower toupper
// int sqrt exp log sin cos atan2 rand srand system (which runs `sh -c` in this busybox).

import { applets, Context } from "../../context";
import { awkFormat } from "./format";
import { Interpreter } from "./interp";
import { N, Node } from "./ast";
import { Cell } from "./values";

let seed: f64 = 0;
let randomState: u64 = 1;

function random(): f64 {
  randomState = randomState * 6364136223846793005 + 1442695040888963407;
  return f64(randomState >> 11) / f64(u64(1) << 53);
}

function argText(awk: Interpreter, node: Node, index: i32): string {
  return awk.eval(node.children[index]).toText();
}

function argNumber(awk: Interpreter, node: Node, index: i32): f64 {
  return awk.eval(node.children[index]).toNumber();
}

function substr(awk: Interpreter, node: Node): Cell {
  const text = argText(awk, node, 0);
  const start = Math.round(argNumber(awk, node, 1));
  const end = node.children.length > 2 ? start + Math.round(argNumber(awk, node, 2)) : f64(text.length + 1);
  const from = i32(Math.max(start, 1));
  const to = i32(Math.min(end, f64(text.length + 1)));
  return Cell.string(to > from ? text.substring(from - 1, to - 1) : "");
}

function split(awk: Interpreter, node: Node): Cell {
  const target = node.children[1];
  if (target.kind != N.Var) return awk.fail("split: second argument is not an array");
  const text = argText(awk, node, 0);
  const separator = node.children.length > 2 ? argText(awk, node, 2) : awk.record.textOf("FS");
  const parts = awk.record.split(text, separator);
  const array = new Map<string, Cell>();
  for (let i = 0; i < parts.length; i++) array.set((i + 1).toString(), Cell.input(parts[i]));
  awk.record.arrays.set(target.text, array);
  return Cell.number(parts.length);
}

/** sub and gsub: & in the replacement is the match, \& a literal &. */
function substitute(awk: Interpreter, node: Node, global: bool): Cell {
  const regex = awk.regexOf(node.children[0]);
  if (regex === null) return Cell.unset();
  const replacement = argText(awk, node, 1);
  const target = node.children.length > 2 ? node.children[2] : Node.of(N.Field, "", [Node.of(N.Num, "0", [])]);
  if (target.kind != N.Var && target.kind != N.Field && target.kind != N.Index) return awk.fail((global ? "gsub" : "sub") + ": third argument is not a variable");
  const text = awk.eval(target).toText();
  let out = "";
  let from = 0;
  let copied = 0;
  let count = 0;
  while (from <= text.length) {
    const found = regex.find(text, from);
    if (found === null) break;
    out += text.substring(copied, found.start);
    for (let i = 0; i < replacement.length; i++) {
      const c = replacement.charAt(i);
      if (c == "\\" && i + 1 < replacement.length && (replacement.charAt(i + 1) == "&" || replacement.charAt(i + 1) == "\\")) out += replacement.charAt(++i);
      else out += c == "&" ? text.substring(found.start, found.end) : c;
    }
    count++;
    if (found.end == found.start) {
      if (found.start < text.length) out += text.charAt(found.start);
      copied = found.start + 1;
      from = found.start + 1;
    } else {
      copied = found.end;
      from = found.end;
    }
    if (!global) break;
  }
  if (count == 0) return Cell.number(0);
  if (copied < text.length) out += text.substring(copied);
  awk.store(target, Cell.string(out));
  return Cell.number(count);
}

function match(awk: Interpreter, node: Node): Cell {
  const text = argText(awk, node, 0);
  const regex = awk.regexOf(node.children[1]);
  if (regex === null) return Cell.unset();
  const found = regex.find(text, 0);
  awk.record.set("RSTART", Cell.number(found === null ? 0 : found.start + 1));
  awk.record.set("RLENGTH", Cell.number(found === null ? -1 : found.end - found.start));
  return Cell.number(found === null ? 0 : found.start + 1);
}

function system(awk: Interpreter, node: Node): Cell {
  const ctx = awk.ctx;
  const command = new Context(["sh", "-c", argText(awk, node, 0)], ctx.stdin, ctx.stdout, ctx.stderr, ctx.env);
  return Cell.number(applets().run(command));
}

function math(name: string, x: f64, y: f64): f64 {
  if (name == "int") return x < 0 ? Math.ceil(x) : Math.floor(x);
  if (name == "sqrt") return Math.sqrt(x);
  if (name == "exp") return Math.exp(x);
  if (name == "log") return Math.log(x);
  if (name == "sin") return Math.sin(x);
  if (name == "cos") return Math.cos(x);
  return Math.atan2(x, y);
}

const ARITY_ONE = ["int", "sqrt", "exp", "log", "sin", "cos", "tolower", "toupper", "system"];

export function callBuiltin(awk: Interpreter, node: Node): Cell {
  const name = node.text;
  const count = node.children.length;
  const expected = ARITY_ONE.includes(name) ? 1 : name == "atan2" || name == "index" || name == "match" ? 2 : -1;
  if ((expected >= 0 && count != expected) || (name == "substr" && (count < 2 || count > 3)) || (name == "split" && (count < 2 || count > 3))
    || ((name == "sub" || name == "gsub") && (count < 2 || count > 3)) || (name == "length" && count > 1) || (name == "sprintf" && count == 0)) {
    return awk.fail("wrong number of arguments to " + name);
  }
  if (name == "length") {
    if (count == 0) return Cell.number(awk.record.text.length);
    const arg = node.children[0];
    if (arg.kind == N.Var && awk.record.isArray(arg.text)) return Cell.number(awk.record.array(arg.text).size);
    return Cell.number(argText(awk, node, 0).length);
  }
  if (name == "substr") return substr(awk, node);
  if (name == "index") return Cell.number(argText(awk, node, 0).indexOf(argText(awk, node, 1)) + 1);
  if (name == "split") return split(awk, node);
  if (name == "sub" || name == "gsub") return substitute(awk, node, name == "gsub");
  if (name == "match") return match(awk, node);
  if (name == "sprintf") {
    const args = new Array<Cell>();
    for (let i = 1; i < count; i++) args.push(awk.eval(node.children[i]));
    return Cell.string(awkFormat(argText(awk, node, 0), args));
  }
  if (name == "tolower") return Cell.string(argText(awk, node, 0).toLowerCase());
  if (name == "toupper") return Cell.string(argText(awk, node, 0).toUpperCase());
  if (name == "system") return system(awk, node);
  if (name == "rand") return Cell.number(random());
  if (name == "srand") {
    const previous = seed;
    seed = count > 0 ? argNumber(awk, node, 0) : 0;
    randomState = u64(seed) + 1;
    return Cell.number(previous);
  }
  return Cell.number(math(name, argNumber(awk, node, 0), count > 1 ? argNumber(awk, node, 1) : 0));
}
