// kill [-l [SIG]...] [-SIG | -s SIG] PID...: signals the processes of this container. Its own
// PID (and 0 or -1, which kubetab takes as the process itself) runs the shell's trap for the
// signal; without one, the container's first process ignores it, as Linux ignores unhandled
// signals sent to PID 1 from inside its namespace, and any other process takes the default
// action (it ends). Another process of the container gets the signal (its first process only
// if it handles it); any other PID is a process that does not exist here.

import { ownPid, signalProcess } from "../../lib/processes";
import { isHandled } from "../../lib/signals";
import { isDigits } from "../../lib/text";
import { errno, errnoMessage } from "../../lib/wasi";
import { Context, raiseSignal } from "../context";
import { signalByName, signalName, signalTable } from "../signal-names";

const USAGE = "Usage: kill [-l] [-SIG] PID...\n";

/** `kill -l`: the table, or each name's number and each number's name (exit codes 128+N too). */
function list(ctx: Context, names: string[]): i32 {
  if (names.length == 0) {
    ctx.out(signalTable());
    return 0;
  }
  for (let i = 0; i < names.length; i++) {
    const number = signalByName(names[i]);
    const numeric = names[i].length > 0 && names[i].charCodeAt(0) >= 48 && names[i].charCodeAt(0) <= 57;
    if (numeric) ctx.out(signalName(I32.parseInt(names[i]) & 0x7f) + "\n");
    else if (number >= 0) ctx.out(number.toString() + "\n");
    else {
      ctx.error("unknown signal '" + names[i] + "'");
      return 1;
    }
  }
  return 0;
}

function send(ctx: Context, signal: i32, pid: string): bool {
  if (pid.startsWith("%")) {
    ctx.error("kill: No such job: " + pid);
    return false;
  }
  const digits = pid.startsWith("-") ? pid.substring(1) : pid;
  if (!isDigits(digits) || digits.length >= 10) {
    ctx.error("invalid number '" + pid + "'");
    return false;
  }
  const number = I32.parseInt(pid);
  const self = number == ownPid() || number == 0 || number == -1;
  if (self && (ownPid() == 1 || isHandled(signal) || signal == 0)) {
    if (signal != 0) raiseSignal(signal);
    return true;
  }
  const code = number > 0 || self ? signalProcess(self ? ownPid() : number, signal) : errno.SRCH;
  if (code == 0) return true;
  ctx.error("can't kill pid " + pid + ": " + errnoMessage(code));
  return false;
}

export function kill(ctx: Context): i32 {
  const args = ctx.args;
  let signal = signalByName("TERM");
  let i = 1;
  if (i < args.length && args[i] == "-l") return list(ctx, args.slice(2));
  if (i < args.length && args[i] == "-s" && i + 1 < args.length) {
    signal = signalByName(args[i + 1]);
    if (signal < 0) {
      ctx.error("bad signal name '" + args[i + 1] + "'");
      return 1;
    }
    i += 2;
  } else if (i < args.length && args[i].startsWith("-") && args[i].length > 1 && args[i] != "--") {
    const name = args[i].substring(1);
    signal = signalByName(name);
    if (signal < 0) {
      ctx.error("bad signal name '" + name + "'");
      return 1;
    }
    i++;
  }
  if (i < args.length && args[i] == "--") i++;
  if (i >= args.length) {
    ctx.stderr.write(USAGE);
    return 1;
  }
  let status = 0;
  for (; i < args.length; i++) if (!send(ctx, signal, args[i])) status = 1;
  return status;
}
