// Reading an applet's input operand: a file, or stdin for `-`; failures reported as busybox does.

import { ByteBuffer } from "../lib/bytes";
import { readFileBytes } from "../lib/fs";
import { lastErrno } from "../lib/io";
import { errnoMessage } from "../lib/wasi";
import { Context } from "./context";

/**
 * The whole of `name` (stdin for `-`), or null after reporting the failure on stderr, as
 * `can't open 'NAME': ERROR` (open_or_warn) or, with `bare`, `NAME: ERROR` (fopen_or_warn).
 */
export function readInput(ctx: Context, name: string, bare: bool = false): ByteBuffer | null {
  if (name == "-") {
    const data = ctx.stdin.readAll();
    return data === null ? new ByteBuffer() : data;
  }
  const data = readFileBytes(name);
  if (data === null) ctx.error((bare ? name : "can't open '" + name + "'") + ": " + errnoMessage(lastErrno));
  return data;
}

/** The lines of a text; a last line without newline still counts. */
export function linesOf(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] == "") lines.pop();
  return lines;
}
