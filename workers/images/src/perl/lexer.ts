// Tokens of the Perl this program understands: numbers, quoted strings, scalar variables,
// barewords and operators.

import { isAlpha, isDigit, isSpace } from "../lib/text";

export enum Kind { Number, Single, Double, Variable, Word, Op, End }

export class Token {
  constructor(public kind: Kind, public text: string, public at: i32) {}
}

const OPERATORS: string[] = [
  "<=>", "**=", "||=", "&&=", "//=", "...", "**", "==", "!=", "<=", ">=", "&&", "||", "//", "..", "+=", "-=", "*=", "/=",
  ".=", "x=", "%=", "=>", "->", "++", "--", "=~", "!~", "<<", ">>",
  "+", "-", "*", "/", "%", ".", "=", "<", ">", "!", "~", "(", ")", ",", ";", "?", ":", "{", "}", "[", "]", "@", "&", "|", "^", "\\",
];

/** Splits `code` into tokens; null when a quote is not closed. */
export function tokenize(code: string): Token[] | null {
  const tokens = new Array<Token>();
  let i = 0;
  while (i < code.length) {
    const c = code.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c == 35) {
      while (i < code.length && code.charCodeAt(i) != 10) i++;
      continue;
    }
    const start = i;
    if (isDigit(c) || (c == 46 && i + 1 < code.length && isDigit(code.charCodeAt(i + 1)))) {
      while (i < code.length && (isDigit(code.charCodeAt(i)) || code.charAt(i) == "." || code.charAt(i) == "_")) {
        if (code.charAt(i) == "." && i + 1 < code.length && code.charAt(i + 1) == ".") break;
        i++;
      }
      if (i < code.length && (code.charAt(i) == "e" || code.charAt(i) == "E")) {
        i++;
        if (i < code.length && (code.charAt(i) == "-" || code.charAt(i) == "+")) i++;
        while (i < code.length && isDigit(code.charCodeAt(i))) i++;
      }
      tokens.push(new Token(Kind.Number, code.substring(start, i).replaceAll("_", ""), start));
      continue;
    }
    if (c == 39 || c == 34) {
      i++;
      let text = "";
      while (i < code.length && code.charCodeAt(i) != c) {
        if (code.charAt(i) == "\\" && i + 1 < code.length) {
          const next = code.charAt(i + 1);
          if (c == 39 && next != "'" && next != "\\") text += "\\";
          text += c == 39 ? next : "\\" + next;
          i += 2;
          continue;
        }
        text += code.charAt(i++);
      }
      if (i >= code.length) return null;
      i++;
      tokens.push(new Token(c == 39 ? Kind.Single : Kind.Double, text, start));
      continue;
    }
    if (c == 36 && i + 1 < code.length) {
      i++;
      const nameStart = i;
      if (isDigit(code.charCodeAt(i)) || "_,/\\!@0".includes(code.charAt(i))) i++;
      while (i < code.length && (isAlpha(code.charCodeAt(i)) || isDigit(code.charCodeAt(i)) || code.charAt(i) == "_")) i++;
      tokens.push(new Token(Kind.Variable, code.substring(nameStart, i), start));
      continue;
    }
    if (isAlpha(c) || c == 95) {
      while (i < code.length && (isAlpha(code.charCodeAt(i)) || isDigit(code.charCodeAt(i)) || code.charAt(i) == "_" ||
        (code.charAt(i) == ":" && i + 1 < code.length && code.charAt(i + 1) == ":"))) i += code.charAt(i) == ":" ? 2 : 1;
      tokens.push(new Token(Kind.Word, code.substring(start, i), start));
      continue;
    }
    let matched = "";
    for (let k = 0; k < OPERATORS.length; k++) {
      if (code.startsWith(OPERATORS[k], i)) {
        matched = OPERATORS[k];
        break;
      }
    }
    if (matched.length == 0) matched = code.charAt(i);
    tokens.push(new Token(Kind.Op, matched, start));
    i += matched.length;
  }
  tokens.push(new Token(Kind.End, "", code.length));
  return tokens;
}
