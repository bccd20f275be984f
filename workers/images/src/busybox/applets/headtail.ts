// head and tail, including `tail -f`/`-F`, which follows a growing file by polling it once a
// second (the way busybox does), so a sidecar can stream another container's log file.

import { isInteger, parseInteger } from "../../lib/text";
import { close, open, OpenMode, seek, stat } from "../../lib/fs";
import { ByteBuffer } from "../../lib/bytes";
import { lastErrno, readSome } from "../../lib/io";
import { sleepMs } from "../../lib/time";
import { errno, errnoMessage, whence } from "../../lib/wasi";
import { Context, interruptedStatus, signalArrived } from "../context";
import { readInput, linesOf } from "../input";

class Count {
  value: i64 = 10;
  bytes: bool = false;
  /** `+N`: from the Nth line on (tail), or `-N`: all but the last N (head). */
  relative: bool = false;
  follow: bool = false;
  retry: bool = false;
  quiet: bool = false;
  files: string[] = [];
  bad: bool = false;
}

/** The value of -n/-c: `N`, `+N` (tail: from line N on) or `-N` (head: all but the last N). */
function parseValue(ctx: Context, count: Count, text: string, head: bool): bool {
  let value = text;
  if (value.startsWith("+") && !head) {
    count.relative = true;
    value = value.substring(1);
  } else if (value.startsWith("-")) {
    count.relative = head;
    value = value.substring(1);
  }
  if (!isInteger(value)) {
    ctx.error("invalid number '" + value + "'");
    return false;
  }
  count.value = parseInteger(value);
  return true;
}

/** Options as getopt reads them, clusters included (`-fn 5`, `-n+1`, `-qc10`). */
function parseCount(ctx: Context, head: bool): Count {
  const count = new Count();
  let i = 1;
  for (; i < ctx.args.length; i++) {
    const arg = ctx.args[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (arg.length < 2 || !arg.startsWith("-")) {
      count.files.push(arg);
      continue;
    }
    if (isInteger(arg.substring(1))) {
      count.value = parseInteger(arg.substring(1));
      continue;
    }
    for (let k = 1; k < arg.length; k++) {
      const letter = arg.charAt(k);
      if (letter == "n" || letter == "c") {
        if (k + 1 == arg.length && i + 1 >= ctx.args.length) {
          ctx.error("option requires an argument: " + letter);
          count.bad = true;
          return count;
        }
        count.bytes = letter == "c";
        const value = k + 1 < arg.length ? arg.substring(k + 1) : ctx.args[++i];
        if (!parseValue(ctx, count, value, head)) {
          count.bad = true;
          return count;
        }
        break;
      }
      if (letter == "q") count.quiet = true;
      else if (!head && letter == "f") count.follow = true;
      else if (!head && letter == "F") {
        count.follow = true;
        count.retry = true;
      } else {
        ctx.error("unrecognized option: " + letter);
        count.bad = true;
        return count;
      }
    }
  }
  for (; i < ctx.args.length; i++) count.files.push(ctx.args[i]);
  if (count.files.length == 0) count.files.push("-");
  return count;
}

/** lines[from..to) with their newlines; the text's last line keeps its lack of one. */
function joinLines(lines: string[], from: i32, to: i32, endsWithNewline: bool): string {
  if (to <= from) return "";
  const text = lines.slice(from, to).join("\n");
  return to < lines.length || endsWithNewline ? text + "\n" : text;
}

function selectHead(text: string, count: Count): string {
  if (count.bytes) {
    const bytes = String.UTF8.encode(text);
    const n = count.relative ? max<i64>(0, bytes.byteLength - count.value) : min<i64>(bytes.byteLength, count.value);
    return String.UTF8.decode(bytes.slice(0, i32(n)));
  }
  const lines = linesOf(text);
  const n = count.relative ? max<i64>(0, lines.length - count.value) : min<i64>(lines.length, count.value);
  return joinLines(lines, 0, i32(n), text.endsWith("\n"));
}

function selectTail(text: string, count: Count): string {
  if (count.bytes) {
    const bytes = String.UTF8.encode(text);
    const start = count.relative ? min<i64>(bytes.byteLength, max<i64>(0, count.value - 1)) : max<i64>(0, bytes.byteLength - count.value);
    return String.UTF8.decode(bytes.slice(i32(start)));
  }
  const lines = linesOf(text);
  const start = count.relative ? min<i64>(lines.length, max<i64>(0, count.value - 1)) : max<i64>(0, lines.length - count.value);
  return joinLines(lines, i32(start), lines.length, text.endsWith("\n"));
}

function headOrTail(ctx: Context, head: bool): i32 {
  const count = parseCount(ctx, head);
  if (count.bad) return 1;
  let status = 0;
  const headers = count.files.length > 1 && !count.quiet;
  const sizes = new Array<i64>();
  for (let i = 0; i < count.files.length; i++) {
    const name = count.files[i];
    if (headers) ctx.out((i > 0 ? "\n" : "") + "==> " + (name == "-" ? "standard input" : name) + " <==\n");
    let data: ByteBuffer | null = null;
    if (name != "-" && count.retry && stat(name) === null) ctx.error("can't open '" + name + "': " + errnoMessage(lastErrno));
    else data = readInput(ctx, name, head);
    if (data === null) {
      status = 1;
      sizes.push(-1);
      continue;
    }
    sizes.push(i64(data.length));
    const text = data.toString();
    ctx.out(head ? selectHead(text, count) : selectTail(text, count));
  }
  if (head || !count.follow) return status;
  return follow(ctx, count, sizes, headers);
}

/** Appends what was added to `name` past `offset`; returns the new size (-1 when missing). */
function printGrowth(ctx: Context, name: string, offset: i64): i64 {
  const info = stat(name);
  if (info === null) return -1;
  if (info.size == offset) return offset;
  let from = offset;
  if (info.size < offset) {
    ctx.error(name + ": file truncated");
    from = 0;
  }
  const fd = open(name, OpenMode.Read);
  if (fd < 0) return offset;
  seek(fd, from, whence.SET);
  const buffer = new ByteBuffer();
  while (readSome(u32(fd), buffer) > 0) {}
  close(fd);
  ctx.stdout.writeBytes(buffer.toBuffer());
  return from + i64(buffer.length);
}

function follow(ctx: Context, count: Count, sizes: i64[], headers: bool): i32 {
  let last = -1;
  while (true) {
    if (sleepMs(1000) == errno.INTR && signalArrived()) return interruptedStatus;
    for (let i = 0; i < count.files.length; i++) {
      const name = count.files[i];
      if (name == "-") continue;
      const before = sizes[i];
      if (before < 0) {
        if (!count.retry || stat(name) === null) continue;
        ctx.error(name + " has appeared; following new file");
      }
      const after = printGrowthWithHeader(ctx, name, before, headers && last != i);
      if (after != before && after >= 0) last = i;
      sizes[i] = after;
    }
  }
}

function printGrowthWithHeader(ctx: Context, name: string, offset: i64, header: bool): i64 {
  if (header) {
    const info = stat(name);
    if (info !== null && info.size != offset) ctx.out("\n==> " + name + " <==\n");
  }
  return printGrowth(ctx, name, offset < 0 ? 0 : offset);
}

export function head(ctx: Context): i32 {
  return headOrTail(ctx, true);
}

export function tail(ctx: Context): i32 {
  return headOrTail(ctx, false);
}
