// awk's printf and sprintf: %c %d %i %o %u %x %X %e %E %f %g %G %s %% with flags, width and
// precision (`*` too), arguments converted the awk way (a string's leading number, ...).

import { fixed } from "../printf";
import { Cell, formatE, formatG } from "./values";

class Spec {
  flags: string = "";
  width: i32 = -1;
  precision: i32 = -1;
}

function pad(text: string, spec: Spec, numeric: bool): string {
  if (spec.width <= text.length) return text;
  if (spec.flags.includes("-")) return text.padEnd(spec.width, " ");
  if (numeric && spec.flags.includes("0")) {
    const sign = text.startsWith("-") || text.startsWith("+") || text.startsWith(" ") ? text.charAt(0) : "";
    return sign + text.substring(sign.length).padStart(spec.width - sign.length, "0");
  }
  return text.padStart(spec.width, " ");
}

function signed(text: string, negative: bool, spec: Spec): string {
  if (negative) return "-" + text;
  if (spec.flags.includes("+")) return "+" + text;
  return spec.flags.includes(" ") ? " " + text : text;
}

function convert(conversion: string, value: Cell, spec: Spec): string {
  if (conversion == "s") {
    const text = value.toText();
    return pad(spec.precision >= 0 ? text.substring(0, spec.precision) : text, spec, false);
  }
  if (conversion == "c") {
    const text = value.isNumeric ? String.fromCharCode(i32(value.toNumber())) : value.toText().substring(0, 1);
    return pad(text, spec, false);
  }
  const number = value.toNumber();
  if (conversion == "d" || conversion == "i") {
    const whole = <i64>number;
    let text = (whole < 0 ? -whole : whole).toString();
    if (spec.precision >= 0) text = text.padStart(spec.precision, "0");
    return pad(signed(text, whole < 0, spec), spec, spec.precision < 0);
  }
  if (conversion == "o" || conversion == "u" || conversion == "x" || conversion == "X") {
    const whole = <u64>(<i64>number);
    let text = conversion == "o" ? whole.toString(8) : conversion == "u" ? whole.toString() : whole.toString(16);
    if (conversion == "X") text = text.toUpperCase();
    if (spec.precision >= 0) text = text.padStart(spec.precision, "0");
    return pad(text, spec, spec.precision < 0);
  }
  const precision = spec.precision >= 0 ? spec.precision : 6;
  const magnitude = Math.abs(number);
  let text: string;
  if (conversion == "f" || conversion == "F") text = fixed(magnitude, precision);
  else if (conversion == "e" || conversion == "E") text = formatE(magnitude, precision, conversion == "E");
  else text = formatG(magnitude, precision, conversion == "G", spec.flags.includes("#"));
  return pad(signed(text, number < 0, spec), spec, true);
}

/** Formats `args` by `format`; missing arguments are empty, extra ones ignored. */
export function awkFormat(format: string, args: Cell[]): string {
  let out = "";
  let next = 0;
  let i = 0;
  while (i < format.length) {
    const c = format.charAt(i++);
    if (c != "%") {
      out += c;
      continue;
    }
    if (i < format.length && format.charAt(i) == "%") {
      out += "%";
      i++;
      continue;
    }
    const spec = new Spec();
    while (i < format.length && "-+ 0#".includes(format.charAt(i))) spec.flags += format.charAt(i++);
    if (i < format.length && format.charAt(i) == "*") {
      spec.width = next < args.length ? i32(args[next++].toNumber()) : 0;
      i++;
    } else {
      const start = i;
      while (i < format.length && format.charCodeAt(i) >= 48 && format.charCodeAt(i) <= 57) i++;
      if (i > start) spec.width = I32.parseInt(format.substring(start, i));
    }
    if (i < format.length && format.charAt(i) == ".") {
      i++;
      const start = i;
      while (i < format.length && format.charCodeAt(i) >= 48 && format.charCodeAt(i) <= 57) i++;
      spec.precision = i > start ? I32.parseInt(format.substring(start, i)) : 0;
    }
    while (i < format.length && "hlLqjzt".includes(format.charAt(i))) i++;
    if (i >= format.length) {
      out += "%" + spec.flags;
      break;
    }
    const conversion = format.charAt(i++);
    if (!"cdiouxXeEfFgGs".includes(conversion)) {
      out += "%" + conversion;
      continue;
    }
    out += convert(conversion, next < args.length ? args[next++] : Cell.unset(), spec);
  }
  return out;
}
