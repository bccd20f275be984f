// xargs [-0rt] [-n N] [-I STR] [COMMAND [ARG]...]: runs an applet (echo by default) with the
// words read from stdin as extra arguments, quotes and backslashes honoured as busybox does.

import { ByteBuffer } from "../../lib/bytes";
import { isInteger } from "../../lib/text";
import { applets, Context } from "../context";
import { parseOptions } from "../options";
import { BufferSource } from "../streams";

/** The words of stdin: split on blanks and newlines, '...' and "..." quoting, \ escaping. */
function words(ctx: Context, text: string): string[] | null {
  const out = new Array<string>();
  let word = "";
  let inWord = false;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote.length > 0) {
      if (c == quote) quote = "";
      else word += c;
      continue;
    }
    if (c == "'" || c == "\"") {
      quote = c;
      inWord = true;
    } else if (c == "\\" && i + 1 < text.length) {
      word += text.charAt(++i);
      inWord = true;
    } else if (c == " " || c == "\t" || c == "\n") {
      if (inWord) out.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote.length > 0) {
    ctx.error("unmatched " + (quote == "'" ? "single" : "double") + " quote; by default quotes are special to xargs unless you use the -0 option");
    return null;
  }
  if (inWord) out.push(word);
  return out;
}

function execute(ctx: Context, argv: string[], trace: bool): i32 {
  if (trace) ctx.stderr.write(argv.join(" ") + "\n");
  const table = applets();
  if (!table.has(argv[0])) {
    ctx.error(argv[0] + ": No such file or directory");
    return 127;
  }
  const stdin = new BufferSource(new ByteBuffer());
  return table.run(new Context(argv, stdin, ctx.stdout, ctx.stderr, ctx.env));
}

export function xargs(ctx: Context): i32 {
  const opts = parseOptions(ctx, "0rtxn:s:I:");
  if (opts.bad) return 1;
  const perCall = opts.value("n", "0");
  if (!isInteger(perCall) || I32.parseInt(perCall) < 0) {
    ctx.error("invalid number '" + perCall + "'");
    return 1;
  }
  const data = ctx.stdin.readAll();
  const text = data === null ? "" : data.toString();
  const command = opts.operands.length > 0 ? opts.operands : ["echo"];
  const replace = opts.value("I", "");
  let input: string[] | null;
  if (replace.length > 0) input = text.split("\n").filter((line: string): bool => line.length > 0);
  else if (opts.has("0")) input = text.split("\0").filter((word: string): bool => word.length > 0);
  else input = words(ctx, text);
  if (input === null) return 1;
  if (input.length == 0 && (opts.has("r") || replace.length > 0)) return 0;
  const size = replace.length > 0 ? 1 : I32.parseInt(perCall) > 0 ? I32.parseInt(perCall) : max(input.length, 1);
  let status = 0;
  for (let at = 0; at < input.length || at == 0; at += size) {
    const argv = replace.length > 0 ? new Array<string>() : command.concat(input.slice(at, at + size));
    for (let k = 0; replace.length > 0 && k < command.length; k++) argv.push(command[k].replaceAll(replace, input[at]));
    const code = execute(ctx, argv, opts.has("t"));
    if (code == 127) return 127;
    if (code == 255) {
      ctx.error(argv[0] + ": exited with status 255; aborting");
      return 124;
    }
    if (code != 0) status = 123;
  }
  return status;
}
