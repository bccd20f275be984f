// Perl scalars: a number or a string, converted the way Perl converts them (numbers print with
// %.15g; strings count as their leading number).

import { isDigit, isSpace } from "../lib/text";

export class Value {
  constructor(public isNumber: bool, public num: f64, public str: string) {}

  static number(n: f64): Value {
    return new Value(true, n, "");
  }

  static text(s: string): Value {
    return new Value(false, 0, s);
  }

  static undef(): Value {
    return new Value(false, 0, "");
  }

  toNumber(): f64 {
    return this.isNumber ? this.num : leadingNumber(this.str);
  }

  toString(): string {
    return this.isNumber ? formatNumber(this.num) : this.str;
  }

  truthy(): bool {
    if (this.isNumber) return this.num != 0;
    return this.str.length > 0 && this.str != "0";
  }
}

/** The number at the start of a string, as Perl reads it (`"3abc"` is 3, `"abc"` is 0). */
export function leadingNumber(text: string): f64 {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const start = i;
  if (i < text.length && (text.charAt(i) == "-" || text.charAt(i) == "+")) i++;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  if (i < text.length && text.charAt(i) == ".") {
    i++;
    while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  }
  if (i < text.length && (text.charAt(i) == "e" || text.charAt(i) == "E")) {
    let k = i + 1;
    if (k < text.length && (text.charAt(k) == "-" || text.charAt(k) == "+")) k++;
    if (k < text.length && isDigit(text.charCodeAt(k))) {
      i = k;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
    }
  }
  const value = parseFloat(text.substring(start, i));
  return isNaN(value) ? 0 : value;
}

/** A number as Perl prints it: printf's %.15g. */
export function formatNumber(n: f64): string {
  if (isNaN(n)) return "NaN";
  if (!isFinite(n)) return n > 0 ? "Inf" : "-Inf";
  if (n == 0) return "0";
  const negative = n < 0;
  const magnitude = Math.abs(n);
  if (magnitude == Math.floor(magnitude) && magnitude < 1e15) return (negative ? "-" : "") + (<u64>magnitude).toString();
  let exponent = i32(Math.floor(Math.log10(magnitude)));
  let mantissa = Math.round(magnitude / Math.pow(10, exponent - 14));
  if (mantissa >= 1e15) {
    mantissa = Math.round(mantissa / 10);
    exponent++;
  }
  let digits = (<u64>mantissa).toString();
  while (digits.length > 1 && digits.endsWith("0")) digits = digits.substring(0, digits.length - 1);
  let out: string;
  if (exponent < -4 || exponent >= 15) {
    out = digits.charAt(0) + (digits.length > 1 ? "." + digits.substring(1) : "") + "e" + (exponent < 0 ? "-" : "+") +
      abs(exponent).toString().padStart(2, "0");
  } else if (exponent < 0) {
    out = "0." + "0".repeat(-exponent - 1) + digits;
  } else if (digits.length <= exponent + 1) {
    out = digits + "0".repeat(exponent + 1 - digits.length);
  } else {
    out = digits.substring(0, exponent + 1) + "." + digits.substring(exponent + 1);
  }
  return (negative ? "-" : "") + out;
}
