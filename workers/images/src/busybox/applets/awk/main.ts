// awk [-F SEP] [-v VAR=VAL]... [-f FILE | PROGRAM] [FILE | VAR=VAL]...: BEGIN, then each
// input line through the rules (patterns, PAT1,PAT2 ranges, actions), then END.

import { readFile } from "../../../lib/fs";
import { Context } from "../../context";
import { unescape } from "../../escapes";
import { linesOf, readInput } from "../../input";
import { Control, Interpreter } from "./interp";
import { Program, Rule } from "./ast";
import { parseAwk } from "./parser";
import { Cell } from "./values";

const USAGE = "Usage: awk [OPTIONS] [AWK_PROGRAM] [FILE]...\n";

function assignment(awk: Interpreter, text: string): bool {
  const eq = text.indexOf("=");
  if (eq <= 0) return false;
  const name = text.substring(0, eq);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95;
    if (!letter && !(i > 0 && c >= 48 && c <= 57)) return false;
  }
  awk.record.set(name, Cell.input(unescape(text.substring(eq + 1), false).text));
  return true;
}

function matchesRule(awk: Interpreter, rule: Rule): bool {
  const pattern = rule.pattern;
  if (pattern === null) return true;
  const until = rule.until;
  if (until === null) return awk.eval(pattern).truthy();
  if (!rule.inRange) {
    if (!awk.eval(pattern).truthy()) return false;
    rule.inRange = true;
  }
  if (awk.eval(until).truthy()) rule.inRange = false;
  return true;
}

function runRecord(awk: Interpreter, program: Program, line: string): void {
  awk.record.set("NR", Cell.number(awk.record.get("NR").toNumber() + 1));
  awk.record.set("FNR", Cell.number(awk.record.get("FNR").toNumber() + 1));
  awk.record.setRecord(line);
  for (let i = 0; i < program.rules.length && awk.control == Control.None; i++) {
    const rule = program.rules[i];
    if (!matchesRule(awk, rule)) continue;
    const action = rule.action;
    if (action === null) awk.ctx.out(awk.record.text + awk.record.textOf("ORS"));
    else awk.exec(action);
  }
  if (awk.control == Control.Next) awk.control = Control.None;
}

/** Reads the operands (files, or `-` for stdin; VAR=VAL assigns) through the rules. */
function readInputs(awk: Interpreter, program: Program, operands: string[]): bool {
  let files = 0;
  for (let i = 0; i <= operands.length && awk.control == Control.None; i++) {
    if (i < operands.length && assignment(awk, operands[i])) continue;
    if (i == operands.length && files > 0) break;
    const name = i < operands.length ? operands[i] : "-";
    files++;
    const data = readInput(awk.ctx, name);
    if (data === null) return false;
    awk.record.set("FILENAME", Cell.string(name == "-" ? "" : name));
    awk.record.set("FNR", Cell.number(0));
    const lines = linesOf(data.toString());
    for (let k = 0; k < lines.length && awk.control == Control.None; k++) runRecord(awk, program, lines[k]);
  }
  return true;
}

export function awk(ctx: Context): i32 {
  const awk = new Interpreter(ctx);
  let source: string | null = null;
  let i = 1;
  for (; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (arg.length < 2 || !arg.startsWith("-")) break;
    const letter = arg.charAt(1);
    if (letter != "F" && letter != "v" && letter != "f") {
      ctx.error("unrecognized option: " + letter);
      return 1;
    }
    const value = arg.length > 2 ? arg.substring(2) : i + 1 < ctx.args.length ? ctx.args[++i] : null;
    if (value === null) {
      ctx.error("option requires an argument: " + letter);
      return 1;
    }
    if (letter == "F") awk.record.set("FS", Cell.string(value == "t" ? "\t" : unescape(value, false).text));
    else if (letter == "v" && !assignment(awk, value)) {
      ctx.error("invalid assignment '" + value + "'");
      return 1;
    } else if (letter == "f") {
      source = readFile(value);
      if (source === null) {
        ctx.error("can't open '" + value + "': No such file or directory");
        return 1;
      }
    }
  }
  if (source === null) {
    if (i >= ctx.args.length) {
      ctx.stderr.write(USAGE);
      return 1;
    }
    source = ctx.args[i++];
  }
  const program = parseAwk(<string>source);
  if (program.error !== null) {
    ctx.error("cmd. line:1: " + (<string>program.error));
    return 1;
  }
  for (let k = 0; k < program.begin.length && awk.control == Control.None; k++) awk.exec(program.begin[k]);
  if (awk.control == Control.None && (program.rules.length > 0 || program.end.length > 0)) {
    if (!readInputs(awk, program, ctx.args.slice(i))) return 2;
  }
  if (awk.error === null) {
    awk.control = Control.None;
    for (let k = 0; k < program.end.length && awk.control == Control.None; k++) awk.exec(program.end[k]);
  }
  if (awk.error !== null) {
    ctx.error("cmd. line:1: " + (<string>awk.error));
    return 2;
  }
  return awk.status;
}
