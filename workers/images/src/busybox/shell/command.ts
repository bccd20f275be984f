// Runs one simple command: expands its words and assignments, applies its redirections, then
// runs a function, a builtin, an applet (by name or by path like /bin/sleep) or a shell
// script, or reports `not found`.

import { exists, readFile } from "../../lib/fs";
import { basename } from "../../lib/process";
import { applets, Context, Environment } from "../context";
import { SimpleCommand } from "./ast";
import { findBuiltin, isSpecialBuiltin } from "./builtins";
import { Interpreter } from "./interp";
import { applyRedirects, Io } from "./redirect";

/** Applets ash has as builtins: their errors say `sh:`. */
const ASH_BUILTIN_APPLETS: string[] = ["[", "[[", "test", "echo", "printf", "true", "false", "pwd", "kill"];

class Assignment {
  constructor(public name: string, public value: string) {}
}

function expandAssignments(interp: Interpreter, raw: string[]): Assignment[] | null {
  const out = new Array<Assignment>();
  for (let i = 0; i < raw.length; i++) {
    const eq = raw[i].indexOf("=");
    const value = interp.expander.string(raw[i].substring(eq + 1));
    if (interp.expander.error !== null) return null;
    out.push(new Assignment(raw[i].substring(0, eq), value));
  }
  return out;
}

/** Sets shell variables; false (after complaining) when one is read-only. */
export function assign(interp: Interpreter, name: string, value: string): bool {
  if (interp.state.env.readonly.has(name)) {
    interp.complain(name + ": is read only");
    return false;
  }
  interp.state.env.set(name, value);
  return true;
}

function expansionFailed(interp: Interpreter): i32 {
  interp.complain(<string>interp.expander.error);
  interp.expander.error = null;
  if (!interp.state.interactive) interp.state.exiting = true;
  return interp.state.status == 0 ? 1 : interp.state.status;
}

export function runSimple(interp: Interpreter, cmd: SimpleCommand): i32 {
  const expander = interp.expander;
  expander.error = null;
  interp.substitutionStatus = -1;
  const argv = new Array<string>();
  for (let i = 0; i < cmd.words.length; i++) {
    const fields = expander.fields(cmd.words[i]);
    if (expander.error !== null) return expansionFailed(interp);
    for (let k = 0; k < fields.length; k++) argv.push(fields[k]);
  }
  const assignments = expandAssignments(interp, cmd.assignments);
  if (assignments === null) return expansionFailed(interp);
  if (argv.length == 0) return assignOnly(interp, cmd, assignments);
  if (interp.state.xtrace) interp.io.stderr.write("+ " + argv.join(" ") + "\n");
  const io = interp.io.copy();
  const error = applyRedirects(cmd.redirects, io, expander);
  if (error !== null) {
    io.release();
    interp.complain(error);
    return 1;
  }
  const status = dispatch(interp, argv, assignments, io);
  io.release();
  return status;
}

function assignOnly(interp: Interpreter, cmd: SimpleCommand, assignments: Assignment[]): i32 {
  for (let i = 0; i < assignments.length; i++) {
    if (!assign(interp, assignments[i].name, assignments[i].value)) return 1;
  }
  if (cmd.redirects.length > 0) {
    const io = interp.io.copy();
    const error = applyRedirects(cmd.redirects, io, interp.expander);
    io.release();
    if (error !== null) {
      interp.complain(error);
      return 1;
    }
  }
  return interp.substitutionStatus >= 0 ? interp.substitutionStatus : 0;
}

function dispatch(interp: Interpreter, argv: string[], assignments: Assignment[], io: Io): i32 {
  const name = argv[0];
  const state = interp.state;
  if (state.functions.has(name)) return callFunction(interp, argv, assignments, io);
  const builtin = findBuiltin(name);
  if (builtin !== null) {
    const temporary = !isSpecialBuiltin(name) && assignments.length > 0;
    const saved = state.env.clone();
    for (let i = 0; i < assignments.length; i++) assign(interp, assignments[i].name, assignments[i].value);
    const status = builtin(interp, argv, io);
    if (temporary) restoreAssigned(state.env, saved, assignments);
    return status;
  }
  return runProgram(interp, argv, assignments, io);
}

