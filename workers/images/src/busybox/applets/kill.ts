// kill [-l [SIG]...] [-SIG | -s SIG] PID...: kubetab's ABI cannot signal another process, and
// every process is PID 1 of its own container, so kill reaches the process itself (PID 1, 0 or
// -1, as `$$` is 1): the shell runs the signal's trap, and without one the signal is ignored,
// as Linux ignores unhandled signals sent to PID 1 from inside its namespace. Any other PID is
// a process that does not exist here.

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
  let valid = digits.length > 0 && digits.length < 10;
  for (let i = 0; i < digits.length; i++) valid = valid && digits.charCodeAt(i) >= 48 && digits.charCodeAt(i) <= 57;
  if (!valid) {
    ctx.error("invalid number '" + pid + "'");
    return false;
  }
  const number = I32.parseInt(pid);
  if (number != 1 && number != 0 && number != -1) {
    ctx.error("can't kill pid " + pid + ": No such process");
    return false;
  }
  if (signal != 0) raiseSignal(signal);
  return true;
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
