// The shell's builtins: the commands that change the shell itself (cd, exit, export, set, trap,
// read, eval, ...). Everything else runs as an applet.

import { chdir, cwd, readFile } from "../../lib/fs";
import { isInteger, isName, parseInteger } from "../../lib/text";
import { errnoMessage } from "../../lib/wasi";
import { applets } from "../context";
import { assign } from "./command";
import { Interpreter } from "./interp";
import { Io } from "./redirect";
import { setTrap, trapNames } from "./traps";

export type Builtin = (interp: Interpreter, argv: string[], io: Io) => i32;

const SPECIAL: string[] = [":", ".", "break", "continue", "eval", "exec", "exit", "export", "readonly", "return", "set", "shift", "trap", "unset", "source", "local"];

export function isSpecialBuiltin(name: string): bool {
  return SPECIAL.includes(name);
}

function quote(value: string): string {
  return "'" + value.replaceAll("'", "'\"'\"'") + "'";
}

function colon(_interp: Interpreter, _argv: string[], _io: Io): i32 {
  return 0;
}

function cd(interp: Interpreter, argv: string[], io: Io): i32 {
  const env = interp.state.env;
  let target = argv.length > 1 ? argv[1] : env.getOr("HOME", "/");
  if (target == "-") {
    target = env.getOr("OLDPWD", cwd());
    io.stdout.write(target + "\n");
  }
  const previous = cwd();
  const code = chdir(target);
  if (code != 0) {
    io.stderr.write("sh: cd: can't cd to " + target + ": " + errnoMessage(code) + "\n");
    return 1;
  }
  env.set("OLDPWD", previous);
  env.set("PWD", cwd());
  return 0;
}

function numberArgument(interp: Interpreter, argv: string[], fallback: i32): i32 {
  if (argv.length < 2) return fallback;
  if (!isInteger(argv[1])) {
    interp.complain(argv[0] + ": Illegal number: " + argv[1]);
    return -1;
  }
  return i32(parseInteger(argv[1]));
}

function exit(interp: Interpreter, argv: string[], _io: Io): i32 {
  const code = numberArgument(interp, argv, interp.state.status);
  interp.state.exiting = true;
  interp.state.status = code < 0 ? 2 : code & 255;
  return interp.state.status;
}

function returnBuiltin(interp: Interpreter, argv: string[], _io: Io): i32 {
  const code = numberArgument(interp, argv, interp.state.status);
  if (interp.state.functionDepth > 0) interp.state.returning = true;
  else interp.state.exiting = true;
  return code < 0 ? 2 : code & 255;
}

function loopControl(interp: Interpreter, argv: string[], _io: Io): i32 {
  const levels = numberArgument(interp, argv, 1);
  if (levels <= 0) return 1;
  if (interp.state.loopDepth == 0) return 0;
  const n = min(levels, interp.state.loopDepth);
  if (argv[0] == "break") interp.state.breakLevels = n;
  else interp.state.continueLevels = n;
  return 0;
}

function exportBuiltin(interp: Interpreter, argv: string[], io: Io): i32 {
  const env = interp.state.env;
  const readonly = argv[0] == "readonly";
  if (argv.length == 1 || argv[1] == "-p") {
    const names = env.values.keys();
    for (let i = 0; i < names.length; i++) {
      if (readonly ? env.readonly.has(names[i]) : env.exported.has(names[i])) io.stdout.write(argv[0] + " " + names[i] + "=" + quote(env.values.get(names[i])) + "\n");
    }
    return 0;
  }
  let status = 0;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] == "-n" || argv[i] == "-p") continue;
    const eq = argv[i].indexOf("=");
    const name = eq < 0 ? argv[i] : argv[i].substring(0, eq);
    if (!isName(name)) {
      interp.complain(argv[0] + ": " + name + ": bad variable name");
      status = 1;
      continue;
    }
    if (eq >= 0 && !assign(interp, name, argv[i].substring(eq + 1))) return 1;
    if (readonly) env.readonly.add(name);
    else env.exported.add(name);
  }
  return status;
}

function unset(interp: Interpreter, argv: string[], _io: Io): i32 {
  let functions = false;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] == "-f") functions = true;
    else if (argv[i] == "-v") functions = false;
    else if (functions) {
      if (interp.state.functions.has(argv[i])) interp.state.functions.delete(argv[i]);
    } else if (interp.state.env.readonly.has(argv[i])) {
      interp.complain("unset: " + argv[i] + ": is read only");
      return 1;
    } else interp.state.env.unset(argv[i]);
  }
  return 0;
}

