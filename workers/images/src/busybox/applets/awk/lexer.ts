// awk's tokens: numbers, strings, /regex/ (where an operand may start), names, keywords,
// builtin function names, operators, and newlines (which end statements).

import { isAlpha, isDigit } from "../../../lib/text";

export enum Tok { Number, String, Regex, Name, Func, Builtin, Keyword, Op, Newline, End }

export class Token {
  constructor(public kind: Tok, public text: string, public num: f64 = 0) {}
}

const KEYWORDS = ["BEGIN", "END", "if", "else", "while", "for", "do", "break", "continue", "next", "exit", "print", "printf", "delete", "in", "getline", "function", "return", "nextfile"];
const BUILTINS = ["length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system"];
const OPERATORS = [
  "+=", "-=", "*=", "/=", "%=", "^=", "==", "<=", ">=", "!=", "++", "--", "&&", "||", "!~", ">>", "**",
  "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%", "^", "!", ">", "<", "|", "?", ":", "~", "$", "=",
];

export class Lexer {
  pos: i32 = 0;
  error: string | null = null;
  tokens: Token[] = [];

  constructor(public src: string) {}

  /** Whether a `/` here starts a regex: after anything that cannot end an operand. */
  regexAllowed(): bool {
    if (this.tokens.length == 0) return true;
    const last = this.tokens[this.tokens.length - 1];
    if (last.kind == Tok.Number || last.kind == Tok.String || last.kind == Tok.Name || last.kind == Tok.Regex || last.kind == Tok.Builtin) return false;
    if (last.kind == Tok.Op) return last.text != ")" && last.text != "]" && last.text != "$" && last.text != "++" && last.text != "--";
    return true;
  }

  string(): string {
    let out = "";
    this.pos++;
    while (this.pos < this.src.length && this.src.charAt(this.pos) != "\"") {
      let c = this.src.charAt(this.pos++);
      if (c == "\n") break;
      if (c == "\\" && this.pos < this.src.length) {
        const e = this.src.charAt(this.pos++);
        c = e == "n" ? "\n" : e == "t" ? "\t" : e == "r" ? "\r" : e == "\\" ? "\\" : e == "\"" ? "\"" : e == "/" ? "/" : e == "a" ? "\x07" : e == "b" ? "\b" : "\\" + e;
      }
      out += c;
    }
    if (this.pos >= this.src.length || this.src.charAt(this.pos) != "\"") this.error = "unterminated string";
    this.pos++;
    return out;
  }

  regex(): string {
    let out = "";
    this.pos++;
    while (this.pos < this.src.length && this.src.charAt(this.pos) != "/") {
      const c = this.src.charAt(this.pos++);
      if (c == "\n") break;
      if (c == "\\" && this.pos < this.src.length && this.src.charAt(this.pos) == "/") {
        out += "/";
        this.pos++;
      } else out += c;
    }
    if (this.pos >= this.src.length || this.src.charAt(this.pos) != "/") this.error = "unterminated regexp";
    this.pos++;
    return out;
  }

  number(): Token {
    const start = this.pos;
    while (this.pos < this.src.length && (isDigit(this.src.charCodeAt(this.pos)) || this.src.charAt(this.pos) == ".")) this.pos++;
    const c = this.pos < this.src.length ? this.src.charAt(this.pos) : "";
    if ((c == "e" || c == "E") && this.pos + 1 < this.src.length) {
      const next = this.src.charAt(this.pos + 1);
      if (isDigit(next.charCodeAt(0)) || ((next == "-" || next == "+") && this.pos + 2 < this.src.length && isDigit(this.src.charCodeAt(this.pos + 2)))) {
        this.pos += 2;
        while (this.pos < this.src.length && isDigit(this.src.charCodeAt(this.pos))) this.pos++;
      }
    }
    const text = this.src.substring(start, this.pos);
    return new Token(Tok.Number, text, parseFloat(text));
  }

  run(): Token[] {
    while (this.error === null && this.pos < this.src.length) {
      const c = this.src.charAt(this.pos);
      const code = this.src.charCodeAt(this.pos);
      if (c == " " || c == "\t" || c == "\r") this.pos++;
      else if (c == "\\" && this.pos + 1 < this.src.length && this.src.charAt(this.pos + 1) == "\n") this.pos += 2;
      else if (c == "#") while (this.pos < this.src.length && this.src.charAt(this.pos) != "\n") this.pos++;
      else if (c == "\n") {
        this.tokens.push(new Token(Tok.Newline, "\n"));
        this.pos++;
      } else if (c == "\"") this.tokens.push(new Token(Tok.String, this.string()));
      else if (c == "/" && this.regexAllowed()) this.tokens.push(new Token(Tok.Regex, this.regex()));
      else if (isDigit(code) || (c == "." && this.pos + 1 < this.src.length && isDigit(this.src.charCodeAt(this.pos + 1)))) this.tokens.push(this.number());
      else if (isAlpha(code) || c == "_") {
        const start = this.pos;
        while (this.pos < this.src.length && (isAlpha(this.src.charCodeAt(this.pos)) || isDigit(this.src.charCodeAt(this.pos)) || this.src.charAt(this.pos) == "_")) this.pos++;
        const word = this.src.substring(start, this.pos);
        const kind = KEYWORDS.includes(word) ? Tok.Keyword : BUILTINS.includes(word) ? Tok.Builtin : this.pos < this.src.length && this.src.charAt(this.pos) == "(" ? Tok.Func : Tok.Name;
        this.tokens.push(new Token(kind, word));
      } else {
        let matched = "";
        for (let i = 0; i < OPERATORS.length && matched.length == 0; i++) if (this.src.startsWith(OPERATORS[i], this.pos)) matched = OPERATORS[i];
        if (matched.length == 0) {
          this.error = "unexpected character '" + c + "'";
          break;
        }
        this.pos += matched.length;
        this.tokens.push(new Token(Tok.Op, matched == "**" ? "^" : matched));
      }
    }
    this.tokens.push(new Token(Tok.End, ""));
    return this.tokens;
  }
}
