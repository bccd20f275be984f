// Command-line flags as Go programs read them (flag and pflag): `-name=value`, `--name=value`,
// `-name value`, and booleans given bare. Also Go's log line prefix.

import { printErr } from "./io";
import { CivilTime, formatLogTime } from "./time";

export class Flags {
  values: Map<string, string> = new Map<string, string>();
  rest: string[] = [];
  /** The first flag that is not declared, or "". */
  unknown: string = "";

  has(name: string): bool {
    return this.values.has(name);
  }

  get(name: string, fallback: string): string {
    return this.values.has(name) ? this.values.get(name) : fallback;
  }

  int(name: string, fallback: i32): i32 {
    return this.values.has(name) ? I32.parseInt(this.values.get(name)) : fallback;
  }

  bool(name: string, fallback: bool): bool {
    if (!this.values.has(name)) return fallback;
    const value = this.values.get(name);
    return value == "" || value == "true" || value == "1";
  }
}

/** Parses `argv` from `start`; `booleans` take no separate value. Stops at the first operand. */
export function parseFlags(argv: string[], start: i32, known: string[], booleans: string[]): Flags {
  const flags = new Flags();
  let i = start;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (!arg.startsWith("-") || arg.length < 2) break;
    const body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
    const eq = body.indexOf("=");
    const name = eq >= 0 ? body.substring(0, eq) : body;
    if (!known.includes(name)) {
      if (flags.unknown.length == 0) flags.unknown = name;
      continue;
    }
    if (eq >= 0) flags.values.set(name, body.substring(eq + 1));
    else if (booleans.includes(name)) flags.values.set(name, "true");
    else if (i + 1 < argv.length) flags.values.set(name, argv[++i]);
    else flags.values.set(name, "");
  }
  for (; i < argv.length; i++) flags.rest.push(argv[i]);
  return flags;
}

/** log.Printf: `2026/01/01 12:00:00 message` on stderr. */
export function goLog(message: string): void {
  printErr(formatLogTime(CivilTime.now()) + " " + message + (message.endsWith("\n") ? "" : "\n"));
}
