// Applets about the process and the machine: sleep, env, printenv, hostname, id, whoami,
// uname, ps, which.

import { hostname as hostnameOf, KERNEL_RELEASE } from "../../lib/host";
import { localIp } from "../../lib/net";
import { listProcesses } from "../../lib/processes";
import { isDigit } from "../../lib/text";
import { monotonicNs, NS_PER_SECOND, sleepNs } from "../../lib/time";
import { errno } from "../../lib/wasi";
import { applets, Context, Environment, interruptedStatus, signalArrived } from "../context";
import { parseOptions } from "../options";

/** Seconds in `text` (`5`, `0.5`, `2m`, `1h`, `inf`); -1 when invalid, i64.MAX_VALUE for inf. */
function durationNs(text: string): i64 {
  if (text == "inf" || text == "infinity") return i64.MAX_VALUE;
  let number = text;
  let scale: f64 = 1;
  const last = text.length > 0 ? text.charAt(text.length - 1) : "";
  if (last == "s" || last == "m" || last == "h" || last == "d") {
    number = text.substring(0, text.length - 1);
    scale = last == "m" ? 60 : last == "h" ? 3600 : last == "d" ? 86400 : 1;
  }
  let dots = 0;
  for (let i = 0; i < number.length; i++) {
    const c = number.charCodeAt(i);
    if (c == 46) dots++;
    else if (!isDigit(c)) return -1;
  }
  if (number.length == 0 || dots > 1 || number == ".") return -1;
  return i64(parseFloat(number) * scale * f64(NS_PER_SECOND));
}

export function sleep(ctx: Context): i32 {
  if (ctx.args.length < 2) {
    ctx.stderr.write("Usage: sleep [N]...\n");
    return 1;
  }
  let total: i64 = 0;
  for (let i = 1; i < ctx.args.length; i++) {
    const ns = durationNs(ctx.args[i]);
    if (ns < 0) {
      ctx.error("invalid number '" + ctx.args[i] + "'");
      return 1;
    }
    total = ns == i64.MAX_VALUE || total > i64.MAX_VALUE - ns ? i64.MAX_VALUE : total + ns;
  }
  const deadline = total == i64.MAX_VALUE ? i64.MAX_VALUE : monotonicNs() + total;
  while (true) {
    const left = deadline == i64.MAX_VALUE ? 365 * 86400 * NS_PER_SECOND : deadline - monotonicNs();
    if (left <= 0) return 0;
    if (sleepNs(left) == errno.INTR && signalArrived()) return interruptedStatus;
  }
}

export function env(ctx: Context): i32 {
  let i = 1;
  let clear = false;
  const unset = new Array<string>();
  for (; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    if (arg == "-i" || arg == "-") clear = true;
    else if (arg == "-u" && i + 1 < ctx.args.length) unset.push(ctx.args[++i]);
    else if (arg == "-0") continue;
    else break;
  }
  const assigned = new Array<string>();
  for (; i < ctx.args.length && ctx.args[i].indexOf("=") > 0; i++) assigned.push(ctx.args[i]);
  if (i < ctx.args.length) return runWithEnvironment(ctx, ctx.args.slice(i), assigned, clear, unset);
  const vars = (clear ? new Array<string>() : ctx.env.exportedEntries()).concat(assigned);
  for (let k = 0; k < vars.length; k++) {
    const name = vars[k].substring(0, vars[k].indexOf("="));
    let later = false;
    for (let j = k + 1; j < vars.length; j++) if (vars[j].startsWith(name + "=")) later = true;
    if (!later && !unset.includes(name)) ctx.out(vars[k] + "\n");
  }
  return 0;
}

function runWithEnvironment(ctx: Context, argv: string[], vars: string[], clear: bool, unset: string[]): i32 {
  const environment = clear ? new Environment() : ctx.env.clone();
  for (let k = 0; k < unset.length; k++) environment.unset(unset[k]);
  for (let k = 0; k < vars.length; k++) {
    const eq = vars[k].indexOf("=");
    environment.set(vars[k].substring(0, eq), vars[k].substring(eq + 1));
    environment.exported.add(vars[k].substring(0, eq));
  }
  const table = applets();
  if (!table.has(argv[0])) {
    ctx.error("can't execute '" + argv[0] + "': No such file or directory");
    return 127;
  }
  return table.run(new Context(argv, ctx.stdin, ctx.stdout, ctx.stderr, environment));
}

export function printenv(ctx: Context): i32 {
  if (ctx.args.length == 1) {
    const vars = ctx.env.exportedEntries();
    for (let i = 0; i < vars.length; i++) ctx.out(vars[i] + "\n");
    return 0;
  }
  let status = 0;
  for (let i = 1; i < ctx.args.length; i++) {
    const name = ctx.args[i];
    if (ctx.env.exported.has(name)) ctx.out(ctx.env.getOr(name, "") + "\n");
    else status = 1;
  }
  return status;
}

export function hostname(ctx: Context): i32 {
  const opts = parseOptions(ctx, "sfdiF:");
  if (opts.bad) return 1;
  if (opts.has("i")) {
    const ip = localIp();
    ctx.out((ip.length > 0 ? ip : "127.0.0.1") + "\n");
    return 0;
  }
  const name = hostnameOf();
  ctx.out((opts.has("s") && name.includes(".") ? name.substring(0, name.indexOf(".")) : name) + "\n");
  return 0;
}

export function id(ctx: Context): i32 {
  const opts = parseOptions(ctx, "ugnrG");
  if (opts.bad) return 1;
  if (opts.has("u") || opts.has("g")) ctx.out(opts.has("n") ? "root\n" : "0\n");
  else if (opts.has("G")) ctx.out(opts.has("n") ? "root\n" : "0\n");
  else ctx.out("uid=0(root) gid=0(root) groups=0(root),10(wheel)\n");
  return 0;
}

export function whoami(ctx: Context): i32 {
  ctx.out("root\n");
  return 0;
}

export function uname(ctx: Context): i32 {
  const opts = parseOptions(ctx, "asnrvmpio");
  if (opts.bad) return 1;
  const all = opts.has("a");
  const parts = new Array<string>();
  const none = opts.flags.size == 0;
  if (all || none || opts.has("s")) parts.push("Linux");
  if (all || opts.has("n")) parts.push(hostnameOf());
  if (all || opts.has("r")) parts.push(KERNEL_RELEASE);
  if (all || opts.has("v")) parts.push("#1 SMP PREEMPT_DYNAMIC Thu Jan  1 00:00:00 UTC 2026");
  if (all || opts.has("m")) parts.push("x86_64");
  if (opts.has("p") || opts.has("i")) parts.push("unknown");
  if (all || opts.has("o")) parts.push("GNU/Linux");
  ctx.out(parts.join(" ") + "\n");
  return 0;
}

/** ps: the processes of this container (kubetab keeps no CPU time, so TIME is 0:00). */
export function ps(ctx: Context): i32 {
  ctx.out("PID   USER     TIME  COMMAND\n");
  const processes = listProcesses();
  for (let i = 0; i < processes.length; i++) {
    ctx.out(processes[i].pid.toString().padStart(5) + " root      0:00 " + processes[i].command + "\n");
  }
  return 0;
}

export function which(ctx: Context): i32 {
  let status = 0;
  for (let i = 1; i < ctx.args.length; i++) {
    const name = ctx.args[i];
    if (name.includes("/") || !applets().has(name)) status = 1;
    else ctx.out("/bin/" + name + "\n");
  }
  return status;
}
