// The pattern operators of parameter expansion: ${x#p} ${x##p} ${x%p} ${x%%p}, ${x/p/r} and
// ${x//p/r}, with shell patterns (fnmatch).

import { fnmatch } from "../glob";

/** Removes the shortest (or longest) prefix or suffix of `value` that matches `pattern`. */
export function trimMatch(value: string, pattern: string, prefix: bool, longest: bool): string {
  if (prefix) {
    for (let n = longest ? value.length : 0; longest ? n >= 0 : n <= value.length; n += longest ? -1 : 1) {
      if (fnmatch(pattern, value.substring(0, n))) return value.substring(n);
    }
  } else {
    for (let n = longest ? 0 : value.length; longest ? n <= value.length : n >= 0; n += longest ? 1 : -1) {
      if (fnmatch(pattern, value.substring(n))) return value.substring(0, n);
    }
  }
  return value;
}

/** Replaces the first (or every) longest match of `pattern` in `value`. */
export function replaceMatches(value: string, pattern: string, replacement: string, all: bool): string {
  let out = "";
  let i = 0;
  while (i <= value.length) {
    let matched = -1;
    for (let end = value.length; end > i; end--) {
      if (fnmatch(pattern, value.substring(i, end))) {
        matched = end;
        break;
      }
    }
    if (matched < 0) {
      if (i < value.length) out += value.charAt(i);
      i++;
      continue;
    }
    out += replacement;
    i = matched;
    if (!all) return out + value.substring(i);
  }
  return out;
}