function restoreAssigned(env: Environment, saved: Environment, assignments: Assignment[]): void {
  for (let i = 0; i < assignments.length; i++) {
    const name = assignments[i].name;
    const before = saved.get(name);
    if (before === null) env.unset(name);
    else env.set(name, before);
  }
}

function callFunction(interp: Interpreter, argv: string[], assignments: Assignment[], io: Io): i32 {
  const state = interp.state;
  const body = state.functions.get(argv[0]);
  const savedPositional = state.positional;
  const savedIo = interp.io;
  const savedEnv = state.env.clone();
  for (let i = 0; i < assignments.length; i++) assign(interp, assignments[i].name, assignments[i].value);
  state.positional = argv.slice(1);
  state.functionDepth++;
  state.locals.push(new Map<string, string | null>());
  interp.io = io;
  const status = interp.runNode(body);
  interp.io = savedIo;
  const locals = state.locals.pop();
  const names = locals.keys();
  for (let i = 0; i < names.length; i++) {
    const previous = locals.get(names[i]);
    if (previous === null) state.env.unset(names[i]);
    else state.env.set(names[i], previous);
  }
  if (assignments.length > 0) restoreAssigned(state.env, savedEnv, assignments);
  state.functionDepth--;
  state.positional = savedPositional;
  state.returning = false;
  return status;
}

/** The environment an applet sees: exported variables plus this command's assignments. */
function commandEnvironment(interp: Interpreter, assignments: Assignment[]): Environment {
  const env = new Environment();
  const all = interp.state.env;
  const names = all.values.keys();
  for (let i = 0; i < names.length; i++) {
    if (!all.exported.has(names[i])) continue;
    env.set(names[i], all.values.get(names[i]));
    env.exported.add(names[i]);
  }
  for (let i = 0; i < assignments.length; i++) {
    env.set(assignments[i].name, assignments[i].value);
    env.exported.add(assignments[i].name);
  }
  return env;
}

/** Where `name` is on $PATH, or "" when nowhere. */
function searchPath(interp: Interpreter, name: string): string {
  const dirs = interp.state.env.getOr("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(":");
  for (let i = 0; i < dirs.length; i++) {
    const candidate = (dirs[i].length == 0 ? "." : dirs[i]) + "/" + name;
    if (exists(candidate)) return candidate;
  }
  return "";
}

function runProgram(interp: Interpreter, argv: string[], assignments: Assignment[], io: Io): i32 {
  const name = argv[0];
  const table = applets();
  const applet = name.includes("/") ? basename(name) : name;
  if (table.has(applet) && (!name.includes("/") || !isScript(name))) {
    const args = argv.slice(0);
    args[0] = applet;
    const ctx = new Context(args, io.stdin, io.stdout, io.stderr, commandEnvironment(interp, assignments));
    if (!name.includes("/") && ASH_BUILTIN_APPLETS.includes(applet)) ctx.errorName = "sh";
    return table.run(ctx);
  }
  const path = name.includes("/") ? (exists(name) ? name : "") : searchPath(interp, name);
  if (path.length == 0) {
    io.stderr.write("sh: " + name + ": not found\n");
    return 127;
  }
  if (isScript(path)) {
    const args = ["sh", path].concat(argv.slice(1));
    return table.run(new Context(args, io.stdin, io.stdout, io.stderr, commandEnvironment(interp, assignments)));
  }
  io.stderr.write("sh: " + name + ": cannot run " + path + " from a shell: kubetab's busybox runs only its own applets and shell scripts\n");
  return 126;
}

/** A shell script: a file that starts with `#!` naming sh, ash or bash, or with no `#!` at all. */
function isScript(path: string): bool {
  const text = readFile(path);
  if (text === null) return false;
  if (!text.startsWith("#!")) return !text.startsWith("\0asm");
  const line = text.substring(2, text.indexOf("\n") >= 0 ? text.indexOf("\n") : text.length).trim();
  const interpreter = basename(line.split(" ")[0]);
  if (interpreter == "env") return line.endsWith(" sh") || line.endsWith(" ash") || line.endsWith(" bash");
  return interpreter == "sh" || interpreter == "ash" || interpreter == "bash";
}
