// Small string helpers the programs share: character classes, strict integer parsing,
// whitespace splitting and line splitting.

export function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

export function isSpace(c: i32): bool {
  return c == 32 || c == 9 || c == 10 || c == 13 || c == 11 || c == 12;
}

export function isAlpha(c: i32): bool {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A name as shells and Perl spell variables: a letter or `_`, then letters, digits or `_`. */
export function isName(text: string): bool {
  if (text.length == 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(isAlpha(c) || c == 95 || (i > 0 && isDigit(c)))) return false;
  }
  return true;
}

/** True for a non-empty run of decimal digits, nothing else. */
export function isDigits(text: string): bool {
  if (text.length == 0) return false;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** True for an optionally signed run of decimal digits (what strtol would take whole). */
export function isInteger(text: string): bool {
  let i = 0;
  if (text.length > 0 && (text.charCodeAt(0) == 45 || text.charCodeAt(0) == 43)) i = 1;
  if (i >= text.length) return false;
  for (; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** The value of a string isInteger accepted. */
export function parseInteger(text: string): i64 {
  let i = 0;
  let negative = false;
  if (text.length > 0 && (text.charCodeAt(0) == 45 || text.charCodeAt(0) == 43)) {
    negative = text.charCodeAt(0) == 45;
    i = 1;
  }
  let value: i64 = 0;
  for (; i < text.length; i++) value = value * 10 + i64(text.charCodeAt(i) - 48);
  return negative ? -value : value;
}

/** Splits on runs of blanks, dropping empty fields. */
export function splitWhitespace(text: string): string[] {
  const out = new Array<string>();
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const blank = i == text.length || isSpace(text.charCodeAt(i));
    if (blank && start >= 0) {
      out.push(text.substring(start, i));
      start = -1;
    } else if (!blank && start < 0) start = i;
  }
  return out;
}
