// Text filters: wc, sort, uniq, cut, tr, tee, seq.

import { isInteger, parseInteger, splitWhitespace } from "../../lib/text";
import { writeFile } from "../../lib/fs";
import { errnoMessage } from "../../lib/wasi";
import { Context } from "../context";
import { linesOf, readInput } from "../input";
import { parseOptions } from "../options";

export function wc(ctx: Context): i32 {
  const opts = parseOptions(ctx, "lwcmL");
  if (opts.bad) return 1;
  let show = new Array<bool>(4);
  const any = opts.has("l") || opts.has("w") || opts.has("c") || opts.has("m") || opts.has("L");
  show[0] = !any || opts.has("l");
  show[1] = !any || opts.has("w");
  show[2] = !any || opts.has("c") || opts.has("m");
  show[3] = opts.has("L");
  let shown = 0;
  for (let i = 0; i < 4; i++) if (show[i]) shown++;
  const files = opts.operands.length > 0 ? opts.operands : ["-"];
  const bare = files.length == 1 && shown == 1;
  const totals: i64[] = [0, 0, 0, 0];
  let status = 0;
  for (let f = 0; f < files.length; f++) {
    const data = readInput(ctx, files[f], true);
    if (data === null) {
      status = 1;
      continue;
    }
    const text = data.toString();
    const counts: i64[] = [0, i64(splitWhitespace(text).length), i64(data.length), 0];
    let lineLength = 0;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) == 10) {
        counts[0]++;
        lineLength = 0;
      } else counts[3] = max(counts[3], i64(++lineLength));
    }
    let line = "";
    for (let i = 0; i < 4; i++) {
      if (!show[i]) continue;
      totals[i] = i == 3 ? max(totals[i], counts[i]) : totals[i] + counts[i];
      const value = counts[i].toString();
      line += bare ? value : (line.length > 0 ? " " : "") + value.padStart(9, " ");
    }
    ctx.out(line + (files[f] == "-" ? "\n" : " " + files[f] + "\n"));
  }
  if (files.length > 1) {
    let line = "";
    for (let i = 0; i < 4; i++) if (show[i]) line += (line.length > 0 ? " " : "") + totals[i].toString().padStart(9, " ");
    ctx.out(line + " total\n");
  }
  return status;
}

function leadingNumber(line: string): f64 {
  const text = line.trimStart();
  let end = 0;
  while (end < text.length && (text.charAt(end) == "-" || text.charAt(end) == "." || (text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57))) end++;
  const value = parseFloat(text.substring(0, end));
  return isNaN(value) ? 0 : value;
}

let sortNumeric = false;
let sortIgnoreCase = false;

