// Shell patterns: fnmatch for `case` and `${x#pattern}`, and pathname expansion for words
// like `*.log`. A backslash makes the next character literal (expansion escapes quoted text).

import { exists, isDirectory, listDirectory } from "../lib/fs";

function classMatches(pattern: string, start: i32, c: i32): i32 {
  let i = start;
  let negate = false;
  if (i < pattern.length && (pattern.charAt(i) == "!" || pattern.charAt(i) == "^")) {
    negate = true;
    i++;
  }
  let matched = false;
  let first = true;
  while (i < pattern.length && (first || pattern.charAt(i) != "]")) {
    first = false;
    let lo = pattern.charCodeAt(i);
    if (lo == 92 && i + 1 < pattern.length) lo = pattern.charCodeAt(++i);
    if (i + 2 < pattern.length && pattern.charAt(i + 1) == "-" && pattern.charAt(i + 2) != "]") {
      const hi = pattern.charCodeAt(i + 2);
      if (c >= lo && c <= hi) matched = true;
      i += 3;
    } else {
      if (c == lo) matched = true;
      i++;
    }
  }
  if (i >= pattern.length) return -1;
  return matched != negate ? i + 1 : -2;
}

/** Whether `text` matches the whole of `pattern`. */
export function fnmatch(pattern: string, text: string): bool {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    if (p < pattern.length) {
      const c = pattern.charAt(p);
      if (c == "*") {
        starP = ++p;
        starT = t;
        continue;
      }
      if (c == "?") {
        p++;
        t++;
        continue;
      }
      if (c == "[") {
        const next = classMatches(pattern, p + 1, text.charCodeAt(t));
        if (next >= 0) {
          p = next;
          t++;
          continue;
        }
        if (next == -1 && text.charAt(t) == "[") {
          p++;
          t++;
          continue;
        }
      } else {
        let literal = c;
        let width = 1;
        if (c == "\\" && p + 1 < pattern.length) {
          literal = pattern.charAt(p + 1);
          width = 2;
        }
        if (literal == text.charAt(t)) {
          p += width;
          t++;
          continue;
        }
      }
    }
    if (starP < 0) return false;
    p = starP;
    t = ++starT;
  }
  while (p < pattern.length && pattern.charAt(p) == "*") p++;
  return p == pattern.length;
}

/** Whether `pattern` has an unescaped `*`, `?` or `[`. */
export function hasGlob(pattern: string): bool {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c == "\\") i++;
    else if (c == "*" || c == "?" || c == "[") return true;
  }
  return false;
}

/** The pattern with its escapes removed: the literal text it stands for. */
export function unescapePattern(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c == "\\" && i + 1 < pattern.length) out += pattern.charAt(++i);
    else out += c;
  }
  return out;
}

/** The paths matching a pattern like `/var/log/*.log`, sorted; empty when none match. */
export function expandPathname(pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const parts = pattern.split("/");
  let paths: string[] = [absolute ? "" : "."];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.length == 0) continue;
    const last = i == parts.length - 1;
    const next = new Array<string>();
    for (let k = 0; k < paths.length; k++) {
      const base = paths[k];
      const dir = base.length == 0 ? "/" : base;
      const join = base == "." && !absolute ? "" : base + "/";
      if (!hasGlob(part)) {
        const path = join + unescapePattern(part);
        if (!last || exists(path)) next.push(path);
        continue;
      }
      const entries = listDirectory(dir);
      if (entries === null) continue;
      for (let e = 0; e < entries.length; e++) {
        const name = entries[e].name;
        if (name.startsWith(".") && !part.startsWith(".")) continue;
        if (!fnmatch(part, name)) continue;
        const path = join + name;
        if (last || isDirectory(path)) next.push(path);
      }
    }
    paths = next;
  }
  const out = new Array<string>();
  for (let i = 0; i < paths.length; i++) if (paths[i] != "." && paths[i] != "") out.push(paths[i]);
  out.sort((a: string, b: string): i32 => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}
