// Applets that only produce output: echo, yes, true, false.

import { Context } from "../context";
import { unescape } from "../escapes";

function isEchoOption(arg: string): bool {
  if (arg.length < 2 || arg.charAt(0) != "-") return false;
  for (let i = 1; i < arg.length; i++) {
    const c = arg.charAt(i);
    if (c != "n" && c != "e" && c != "E") return false;
  }
  return true;
}

export function echo(ctx: Context): i32 {
  let newline = true;
  let escapes = false;
  let i = 1;
  while (i < ctx.args.length && isEchoOption(ctx.args[i])) {
    const arg = ctx.args[i];
    for (let j = 1; j < arg.length; j++) {
      const c = arg.charAt(j);
      if (c == "n") newline = false;
      else if (c == "e") escapes = true;
      else escapes = false;
    }
    i++;
  }
  let text = ctx.args.slice(i).join(" ");
  if (escapes) {
    const result = unescape(text, true);
    text = result.text;
    if (result.stop) newline = false;
  }
  ctx.out(newline ? text + "\n" : text);
  return ctx.stdout.failed ? 1 : 0;
}

export function yes(ctx: Context): i32 {
  const line = (ctx.args.length > 1 ? ctx.args.slice(1).join(" ") : "y") + "\n";
  const block = line.repeat(max(1, 4096 / line.length));
  while (!ctx.stdout.failed) ctx.out(block);
  return 1;
}

export function trueApplet(_ctx: Context): i32 {
  return 0;
}

export function falseApplet(_ctx: Context): i32 {
  return 1;
}
