// awk's values: numbers, strings, and strnums (input that looks numeric compares as a number);
// an uninitialised value is both 0 and "". Numbers print as integers when whole, else as %.6g.

import { fixed } from "../printf";

export enum Kind { Num, Str, StrNum, Unset }

export class Cell {
  constructor(public kind: Kind, public num: f64, public str: string) {}

  static number(value: f64): Cell {
    return new Cell(Kind.Num, value, "");
  }

  static string(value: string): Cell {
    return new Cell(Kind.Str, 0, value);
  }

  static unset(): Cell {
    return new Cell(Kind.Unset, 0, "");
  }

  /** Text from input (fields, -v, split): a number when it looks like one. */
  static input(value: string): Cell {
    return looksNumeric(value) ? new Cell(Kind.StrNum, parseFloat(value.trim()), value) : Cell.string(value);
  }

  get isNumeric(): bool {
    return this.kind == Kind.Num || this.kind == Kind.StrNum || this.kind == Kind.Unset;
  }

  toNumber(): f64 {
    return this.kind == Kind.Str ? leadingNumber(this.str) : this.num;
  }

  toText(): string {
    return this.kind == Kind.Num ? numberText(this.num) : this.str;
  }

  truthy(): bool {
    if (this.kind == Kind.Str) return this.str.length > 0;
    return this.num != 0;
  }
}

function isDigitAt(text: string, i: i32): bool {
  return i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57;
}

/** The length of the number at the start of `text` (after blanks), 0 when there is none. */
function numberPrefix(text: string, start: i32): i32 {
  let i = start;
  if (i < text.length && (text.charAt(i) == "+" || text.charAt(i) == "-")) i++;
  const digitsStart = i;
  while (isDigitAt(text, i)) i++;
  if (i < text.length && text.charAt(i) == ".") i++;
  while (isDigitAt(text, i)) i++;
  if (i == digitsStart || (i == digitsStart + 1 && text.charAt(digitsStart) == ".")) return 0;
  if (i < text.length && (text.charAt(i) == "e" || text.charAt(i) == "E")) {
    let k = i + 1;
    if (k < text.length && (text.charAt(k) == "+" || text.charAt(k) == "-")) k++;
    if (isDigitAt(text, k)) {
      while (isDigitAt(text, k)) k++;
      i = k;
    }
  }
  return i - start;
}

function skipBlanks(text: string): i32 {
  let i = 0;
  while (i < text.length && (text.charAt(i) == " " || text.charAt(i) == "\t" || text.charAt(i) == "\n")) i++;
  return i;
}

/** A string's value as a number: its leading number, or 0. */
export function leadingNumber(text: string): f64 {
  const start = skipBlanks(text);
  const length = numberPrefix(text, start);
  return length == 0 ? 0 : parseFloat(text.substring(start, start + length));
}

/** Whether the whole of `text` (blanks aside) is a number. */
export function looksNumeric(text: string): bool {
  const start = skipBlanks(text);
  const length = numberPrefix(text, start);
  return length > 0 && text.substring(start + length).trim().length == 0;
}

/** %g with `precision` significant digits: fixed or exponent form, trailing zeros dropped. */
export function formatG(value: f64, precision: i32, upper: bool = false, keepZeros: bool = false): string {
  if (value == 0) return "0";
  if (!isFinite(value)) return isNaN(value) ? "nan" : value < 0 ? "-inf" : "inf";
  const digits = precision == 0 ? 1 : precision;
  const scientific = formatE(value, digits - 1, false);
  const tail = scientific.substring(scientific.indexOf("e") + 1);
  const exponent = I32.parseInt(tail.substring(1)) * (tail.charAt(0) == "-" ? -1 : 1);
  let text: string;
  if (exponent < -4 || exponent >= digits) {
    text = formatE(value, digits - 1, upper);
    const at = text.indexOf(upper ? "E" : "e");
    const mantissa = keepZeros ? text.substring(0, at) : stripZeros(text.substring(0, at));
    return mantissa + text.substring(at);
  }
  text = fixed(value, digits - 1 - exponent);
  return keepZeros ? text : stripZeros(text);
}

function stripZeros(text: string): string {
  if (!text.includes(".")) return text;
  let end = text.length;
  while (text.charAt(end - 1) == "0") end--;
  if (text.charAt(end - 1) == ".") end--;
  return text.substring(0, end);
}

/** %e: d.ddde+XX. */
export function formatE(value: f64, decimals: i32, upper: bool): string {
  let exponent = value == 0 ? 0 : i32(Math.floor(Math.log10(Math.abs(value))));
  let mantissa = value / Math.pow(10, exponent);
  let text = fixed(mantissa, decimals);
  if (Math.abs(parseFloat(text)) >= 10) {
    exponent++;
    mantissa = value / Math.pow(10, exponent);
    text = fixed(mantissa, decimals);
  }
  const sign = exponent < 0 ? "-" : "+";
  return text + (upper ? "E" : "e") + sign + abs(exponent).toString().padStart(2, "0");
}

/** How awk prints a number: whole numbers as integers, others with %.6g. */
export function numberText(value: f64): string {
  if (value == Math.floor(value) && Math.abs(value) < 1e16) return (<i64>value).toString();
  return formatG(value, 6);
}