function compareLines(a: string, b: string): i32 {
  if (sortNumeric) {
    const x = leadingNumber(a);
    const y = leadingNumber(b);
    if (x != y) return x < y ? -1 : 1;
  }
  const left = sortIgnoreCase ? a.toLowerCase() : a;
  const right = sortIgnoreCase ? b.toLowerCase() : b;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function sort(ctx: Context): i32 {
  const opts = parseOptions(ctx, "nrufbo:k:t:");
  if (opts.bad) return 1;
  const files = opts.operands.length > 0 ? opts.operands : ["-"];
  let lines = new Array<string>();
  for (let f = 0; f < files.length; f++) {
    const data = readInput(ctx, files[f], true);
    if (data === null) return 2;
    lines = lines.concat(linesOf(data.toString()));
  }
  sortNumeric = opts.has("n");
  sortIgnoreCase = opts.has("f");
  lines.sort(compareLines);
  if (opts.has("r")) lines.reverse();
  const kept = new Array<string>();
  for (let i = 0; i < lines.length; i++) {
    if (opts.has("u") && i > 0 && compareLines(lines[i], lines[i - 1]) == 0) continue;
    kept.push(lines[i] + "\n");
  }
  const out = kept.join("");
  if (opts.has("o")) {
    const code = writeFile(opts.value("o", ""), String.UTF8.encode(out));
    if (code != 0) return ctx.fail(opts.value("o", ""), code);
    return 0;
  }
  ctx.out(out);
  return 0;
}

export function uniq(ctx: Context): i32 {
  const opts = parseOptions(ctx, "cdui");
  if (opts.bad) return 1;
  const data = readInput(ctx, opts.operands.length > 0 ? opts.operands[0] : "-", true);
  if (data === null) return 1;
  const lines = linesOf(data.toString());
  let i = 0;
  while (i < lines.length) {
    let j = i + 1;
    const key = opts.has("i") ? lines[i].toLowerCase() : lines[i];
    while (j < lines.length && (opts.has("i") ? lines[j].toLowerCase() : lines[j]) == key) j++;
    const n = j - i;
    if ((!opts.has("d") || n > 1) && (!opts.has("u") || n == 1)) {
      ctx.out((opts.has("c") ? n.toString().padStart(7, " ") + " " : "") + lines[i] + "\n");
    }
    i = j;
  }
  return 0;
}

/** Field or character ranges as `cut -f 1,3-5` reads them; 1-based, inclusive, 0 for open ends. */
function parseRanges(list: string): i32[] | null {
  const out = new Array<i32>();
  const parts = list.split(",");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const dash = part.indexOf("-");
    const lo = dash < 0 ? part : part.substring(0, dash);
    const hi = dash < 0 ? part : part.substring(dash + 1);
    if ((lo.length > 0 && !isInteger(lo)) || (hi.length > 0 && !isInteger(hi)) || (lo.length == 0 && hi.length == 0)) return null;
    out.push(lo.length > 0 ? i32(parseInteger(lo)) : 1);
    out.push(hi.length > 0 ? i32(parseInteger(hi)) : 0);
  }
  return out;
}

function inRanges(n: i32, ranges: i32[]): bool {
  for (let i = 0; i < ranges.length; i += 2) if (n >= ranges[i] && (ranges[i + 1] == 0 || n <= ranges[i + 1])) return true;
  return false;
}

export function cut(ctx: Context): i32 {
  const opts = parseOptions(ctx, "b:c:d:f:s");
  if (opts.bad) return 1;
  const byField = opts.has("f");
  const list = opts.value("f", opts.value("c", opts.value("b", "")));
  const ranges = parseRanges(list);
  if (ranges === null || list.length == 0) {
    ctx.error(list.length == 0 ? "expected a list of bytes, characters, or fields" : "invalid byte or field list");
    return 1;
  }
  const delimiter = opts.value("d", "\t");
  const files = opts.operands.length > 0 ? opts.operands : ["-"];
  for (let f = 0; f < files.length; f++) {
    const data = readInput(ctx, files[f], true);
    if (data === null) continue;
    const lines = linesOf(data.toString());
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (byField) {
        if (!line.includes(delimiter)) {
          if (!opts.has("s")) ctx.out(line + "\n");
          continue;
        }
        const fields = line.split(delimiter);
        const picked = new Array<string>();
        for (let k = 0; k < fields.length; k++) if (inRanges(k + 1, ranges)) picked.push(fields[k]);
        ctx.out(picked.join(delimiter) + "\n");
      } else {
        let out = "";
        for (let k = 0; k < line.length; k++) if (inRanges(k + 1, ranges)) out += line.charAt(k);
        ctx.out(out + "\n");
      }
    }
  }
  return 0;
}

