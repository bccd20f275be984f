// Short-option parsing as getopt does it: `-la`, `-n 5`, `-n5`, `--` ends options, and the
// first operand ends them too. A spec lists the letters; a letter followed by `:` takes a value.

import { Context } from "./context";

export class Options {
  flags: Set<string> = new Set<string>();
  values: Map<string, string> = new Map<string, string>();
  operands: string[] = [];
  /** Set when an unknown option or a missing value was found (already reported). */
  bad: bool = false;

  has(flag: string): bool {
    return this.flags.has(flag);
  }

  value(flag: string, fallback: string): string {
    return this.values.has(flag) ? this.values.get(flag) : fallback;
  }
}

/** Parses ctx.args[1..] against `spec`; reports problems the way busybox does. */
export function parseOptions(ctx: Context, spec: string, start: i32 = 1): Options {
  const result = new Options();
  let i = start;
  for (; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (arg.length < 2 || arg.charAt(0) != "-") break;
    for (let j = 1; j < arg.length; j++) {
      const letter = arg.charAt(j);
      const at = spec.indexOf(letter);
      if (at < 0 || letter == ":") {
        ctx.error("unrecognized option: " + letter);
        result.bad = true;
        return result;
      }
      if (at + 1 < spec.length && spec.charAt(at + 1) == ":") {
        let value = arg.substring(j + 1);
        if (value.length == 0) {
          if (i + 1 >= ctx.args.length) {
            ctx.error("option requires an argument: " + letter);
            result.bad = true;
            return result;
          }
          value = ctx.args[++i];
        }
        result.values.set(letter, value);
        result.flags.add(letter);
        break;
      }
      result.flags.add(letter);
    }
  }
  for (; i < ctx.args.length; i++) result.operands.push(ctx.args[i]);
  return result;
}
