// printf FORMAT [ARG]...: the format is reused until the arguments run out, as POSIX says.

import { isDigit } from "../../lib/text";
import { Context } from "../context";
import { unescape } from "../escapes";

class Spec {
  flags: string = "";
  width: i32 = -1;
  precision: i32 = -1;
  conversion: string = "";
}

class Printer {
  index: i32 = 2;
  status: i32 = 0;
  constructor(public ctx: Context) {}

  hasMore(): bool {
    return this.index < this.ctx.args.length;
  }

  next(): string {
    return this.index < this.ctx.args.length ? this.ctx.args[this.index++] : "";
  }

  nextInteger(): i64 {
    const arg = this.next().trim();
    if (arg.length == 0) return 0;
    const first = arg.charCodeAt(0);
    if ((first == 39 || first == 34) && arg.length > 1) return i64(arg.charCodeAt(1));
    let i = 0;
    let negative = false;
    if (first == 45 || first == 43) {
      negative = first == 45;
      i = 1;
    }
    let base: i64 = 10;
    if (arg.length > i + 1 && arg.charAt(i) == "0" && (arg.charAt(i + 1) == "x" || arg.charAt(i + 1) == "X")) {
      base = 16;
      i += 2;
    } else if (arg.length > i + 1 && arg.charAt(i) == "0") base = 8;
    let value: i64 = 0;
    let valid = i < arg.length;
    for (; i < arg.length; i++) {
      const d = digitValue(arg.charCodeAt(i));
      if (d < 0 || d >= base) {
        valid = false;
        break;
      }
      value = value * base + d;
    }
    if (!valid) {
      this.ctx.error("invalid number '" + arg + "'");
      this.status = 1;
    }
    return negative ? -value : value;
  }

  nextFloat(): f64 {
    const arg = this.next().trim();
    if (arg.length == 0) return 0;
    const value = parseFloat(arg);
    if (isNaN(value)) {
      this.ctx.error("invalid number '" + arg + "'");
      this.status = 1;
      return 0;
    }
    return value;
  }
}

function digitValue(c: i32): i64 {
  if (isDigit(c)) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function pad(text: string, spec: Spec, numeric: bool): string {
  if (spec.width <= text.length) return text;
  if (spec.flags.includes("-")) return text.padEnd(spec.width, " ");
  if (numeric && spec.flags.includes("0") && spec.precision < 0) {
    const signed = text.startsWith("-") || text.startsWith("+");
    const sign = signed ? text.charAt(0) : "";
    return sign + text.substring(sign.length).padStart(spec.width - sign.length, "0");
  }
  return text.padStart(spec.width, " ");
}

/** A non-negative value with `digits` decimals, rounded half away from zero. */
export function fixed(value: f64, digits: i32): string {
  const negative = value < 0;
  const scale = Math.pow(10, digits);
  const scaled = Math.floor(Math.abs(value) * scale + 0.5);
  let text = (<u64>scaled).toString();
  if (digits > 0) {
    text = text.padStart(digits + 1, "0");
    text = text.substring(0, text.length - digits) + "." + text.substring(text.length - digits);
  }
  return negative && scaled != 0 ? "-" + text : text;
}

function formatOne(printer: Printer, spec: Spec): string {
  const c = spec.conversion;
  if (c == "s") {
    const text = printer.next();
    return pad(spec.precision >= 0 ? text.substring(0, spec.precision) : text, spec, false);
  }
  if (c == "b") return pad(unescape(printer.next(), true).text, spec, false);
  if (c == "c") return pad(printer.next().substring(0, 1), spec, false);
  if (c == "d" || c == "i") {
    const value = printer.nextInteger();
    let text = value < 0 ? (-value).toString() : value.toString();
    if (spec.precision >= 0) text = text.padStart(spec.precision, "0");
    if (value < 0) text = "-" + text;
    else if (spec.flags.includes("+")) text = "+" + text;
    else if (spec.flags.includes(" ")) text = " " + text;
    return pad(text, spec, true);
  }
  if (c == "u" || c == "x" || c == "X" || c == "o") {
    const value = <u64>printer.nextInteger();
    let text = c == "u" ? value.toString() : c == "o" ? value.toString(8) : value.toString(16);
    if (c == "X") text = text.toUpperCase();
    if (spec.precision >= 0) text = text.padStart(spec.precision, "0");
    if (spec.flags.includes("#") && value != 0) text = (c == "o" ? "0" : c == "x" ? "0x" : c == "X" ? "0X" : "") + text;
    return pad(text, spec, true);
  }
  if (c == "f" || c == "F" || c == "g" || c == "G" || c == "e" || c == "E") {
    const value = printer.nextFloat();
    let text = fixed(value, spec.precision >= 0 ? spec.precision : 6);
    if ((c == "g" || c == "G") && text.includes(".")) {
      while (text.endsWith("0")) text = text.substring(0, text.length - 1);
      if (text.endsWith(".")) text = text.substring(0, text.length - 1);
    }
    if (value >= 0 && spec.flags.includes("+")) text = "+" + text;
    return pad(text, spec, true);
  }
  printer.ctx.error("%" + c + ": invalid format");
  printer.status = 1;
  return "";
}

/** One pass through `format`, consuming the arguments its conversions need. */
function formatPass(printer: Printer, format: string): string {
  let out = "";
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch == "\\") {
      let end = i + 2;
      while (end < format.length && end < i + 4 && isDigit(format.charCodeAt(end))) end++;
      const piece = unescape(format.substring(i, min(end, format.length)), false);
      out += piece.text;
      i = min(end, format.length);
      if (piece.stop) return out;
      continue;
    }
    if (ch != "%") {
      out += ch;
      i++;
      continue;
    }
    if (i + 1 < format.length && format.charAt(i + 1) == "%") {
      out += "%";
      i += 2;
      continue;
    }
    const spec = new Spec();
    i++;
    while (i < format.length && "-+ 0#".includes(format.charAt(i))) spec.flags += format.charAt(i++);
    if (i < format.length && format.charAt(i) == "*") {
      spec.width = i32(printer.nextInteger());
      i++;
    } else {
      let w = "";
      while (i < format.length && isDigit(format.charCodeAt(i))) w += format.charAt(i++);
      if (w.length > 0) spec.width = I32.parseInt(w);
    }
    if (i < format.length && format.charAt(i) == ".") {
      i++;
      let p = "";
      while (i < format.length && isDigit(format.charCodeAt(i))) p += format.charAt(i++);
      spec.precision = p.length > 0 ? I32.parseInt(p) : 0;
    }
    while (i < format.length && "hlLqjzt".includes(format.charAt(i))) i++;
    if (i >= format.length) {
      printer.ctx.error("%" + spec.flags + ": invalid format");
      printer.status = 1;
      return out;
    }
    spec.conversion = format.charAt(i++);
    out += formatOne(printer, spec);
    if (printer.status != 0 && spec.conversion != "d" && spec.conversion != "i") return out;
  }
  return out;
}

export function printf(ctx: Context): i32 {
  if (ctx.args.length < 2) {
    ctx.stderr.write("Usage: printf FORMAT [ARG]...\n");
    return 1;
  }
  const format = ctx.args[1];
  const printer = new Printer(ctx);
  do {
    const before = printer.index;
    ctx.out(formatPass(printer, format));
    if (printer.index == before) break;
  } while (printer.hasMore() && printer.status == 0);
  return printer.status;
}