function setOption(interp: Interpreter, letter: string, on: bool): bool {
  const state = interp.state;
  if (letter == "e") state.errexit = on;
  else if (letter == "x") state.xtrace = on;
  else if (letter == "u") state.nounset = on;
  else if (letter == "f" || letter == "v" || letter == "m" || letter == "C" || letter == "h") return true;
  else return false;
  return true;
}

function set(interp: Interpreter, argv: string[], io: Io): i32 {
  const state = interp.state;
  if (argv.length == 1) {
    const names = state.env.values.keys();
    for (let i = 0; i < names.length; i++) io.stdout.write(names[i] + "=" + quote(state.env.values.get(names[i])) + "\n");
    return 0;
  }
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg == "--") {
      i++;
      state.positional = argv.slice(i);
      return 0;
    }
    if ((arg == "-o" || arg == "+o") && i + 1 < argv.length) {
      const option = argv[++i];
      const on = arg == "-o";
      if (option == "pipefail") state.pipefail = on;
      else if (option == "errexit") state.errexit = on;
      else if (option == "xtrace") state.xtrace = on;
      else if (option == "nounset") state.nounset = on;
      else if (option != "noglob" && option != "vi" && option != "emacs") {
        interp.complain("set: " + option + ": invalid option name");
        return 1;
      }
      continue;
    }
    if (arg.length < 2 || (arg.charAt(0) != "-" && arg.charAt(0) != "+")) break;
    for (let k = 1; k < arg.length; k++) {
      if (!setOption(interp, arg.charAt(k), arg.charAt(0) == "-")) {
        interp.complain("set: illegal option -" + arg.charAt(k));
        return 2;
      }
    }
  }
  if (i < argv.length) state.positional = argv.slice(i);
  return 0;
}

function shift(interp: Interpreter, argv: string[], _io: Io): i32 {
  const n = numberArgument(interp, argv, 1);
  if (n < 0 || n > interp.state.positional.length) return 1;
  interp.state.positional = interp.state.positional.slice(n);
  return 0;
}

function evalBuiltin(interp: Interpreter, argv: string[], io: Io): i32 {
  const saved = interp.io;
  interp.io = io;
  const status = interp.runSource(argv.slice(1).join(" "));
  interp.io = saved;
  return status;
}

function exec(interp: Interpreter, argv: string[], io: Io): i32 {
  if (argv.length == 1) {
    interp.io = io;
    io.opened = [];
    return 0;
  }
  const saved = interp.io;
  interp.io = io;
  const status = interp.runSource(argv.slice(1).map<string>((word: string) => "'" + word.replaceAll("'", "'\\''") + "'").join(" "));
  interp.io = saved;
  interp.state.exiting = true;
  interp.state.status = status;
  return status;
}

function source(interp: Interpreter, argv: string[], io: Io): i32 {
  if (argv.length < 2) {
    interp.complain(".: filename argument required");
    return 2;
  }
  const text = readFile(argv[1]);
  if (text === null) {
    interp.complain(".: can't open '" + argv[1] + "'");
    if (!interp.state.interactive) interp.state.exiting = true;
    return 2;
  }
  const saved = interp.io;
  interp.io = io;
  const status = interp.runSource(text);
  interp.io = saved;
  return status;
}

function read(interp: Interpreter, argv: string[], io: Io): i32 {
  const names = new Array<string>();
  let raw = false;
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] == "-r") raw = true;
    else if (argv[i] == "-p" && i + 1 < argv.length) io.stderr.write(argv[++i]);
    else if (argv[i] == "-t" && i + 1 < argv.length) i++;
    else names.push(argv[i]);
  }
  if (names.length == 0) names.push("REPLY");
  let line = io.stdin.readLine();
  if (line === null) {
    for (let i = 0; i < names.length; i++) assign(interp, names[i], "");
    return 1;
  }
  while (!raw && line.endsWith("\\")) {
    const more = io.stdin.readLine();
    line = line.substring(0, line.length - 1) + (more === null ? "" : more);
    if (more === null) break;
  }
  if (!raw) line = line.replaceAll("\\", "");
  const ifs = interp.state.env.getOr("IFS", " \t\n");
  let rest = line;
  for (let i = 0; i < names.length; i++) {
    let start = 0;
    while (start < rest.length && ifs.includes(rest.charAt(start)) && " \t\n".includes(rest.charAt(start))) start++;
    rest = rest.substring(start);
    if (i == names.length - 1) {
      let end = rest.length;
      while (end > 0 && " \t\n".includes(rest.charAt(end - 1)) && ifs.includes(rest.charAt(end - 1))) end--;
      assign(interp, names[i], rest.substring(0, end));
      break;
    }
    let end = 0;
    while (end < rest.length && !ifs.includes(rest.charAt(end))) end++;
    assign(interp, names[i], rest.substring(0, end));
    rest = end < rest.length ? rest.substring(end + 1) : "";
  }
  return 0;
}

