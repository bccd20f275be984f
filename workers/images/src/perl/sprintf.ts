// Perl's sprintf for the conversions one-liners use: %s %d %i %u %f %e %g %x %X %o %c %%.

import { isDigit } from "../lib/text";
import { formatNumber, Value } from "./value";

function fixed(value: f64, digits: i32): string {
  const negative = value < 0;
  const scaled = Math.round(Math.abs(value) * Math.pow(10, digits));
  let text = (<u64>scaled).toString();
  if (digits > 0) {
    text = text.padStart(digits + 1, "0");
    text = text.substring(0, text.length - digits) + "." + text.substring(text.length - digits);
  }
  return negative && scaled != 0 ? "-" + text : text;
}

/** values[0] is the format; the rest are its arguments. */
export function sprintf(values: Value[]): string {
  const format = values.length > 0 ? values[0].toString() : "";
  let next = 1;
  let out = "";
  let i = 0;
  while (i < format.length) {
    const c = format.charAt(i);
    if (c != "%" || i + 1 >= format.length) {
      out += c;
      i++;
      continue;
    }
    i++;
    let flags = "";
    while (i < format.length && "-+ 0#".includes(format.charAt(i))) flags += format.charAt(i++);
    let width = "";
    while (i < format.length && isDigit(format.charCodeAt(i))) width += format.charAt(i++);
    let precision = -1;
    if (i < format.length && format.charAt(i) == ".") {
      i++;
      let p = "";
      while (i < format.length && isDigit(format.charCodeAt(i))) p += format.charAt(i++);
      precision = p.length > 0 ? I32.parseInt(p) : 0;
    }
    const conversion = i < format.length ? format.charAt(i++) : "";
    if (conversion == "%") {
      out += "%";
      continue;
    }
    const arg = next < values.length ? values[next++] : Value.undef();
    let text: string;
    if (conversion == "s") text = precision >= 0 ? arg.toString().substring(0, precision) : arg.toString();
    else if (conversion == "d" || conversion == "i" || conversion == "u") text = (<i64>arg.toNumber()).toString();
    else if (conversion == "f" || conversion == "F") text = fixed(arg.toNumber(), precision >= 0 ? precision : 6);
    else if (conversion == "x" || conversion == "X" || conversion == "o") {
      const n = <u64>(<i64>arg.toNumber());
      text = conversion == "o" ? n.toString(8) : n.toString(16);
      if (conversion == "X") text = text.toUpperCase();
    } else if (conversion == "c") text = String.fromCharCode(i32(arg.toNumber()));
    else text = formatNumber(arg.toNumber());
    if (flags.includes("+") && (conversion == "d" || conversion == "f") && !text.startsWith("-")) text = "+" + text;
    const w = width.length > 0 ? I32.parseInt(width) : 0;
    if (text.length < w) {
      if (flags.includes("-")) text = text.padEnd(w, " ");
      else if (flags.includes("0") && conversion != "s") {
        const sign = text.startsWith("-") || text.startsWith("+") ? text.charAt(0) : "";
        text = sign + text.substring(sign.length).padStart(w - sign.length, "0");
      } else text = text.padStart(w, " ");
    }
    out += text;
  }
  return out;
}
