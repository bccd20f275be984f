// Word expansion, in POSIX order: tilde, parameters (${...} with its operators), command
// substitution, arithmetic, then field splitting on $IFS and pathname expansion, with quotes
// deciding what is split and globbed. Errors (a bad substitution, an unset variable under
// `set -u`, a division by zero) leave a message in `error`.

import { ownPid } from "../../lib/processes";
import { isDigit } from "../../lib/text";
import { expandPathname, hasGlob } from "../glob";
import { Arithmetic } from "./arith";
import { Lexer } from "./lexer";
import { replaceMatches, trimMatch } from "./pattern-ops";
import { ShellState } from "./state";

/** Runs `$(...)`: the interpreter implements it. */
export abstract class Substitution {
  abstract capture(script: string): string;
}

class Piece {
  constructor(public text: string, public quoted: bool, public split: bool, public breakBefore: bool = false) {}
}

const GLOB_CHARS = "*?[]\\";

function escapeGlob(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (GLOB_CHARS.includes(c)) out += "\\";
    out += c;
  }
  return out;
}

/** Whether the character at `at` (after a `$`) starts an expansion rather than being literal. */
function startsExpansion(raw: string, at: i32): bool {
  if (at >= raw.length) return false;
  const c = raw.charCodeAt(at);
  return c == 40 || c == 123 || isDigit(c) || "?#@*$!-".includes(raw.charAt(at)) || c == 95 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function trimTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) == 10) end--;
  return text.substring(0, end);
}

export class Expander {
  error: string | null = null;

  /** Runs command substitutions; set by the interpreter that owns this expander. */
  runner: Substitution | null = null;

  constructor(public state: ShellState) {}

  private substitute(script: string): string {
    return trimTrailingNewlines((<Substitution>this.runner).capture(script));
  }

