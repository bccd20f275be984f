// The `sh` applet: `sh -c COMMAND [NAME [ARG]...]`, `sh SCRIPT [ARG]...`, commands read from
// stdin, and the interactive mode (`/ # ` prompt, continuation lines, Ctrl-C cancelling the
// running command) when stdin is a terminal or -i is given.

import { cwd, readFile } from "../../lib/fs";
import { hostname } from "../../lib/host";
import { isTerminal } from "../../lib/io";
import { basename } from "../../lib/process";
import { handleSignal, SIGINT } from "../../lib/signals";
import { Context, currentSignalHook, processStdin, setInterruptedStatus, setSignalHook } from "../context";
import { CommandList } from "./ast";
import { Interpreter } from "./interp";
import { parse } from "./parser";
import { Io } from "./redirect";
import { ShellState } from "./state";
import { runExitTrap, ShellSignals } from "./traps";

class Invocation {
  command: string | null = null;
  script: string | null = null;
  interactive: bool = false;
  operands: string[] = [];
  bad: bool = false;
}

function parseInvocation(ctx: Context, state: ShellState): Invocation {
  const inv = new Invocation();
  let i = 1;
  for (; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    if (arg == "--" || arg == "-") {
      i++;
      break;
    }
    if (arg.length < 2 || (arg.charAt(0) != "-" && arg.charAt(0) != "+")) break;
    for (let k = 1; k < arg.length; k++) {
      const letter = arg.charAt(k);
      const on = arg.charAt(0) == "-";
      if (letter == "c") inv.command = "";
      else if (letter == "i") inv.interactive = on;
      else if (letter == "e") state.errexit = on;
      else if (letter == "x") state.xtrace = on;
      else if (letter == "u") state.nounset = on;
      else if (letter == "s" || letter == "l" || letter == "m" || letter == "f" || letter == "v") continue;
      else {
        ctx.error("illegal option " + arg.charAt(0) + letter);
        inv.bad = true;
        return inv;
      }
    }
  }
  const rest = ctx.args.slice(i);
  if (inv.command !== null) {
    if (rest.length == 0) {
      ctx.error("-c requires an argument");
      inv.bad = true;
      return inv;
    }
    inv.command = rest[0];
    inv.operands = rest.slice(1);
  } else if (rest.length > 0) {
    inv.script = rest[0];
    inv.operands = rest.slice(1);
  }
  return inv;
}

/** PS1's escapes: \w \W \u \h \$ \n \\. Called as bash, the default is Debian's `root@host:/# `. */
function prompt(state: ShellState): string {
  const ps1 = state.env.getOr("PS1", basename(state.name) == "bash" ? "\\u@\\h:\\w\\$ " : "\\w \\$ ");
  const home = state.env.getOr("HOME", "");
  const dir = cwd();
  let out = "";
  for (let i = 0; i < ps1.length; i++) {
    const c = ps1.charAt(i);
    if (c != "\\" || i + 1 >= ps1.length) {
      out += c;
      continue;
    }
    const k = ps1.charAt(++i);
    if (k == "w") out += home.length > 1 && (dir == home || dir.startsWith(home + "/")) ? "~" + dir.substring(home.length) : dir;
    else if (k == "W") out += dir == "/" ? "/" : basename(dir);
    else if (k == "u") out += "root";
    else if (k == "h") out += hostname().split(".")[0];
    else if (k == "$") out += "#";
    else if (k == "n") out += "\n";
    else if (k == "\\") out += "\\";
    else out += "\\" + k;
  }
  return out;
}

/** Reads commands from stdin one complete command at a time and runs each. */
function readLoop(interp: Interpreter, ctx: Context): void {
  const state = interp.state;
  let pending = "";
  while (!state.exiting) {
    if (state.interactive) ctx.stderr.write(pending.length == 0 ? prompt(state) : state.env.getOr("PS2", "> "));
    const line = ctx.stdin.readLine();
    if (line === null) {
      if (ctx.stdin.interrupted) {
        ctx.stderr.write("\n");
        pending = "";
        interp.state.status = 130;
        continue;
      }
      if (pending.length > 0) interp.runSource(pending);
      break;
    }
    pending += line + "\n";
    const parsed = parse(pending);
    if (parsed.incomplete) continue;
    if (parsed.error !== null) {
      interp.complain("syntax error: " + (<string>parsed.error));
      state.status = 2;
      pending = "";
      if (!state.interactive) break;
      continue;
    }
    pending = "";
    interp.runList(<CommandList>parsed.program);
    if (!state.interactive) continue;
    state.breakLevels = 0;
    state.continueLevels = 0;
    state.returning = false;
  }
}

export function shellMain(ctx: Context): i32 {
  const state = new ShellState(ctx.env);
  const inv = parseInvocation(ctx, state);
  if (inv.bad) return 2;
  state.name = ctx.args[0];
  if (!state.env.values.has("PWD")) state.env.set("PWD", cwd());
  if (!state.env.values.has("IFS")) state.env.set("IFS", " \t\n");
  state.positional = inv.operands;
  const interp = new Interpreter(state, new Io(ctx.stdin, ctx.stdout, ctx.stderr));
  const previousHook = currentSignalHook();
  setSignalHook(new ShellSignals(interp));
  const command = inv.command;
  const script = inv.script;
  if (command !== null) {
    if (inv.operands.length > 0) {
      state.name = inv.operands[0];
      state.positional = inv.operands.slice(1);
    }
    interp.runSource(command);
  } else if (script !== null) {
    state.name = script;
    const text = readFile(script);
    if (text === null) {
      ctx.error("can't open '" + script + "': No such file or directory");
      setSignalHook(previousHook);
      return 2;
    }
    interp.runSource(text);
  } else {
    state.interactive = inv.interactive || (ctx.stdin === processStdin() && isTerminal(0));
    if (state.interactive) handleSignal(SIGINT);
    setInterruptedStatus(130);
    readLoop(interp, ctx);
  }
  runExitTrap(interp);
  setSignalHook(previousHook);
  return state.status;
}
