// What an applet runs with: its arguments, its three streams, the environment it sees, and a
// way to learn that a signal arrived while it was blocked. The shell builds one per command;
// `busybox APPLET` builds one from the process itself.

import { environ } from "../lib/process";
import { errno, Errno, errnoMessage } from "../lib/wasi";
import { FdSink, FdSource, Sink, Source } from "./streams";

/** Shell variables; exported ones form the environment of commands. */
export class Environment {
  values: Map<string, string> = new Map<string, string>();
  exported: Set<string> = new Set<string>();
  readonly: Set<string> = new Set<string>();

  static fromProcess(): Environment {
    const env = new Environment();
    const entries = environ();
    for (let i = 0; i < entries.length; i++) {
      const eq = entries[i].indexOf("=");
      if (eq <= 0) continue;
      const name = entries[i].substring(0, eq);
      env.values.set(name, entries[i].substring(eq + 1));
      env.exported.add(name);
    }
    return env;
  }

  get(name: string): string | null {
    return this.values.has(name) ? this.values.get(name) : null;
  }

  getOr(name: string, fallback: string): string {
    return this.values.has(name) ? this.values.get(name) : fallback;
  }

  set(name: string, value: string): void {
    this.values.set(name, value);
  }

  unset(name: string): void {
    if (this.values.has(name)) this.values.delete(name);
    if (this.exported.has(name)) this.exported.delete(name);
  }

  /** `NAME=value` for every exported variable, in the order they were first set. */
  exportedEntries(): string[] {
    const out = new Array<string>();
    const names = this.values.keys();
    for (let i = 0; i < names.length; i++) {
      if (this.exported.has(names[i])) out.push(names[i] + "=" + this.values.get(names[i]));
    }
    return out;
  }

  clone(): Environment {
    const copy = new Environment();
    const names = this.values.keys();
    for (let i = 0; i < names.length; i++) copy.values.set(names[i], this.values.get(names[i]));
    const exported = this.exported.values();
    for (let i = 0; i < exported.length; i++) copy.exported.add(exported[i]);
    const locked = this.readonly.values();
    for (let i = 0; i < locked.length; i++) copy.readonly.add(locked[i]);
    return copy;
  }
}

/**
 * What happens when a handled signal interrupts a blocked applet: the shell runs the trap and
 * says whether the applet should stop (true) or carry on waiting (false).
 */
export abstract class SignalHook {
  abstract onSignal(): bool;
}

let signalHook: SignalHook | null = null;

export function setSignalHook(hook: SignalHook | null): void {
  signalHook = hook;
}

export function currentSignalHook(): SignalHook | null {
  return signalHook;
}

/** Called by an applet whose blocking call returned EINTR; true means stop now. */
export function signalArrived(): bool {
  const hook = signalHook;
  return hook === null ? true : hook.onSignal();
}

let raised: i32[] = [];

/**
 * A signal this process sends itself (`kill -TERM $$`): the shell runs its trap once the
 * command ends. Without a trap it is ignored, as Linux ignores unhandled signals sent to a
 * namespace's PID 1 from inside it.
 */
export function raiseSignal(signal: i32): void {
  raised.push(signal);
}

/** The signals raised since the last call, oldest first. */
export function takeRaisedSignals(): i32[] {
  const out = raised;
  raised = [];
  return out;
}

/** The exit status of a command stopped by a signal. */
export let interruptedStatus: i32 = 130;

export function setInterruptedStatus(status: i32): void {
  interruptedStatus = status;
}

let sharedStdin: FdSource | null = null;

/** The process's stdin, shared so that bytes one reader buffered are not lost to the next. */
export function processStdin(): FdSource {
  let source = sharedStdin;
  if (source === null) {
    source = new FdSource(0);
    sharedStdin = source;
  }
  return source;
}

export class Context {
  /** argv; args[0] is the applet name as invoked. */
  args: string[];
  stdin: Source;
  stdout: Sink;
  stderr: Sink;
  env: Environment;

  constructor(args: string[], stdin: Source, stdout: Sink, stderr: Sink, env: Environment) {
    this.args = args;
    this.stdin = stdin;
    this.stdout = stdout;
    this.stderr = stderr;
    this.env = env;
  }

  static forProcess(args: string[]): Context {
    return new Context(args, processStdin(), new FdSink(1), new FdSink(2), Environment.fromProcess());
  }

  /** The name errors are reported under: the applet's, or `sh` for those ash runs as builtins. */
  errorName: string = "";

  get name(): string {
    return this.errorName.length > 0 ? this.errorName : this.args[0];
  }

  out(text: string): void {
    this.stdout.write(text);
  }

  /** Prints `name: message` on stderr, the way every applet reports trouble. */
  error(message: string): void {
    this.stderr.write(this.name + ": " + message + "\n");
  }

  /** Reports an errno for `subject` (`cat: x: No such file or directory`) and returns 1. */
  fail(subject: string, code: Errno): i32 {
    this.error(subject + ": " + errnoText(code));
    return 1;
  }

  getenv(name: string, fallback: string = ""): string {
    return this.env.getOr(name, fallback);
  }
}

function errnoText(code: Errno): string {
  return code == errno.SUCCESS ? "Unknown error" : errnoMessage(code);
}

/** An applet: a program of the multi-call binary; returns its exit status. */
export type Applet = (ctx: Context) => i32;

/** The multi-call binary's applets, for those that run others (env, which, the shell). */
export abstract class AppletTable {
  abstract has(name: string): bool;
  /** Runs the applet named by ctx.args[0]; 127 when there is none. */
  abstract run(ctx: Context): i32;
  /** Every applet name, sorted. */
  abstract names(): string[];
}

let appletTable: AppletTable | null = null;

export function setAppletTable(table: AppletTable): void {
  appletTable = table;
}

export function applets(): AppletTable {
  return <AppletTable>appletTable;
}