  /** The fields of a command word: split, then pathname-expanded. */
  fields(raw: string): string[] {
    const pieces = this.scan(raw, false);
    const ifs = this.state.env.getOr("IFS", " \t\n");
    const out = new Array<string>();
    let text = "";
    let pattern = "";
    let exists = false;
    let glob = false;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (piece.breakBefore && exists) {
        this.emit(out, text, pattern, glob);
        text = "";
        pattern = "";
        exists = false;
        glob = false;
      }
      if (piece.quoted) {
        text += piece.text;
        pattern += escapeGlob(piece.text);
        exists = true;
        continue;
      }
      for (let k = 0; k < piece.text.length; k++) {
        const c = piece.text.charAt(k);
        if (piece.split && ifs.includes(c)) {
          const whitespace = c == " " || c == "\t" || c == "\n";
          if (exists || !whitespace) {
            this.emit(out, text, pattern, glob);
            text = "";
            pattern = "";
            glob = false;
          }
          exists = false;
          continue;
        }
        text += c;
        pattern += c == "\\" ? "\\\\" : c;
        if (c == "*" || c == "?" || c == "[") glob = true;
        exists = true;
      }
    }
    if (exists) this.emit(out, text, pattern, glob);
    return out;
  }

  private emit(out: string[], text: string, pattern: string, glob: bool): void {
    if (glob && hasGlob(pattern)) {
      const matches = expandPathname(pattern);
      if (matches.length > 0) {
        for (let i = 0; i < matches.length; i++) out.push(matches[i]);
        return;
      }
    }
    out.push(text);
  }

  /** One string: assignments, redirection targets, `case` words. */
  string(raw: string): string {
    const pieces = this.scan(raw, false);
    let out = "";
    for (let i = 0; i < pieces.length; i++) out += (pieces[i].breakBefore ? " " : "") + pieces[i].text;
    return out;
  }

  /** A pattern for `case` and `${x#...}`: quoted parts match literally. */
  pattern(raw: string): string {
    const pieces = this.scan(raw, false);
    let out = "";
    for (let i = 0; i < pieces.length; i++) out += pieces[i].quoted ? escapeGlob(pieces[i].text) : pieces[i].text;
    return out;
  }

  /** A here-document body: expansions and `\$`, `` \` ``, `\\`, but quotes are ordinary characters. */
  heredoc(body: string): string {
    const pieces = this.scanText(body, true, true);
    let out = "";
    for (let i = 0; i < pieces.length; i++) out += (pieces[i].breakBefore ? " " : "") + pieces[i].text;
    return out;
  }

  private scan(raw: string, inDouble: bool): Piece[] {
    return this.scanText(raw, inDouble, false);
  }

  private scanText(raw: string, inDouble: bool, heredoc: bool): Piece[] {
    const pieces = new Array<Piece>();
    const lexer = new Lexer(raw);
    let i = 0;
    let literal = "";
    const flush = (pieces: Piece[], literal: string, quoted: bool): void => {
      if (literal.length > 0) pieces.push(new Piece(literal, quoted, false));
    };
    while (i < raw.length && this.error === null) {
      const c = raw.charAt(i);
      if (c == "\\" && i + 1 < raw.length) {
        const next = raw.charAt(i + 1);
        if (next == "\n") {
          i += 2;
          continue;
        }
        if (!inDouble || next == "$" || next == "`" || next == "\\" || (next == "\"" && !heredoc)) {
          flush(pieces, literal, inDouble);
          literal = "";
          pieces.push(new Piece(next, true, false));
          i += 2;
          continue;
        }
        literal += c;
        i++;
        continue;
      }
      if (c == "'" && !inDouble) {
        flush(pieces, literal, false);
        literal = "";
        const close = raw.indexOf("'", i + 1);
        const end = close < 0 ? raw.length : close;
        pieces.push(new Piece(raw.substring(i + 1, end), true, false));
        i = end + 1;
        continue;
      }
      if (c == "\"" && !inDouble) {
        flush(pieces, literal, false);
        literal = "";
        const end = lexer.skipDoubleQuoted(i + 1);
        const close = end < 0 ? raw.length : end - 1;
        const inner = this.scanText(raw.substring(i + 1, close), true, false);
        let sawAt = false;
        for (let k = 0; k < inner.length; k++) pieces.push(inner[k]);
        if (raw.substring(i + 1, close).includes("$@") || raw.substring(i + 1, close).includes("${@}")) sawAt = true;
        if (inner.length == 0 && !sawAt) pieces.push(new Piece("", true, false));
        i = end < 0 ? raw.length : end;
        continue;
      }
      if (c == "`") {
        flush(pieces, literal, inDouble);
        literal = "";
        const end = lexer.skipBackquoted(i + 1);
        const close = end < 0 ? raw.length : end - 1;
        const script = raw.substring(i + 1, close).replaceAll("\\`", "`").replaceAll("\\$", "$").replaceAll("\\\\", "\\");
        pieces.push(new Piece(this.substitute(script), inDouble, !inDouble));
        i = end < 0 ? raw.length : end;
        continue;
      }
      if (c == "~" && i == 0 && !inDouble && (raw.length == 1 || raw.charAt(1) == "/")) {
        pieces.push(new Piece(this.state.env.getOr("HOME", "/root"), true, false));
        i++;
        continue;
      }
      if (c == "$" && startsExpansion(raw, i + 1)) {
        flush(pieces, literal, inDouble);
        literal = "";
        i += this.dollar(raw, i, lexer, inDouble, pieces);
        continue;
      }
      literal += c;
      i++;
    }
    flush(pieces, literal, inDouble);
    return pieces;
  }

  /** Expands the `$` construct at `i` into `pieces`; returns the characters consumed. */
  private dollar(raw: string, i: i32, lexer: Lexer, inDouble: bool, pieces: Piece[]): i32 {
    const next = raw.charAt(i + 1);
    if (next == "(") {
      const end = lexer.skipParens(i + 2);
      const close = end < 0 ? raw.length : end;
      if (raw.charAt(i + 2) == "(" && close - 2 > i + 3 && raw.charAt(close - 2) == ")") {
        const expression = this.string(raw.substring(i + 3, close - 2));
        const arithmetic = new Arithmetic(expression, this.state.env);
        const value = arithmetic.evaluate();
        if (arithmetic.error !== null) this.error = <string>arithmetic.error;
        pieces.push(new Piece(value.toString(), inDouble, !inDouble));
      } else {
        pieces.push(new Piece(this.substitute(raw.substring(i + 2, close - 1)), inDouble, !inDouble));
      }
      return close - i;
    }
    if (next == "{") {
      const end = lexer.skipBraces(i + 2);
      const close = end < 0 ? raw.length : end;
      this.braced(raw.substring(i + 2, close - 1), inDouble, pieces);
      return close - i;
    }
    let name = "";
    if (isDigit(next.charCodeAt(0)) || "?#@*$!-".includes(next)) name = next;
    else {
      let k = i + 1;
      while (k < raw.length) {
        const ch = raw.charCodeAt(k);
        if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch == 95 || (k > i + 1 && isDigit(ch))) k++;
        else break;
      }
      name = raw.substring(i + 1, k);
    }
    this.parameter(name, inDouble, pieces);
    return name.length + 1;
  }

  /** The value of a parameter, or null when unset. */
  lookup(name: string): string | null {
    const state = this.state;
    if (name == "?") return state.status.toString();
    if (name == "#") return state.positional.length.toString();
    if (name == "$") return ownPid().toString();
    if (name == "!") return "";
    if (name == "-") return state.optionLetters();
    if (name == "0") return state.name;
    if (name == "@" || name == "*") {
      const separator = name == "*" ? state.env.getOr("IFS", " \t\n").substring(0, 1) : " ";
      return state.positional.join(separator);
    }
    if (isDigit(name.charCodeAt(0))) {
      const index = I32.parseInt(name);
      return index >= 1 && index <= state.positional.length ? state.positional[index - 1] : null;
    }
    return state.env.get(name);
  }

  private parameter(name: string, inDouble: bool, pieces: Piece[]): void {
    if (name == "@" && inDouble) {
      for (let k = 0; k < this.state.positional.length; k++) pieces.push(new Piece(this.state.positional[k], true, false, k > 0));
      return;
    }
    const value = this.lookup(name);
    if (value === null && this.state.nounset && name != "@" && name != "*") {
      this.error = name + ": parameter not set";
      return;
    }
    pieces.push(new Piece(value === null ? "" : value, inDouble, !inDouble));
  }

  private braced(content: string, inDouble: bool, pieces: Piece[]): void {
    if (content.startsWith("#") && content.length > 1) {
      const value = this.lookup(content.substring(1));
      if (value === null && this.state.nounset) {
        this.error = content.substring(1) + ": parameter not set";
        return;
      }
      pieces.push(new Piece((value === null ? "" : value).length.toString(), inDouble, !inDouble));
      return;
    }
    let k = 0;
    if (k < content.length && (isDigit(content.charCodeAt(0)) || "?#@*$!-".includes(content.charAt(0)))) {
      k = 1;
      if (isDigit(content.charCodeAt(0))) while (k < content.length && isDigit(content.charCodeAt(k))) k++;
    } else {
      while (k < content.length) {
        const ch = content.charCodeAt(k);
        if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch == 95 || (k > 0 && isDigit(ch))) k++;
        else break;
      }
    }
    const name = content.substring(0, k);
    const rest = content.substring(k);
    if (name.length == 0) {
      this.error = "${" + content + "}: bad substitution";
      return;
    }
    if (rest.length == 0) {
      this.parameter(name, inDouble, pieces);
      return;
    }
    const value = this.lookup(name);
    const result = this.operate(name, value, rest, content);
    if (result !== null) pieces.push(new Piece(result, inDouble, !inDouble));
  }

  private operate(name: string, value: string | null, rest: string, content: string): string | null {
    const colon = rest.startsWith(":");
    const op = colon && rest.length > 1 ? rest.charAt(1) : rest.charAt(0);
    const word = rest.substring(colon && "-=+?".includes(op) ? 2 : 1);
    const missing = value === null || (colon && value.length == 0);
    const current = value === null ? "" : value;
    if (op == "-" && (colon || rest.startsWith("-"))) return missing ? this.string(word) : current;
    if (op == "=" && (colon || rest.startsWith("="))) {
      if (!missing) return current;
      const assigned = this.string(word);
      this.state.env.set(name, assigned);
      return assigned;
    }
    if (op == "+" && (colon || rest.startsWith("+"))) return missing ? "" : this.string(word);
    if (op == "?" && (colon || rest.startsWith("?"))) {
      if (missing) this.error = name + ": " + (word.length > 0 ? this.string(word) : "parameter not set");
      return missing ? null : current;
    }
    if (rest.startsWith("#")) {
      const longest = rest.startsWith("##");
      return trimMatch(current, this.pattern(rest.substring(longest ? 2 : 1)), true, longest);
    }
    if (rest.startsWith("%")) {
      const longest = rest.startsWith("%%");
      return trimMatch(current, this.pattern(rest.substring(longest ? 2 : 1)), false, longest);
    }
    if (rest.startsWith("/")) {
      const all = rest.startsWith("//");
      const body = rest.substring(all ? 2 : 1);
      const slash = body.indexOf("/");
      const pattern = this.pattern(slash < 0 ? body : body.substring(0, slash));
      return replaceMatches(current, pattern, slash < 0 ? "" : this.string(body.substring(slash + 1)), all);
    }
    if (colon) return this.substring(current, rest.substring(1));
    this.error = "${" + content + "}: bad substitution";
    return null;
  }

  private substring(value: string, spec: string): string {
    const colon = spec.indexOf(":");
    const offsetText = this.string(colon < 0 ? spec : spec.substring(0, colon));
    const offsetEval = new Arithmetic(offsetText, this.state.env);
    let offset = i32(offsetEval.evaluate());
    if (offset < 0) offset = max(0, value.length + offset);
    let length = value.length - offset;
    if (colon >= 0) {
      const lengthEval = new Arithmetic(this.string(spec.substring(colon + 1)), this.state.env);
      length = i32(lengthEval.evaluate());
      if (length < 0) length = max(0, value.length - offset + length);
    }
    if (offset >= value.length) return "";
    return value.substr(offset, length);
  }
}