function expandSet(spec: string): string {
  let out = "";
  let i = 0;
  while (i < spec.length) {
    if (spec.startsWith("[:", i)) {
      const end = spec.indexOf(":]", i + 2);
      if (end > 0) {
        const name = spec.substring(i + 2, end);
        if (name == "lower") out += "abcdefghijklmnopqrstuvwxyz";
        else if (name == "upper") out += "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        else if (name == "digit") out += "0123456789";
        else if (name == "space") out += " \t\n\r\v\f";
        else if (name == "alpha") out += "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        else if (name == "alnum") out += "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        i = end + 2;
        continue;
      }
    }
    let c = spec.charCodeAt(i);
    if (c == 92 && i + 1 < spec.length) {
      const e = spec.charAt(i + 1);
      c = e == "n" ? 10 : e == "t" ? 9 : e == "r" ? 13 : e.charCodeAt(0);
      i++;
    }
    if (i + 2 < spec.length && spec.charAt(i + 1) == "-") {
      const hi = spec.charCodeAt(i + 2);
      for (let k = c; k <= hi; k++) out += String.fromCharCode(k);
      i += 3;
      continue;
    }
    out += String.fromCharCode(c);
    i++;
  }
  return out;
}

export function tr(ctx: Context): i32 {
  const opts = parseOptions(ctx, "dsc");
  if (opts.bad) return 1;
  if (opts.operands.length < 1 || (!opts.has("d") && !opts.has("s") && opts.operands.length < 2)) {
    ctx.stderr.write("Usage: tr [-cds] STRING1 [STRING2]\n");
    return 1;
  }
  const from = expandSet(opts.operands[0]);
  const to = opts.operands.length > 1 ? expandSet(opts.operands[1]) : "";
  const data = ctx.stdin.readAll();
  const text = data === null ? "" : data.toString();
  const out = new Array<i32>();
  const squeezeSet = opts.has("d") ? to : to.length > 0 ? to : from;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const at = from.indexOf(String.fromCharCode(c));
    if (opts.has("d") && at >= 0) continue;
    let mapped = c;
    if (!opts.has("d") && at >= 0 && to.length > 0) mapped = to.charCodeAt(min(at, to.length - 1));
    if (opts.has("s") && mapped == previous && squeezeSet.includes(String.fromCharCode(mapped))) continue;
    previous = mapped;
    out.push(mapped);
  }
  ctx.out(String.fromCharCodes(out));
  return 0;
}

export function tee(ctx: Context): i32 {
  const opts = parseOptions(ctx, "ai");
  if (opts.bad) return 1;
  let append = opts.has("a");
  let status = 0;
  while (true) {
    const chunk = ctx.stdin.readChunk();
    if (chunk === null) break;
    ctx.stdout.writeBytes(chunk);
    for (let i = 0; i < opts.operands.length; i++) {
      const code = writeFile(opts.operands[i], chunk, append);
      if (code != 0) {
        ctx.error(opts.operands[i] + ": " + errnoMessage(code));
        status = 1;
      }
    }
    append = true;
  }
  if (!append) for (let i = 0; i < opts.operands.length; i++) writeFile(opts.operands[i], new ArrayBuffer(0));
  return status;
}

export function seq(ctx: Context): i32 {
  const opts = parseOptions(ctx, "ws:");
  const nums = opts.operands;
  if (opts.bad || nums.length < 1 || nums.length > 3) {
    ctx.stderr.write("Usage: seq [-w] [-s SEP] [FIRST [INC]] LAST\n");
    return 1;
  }
  for (let i = 0; i < nums.length; i++) {
    if (!isInteger(nums[i])) {
      ctx.error("invalid number '" + nums[i] + "'");
      return 1;
    }
  }
  const first = nums.length > 1 ? parseInteger(nums[0]) : 1;
  const step = nums.length > 2 ? parseInteger(nums[1]) : 1;
  const last = parseInteger(nums[nums.length - 1]);
  const separator = opts.value("s", "\n");
  const width = opts.has("w") ? max(first.toString().length, last.toString().length) : 0;
  const numbers = new Array<string>();
  for (let n = first; step > 0 ? n <= last : n >= last; n += step) {
    if (step == 0) break;
    numbers.push(n.toString().padStart(width, "0"));
  }
  if (numbers.length > 0) ctx.out(numbers.join(separator) + "\n");
  return 0;
}