function local(interp: Interpreter, argv: string[], _io: Io): i32 {
  const state = interp.state;
  if (state.locals.length == 0) {
    interp.complain("local: not in a function");
    return 1;
  }
  const frame = state.locals[state.locals.length - 1];
  for (let i = 1; i < argv.length; i++) {
    const eq = argv[i].indexOf("=");
    const name = eq < 0 ? argv[i] : argv[i].substring(0, eq);
    if (!frame.has(name)) frame.set(name, state.env.get(name));
    if (eq >= 0) state.env.set(name, argv[i].substring(eq + 1));
  }
  return 0;
}

function trap(interp: Interpreter, argv: string[], io: Io): i32 {
  if (argv.length == 1) {
    io.stdout.write(trapNames(interp.state));
    return 0;
  }
  let action = argv[1];
  let first = 2;
  if (isInteger(action)) {
    action = "-";
    first = 1;
  }
  let status = 0;
  for (let i = first; i < argv.length; i++) {
    if (!setTrap(interp.state, argv[i], action)) {
      interp.complain("trap: " + argv[i] + ": bad trap");
      status = 1;
    }
  }
  return status;
}

function typeBuiltin(interp: Interpreter, argv: string[], io: Io): i32 {
  let status = 0;
  const brief = argv[0] == "command";
  for (let i = brief ? 2 : 1; i < argv.length; i++) {
    const name = argv[i];
    if (interp.state.functions.has(name)) io.stdout.write(brief ? name + "\n" : name + " is a function\n");
    else if (findBuiltin(name) !== null) io.stdout.write(brief ? name + "\n" : name + " is a shell builtin\n");
    else if (applets().has(name)) io.stdout.write(brief ? "/bin/" + name + "\n" : name + " is /bin/" + name + "\n");
    else {
      if (!brief) io.stdout.write(name + ": not found\n");
      status = 1;
    }
  }
  return status;
}

function command(interp: Interpreter, argv: string[], io: Io): i32 {
  if (argv.length > 1 && (argv[1] == "-v" || argv[1] == "-V")) return typeBuiltin(interp, argv, io);
  if (argv.length == 1) return 0;
  const saved = interp.io;
  interp.io = io;
  const functions = interp.state.functions;
  interp.state.functions = new Map();
  const status = interp.runSource(argv.slice(1).map<string>((word: string) => "'" + word.replaceAll("'", "'\\''") + "'").join(" "));
  interp.state.functions = functions;
  interp.io = saved;
  return status;
}

function wait(_interp: Interpreter, _argv: string[], _io: Io): i32 {
  return 0;
}

function umask(_interp: Interpreter, argv: string[], io: Io): i32 {
  if (argv.length == 1) io.stdout.write("0022\n");
  return 0;
}

function ulimit(_interp: Interpreter, argv: string[], io: Io): i32 {
  if (argv.length <= 2) io.stdout.write("unlimited\n");
  return 0;
}

export function findBuiltin(name: string): Builtin | null {
  if (name == ":") return colon;
  if (name == "cd") return cd;
  if (name == "exit") return exit;
  if (name == "return") return returnBuiltin;
  if (name == "break" || name == "continue") return loopControl;
  if (name == "export" || name == "readonly") return exportBuiltin;
  if (name == "unset") return unset;
  if (name == "set") return set;
  if (name == "shift") return shift;
  if (name == "eval") return evalBuiltin;
  if (name == "exec") return exec;
  if (name == "." || name == "source") return source;
  if (name == "read") return read;
  if (name == "local") return local;
  if (name == "trap") return trap;
  if (name == "type") return typeBuiltin;
  if (name == "command") return command;
  if (name == "wait") return wait;
  if (name == "umask") return umask;
  if (name == "ulimit") return ulimit;
  return null;
}
