// Splits shell input into tokens: words (kept raw, quotes and all, for expansion later),
// operators, IO numbers (`2>`), newlines, and here-document bodies read after the newline that
// ends their command line. Reports input that stops inside a quote or a here-document as
// incomplete, so an interactive shell can ask for more.

export enum TokenKind { Word, Op, IoNumber, Newline, End }

export class Heredoc {
  delimiter: string = "";
  /** A quoted delimiter turns expansion in the body off. */
  quoted: bool = false;
  stripTabs: bool = false;
  body: string = "";
  complete: bool = false;
}

export class Token {
  heredoc: Heredoc | null = null;
  constructor(public kind: TokenKind, public text: string) {}
}

const OPERATORS: string[] = ["<<-", "&&", "||", ";;", "<<", ">>", "<&", ">&", "<>", ">|", ";", "&", "|", "(", ")", "<", ">"];

export class LexResult {
  tokens: Token[] = [];
  error: string | null = null;
  /** The input ended inside a quote, a substitution or a here-document. */
  incomplete: bool = false;
}

function isOperatorStart(c: i32): bool {
  return c == 59 || c == 38 || c == 124 || c == 40 || c == 41 || c == 60 || c == 62;
}

function isBlank(c: i32): bool {
  return c == 32 || c == 9;
}

/** The text of a here-document delimiter with its quoting removed. */
function unquoteDelimiter(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c == "'" || c == "\"") continue;
    if (c == "\\" && i + 1 < raw.length) {
      out += raw.charAt(++i);
      continue;
    }
    out += c;
  }
  return out;
}

export class Lexer {
  pos: i32 = 0;
  result: LexResult = new LexResult();
  private pending: Heredoc[] = [];
  private expectDelimiter: bool = false;
  private stripNext: bool = false;

  constructor(public src: string) {}

  tokenize(): LexResult {
    while (this.result.error === null && !this.result.incomplete) {
      this.skipBlanks();
      if (this.pos >= this.src.length) break;
      const c = this.src.charCodeAt(this.pos);
      if (c == 35) {
        while (this.pos < this.src.length && this.src.charCodeAt(this.pos) != 10) this.pos++;
        continue;
      }
      if (c == 10) {
        this.pos++;
        this.result.tokens.push(new Token(TokenKind.Newline, "\n"));
        this.readHeredocs();
        continue;
      }
      if (isOperatorStart(c)) {
        this.readOperator();
        continue;
      }
      this.readWord();
    }
    if (this.pending.length > 0) this.result.incomplete = true;
    this.result.tokens.push(new Token(TokenKind.End, ""));
    return this.result;
  }

  private skipBlanks(): void {
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos);
      if (isBlank(c)) this.pos++;
      else if (c == 92 && this.pos + 1 < this.src.length && this.src.charCodeAt(this.pos + 1) == 10) this.pos += 2;
      else break;
    }
  }

  private readOperator(): void {
    for (let i = 0; i < OPERATORS.length; i++) {
      const op = OPERATORS[i];
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        this.result.tokens.push(new Token(TokenKind.Op, op));
        if (op == "<<" || op == "<<-") {
          this.expectDelimiter = true;
          this.stripNext = op == "<<-";
        }
        return;
      }
    }
  }

  private readWord(): void {
    const start = this.pos;
    const end = this.scanWord(this.pos);
    if (end < 0) {
      this.result.incomplete = true;
      return;
    }
    this.pos = end;
    const raw = this.src.substring(start, end);
    const next = this.pos < this.src.length ? this.src.charCodeAt(this.pos) : -1;
    let allDigits = raw.length > 0;
    for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) < 48 || raw.charCodeAt(i) > 57) allDigits = false;
    if (allDigits && (next == 60 || next == 62)) {
      this.result.tokens.push(new Token(TokenKind.IoNumber, raw));
      return;
    }
    const token = new Token(TokenKind.Word, raw);
    if (this.expectDelimiter) {
      const doc = new Heredoc();
      doc.delimiter = unquoteDelimiter(raw);
      doc.quoted = raw.includes("'") || raw.includes("\"") || raw.includes("\\");
      doc.stripTabs = this.stripNext;
      token.heredoc = doc;
      this.pending.push(doc);
      this.expectDelimiter = false;
    }
    this.result.tokens.push(token);
  }

  /** The end of the word starting at `from`, or -1 if the input ends inside a quote or a substitution. */
  scanWord(from: i32): i32 {
    let i = from;
    while (i < this.src.length) {
      const c = this.src.charCodeAt(i);
      if (isBlank(c) || c == 10 || isOperatorStart(c)) return i;
      if (c == 92) {
        i += 2;
        continue;
      }
      if (c == 39) {
        const close = this.src.indexOf("'", i + 1);
        if (close < 0) return -1;
        i = close + 1;
        continue;
      }
      if (c == 34) {
        i = this.skipDoubleQuoted(i + 1);
        if (i < 0) return -1;
        continue;
      }
      if (c == 96) {
        i = this.skipBackquoted(i + 1);
        if (i < 0) return -1;
        continue;
      }
      if (c == 36 && i + 1 < this.src.length) {
        const n = this.src.charCodeAt(i + 1);
        if (n == 40) {
          i = this.skipParens(i + 2);
          if (i < 0) return -1;
          continue;
        }
        if (n == 123) {
          i = this.skipBraces(i + 2);
          if (i < 0) return -1;
          continue;
        }
      }
      i++;
    }
    return i;
  }

  /** Past the closing `"` of a string whose content starts at `from`, or -1. */
  skipDoubleQuoted(from: i32): i32 {
    let i = from;
    while (i < this.src.length) {
      const c = this.src.charCodeAt(i);
      if (c == 92) i += 2;
      else if (c == 34) return i + 1;
      else if (c == 96) {
        i = this.skipBackquoted(i + 1);
        if (i < 0) return -1;
      } else if (c == 36 && i + 1 < this.src.length && this.src.charCodeAt(i + 1) == 40) {
        i = this.skipParens(i + 2);
        if (i < 0) return -1;
      } else if (c == 36 && i + 1 < this.src.length && this.src.charCodeAt(i + 1) == 123) {
        i = this.skipBraces(i + 2);
        if (i < 0) return -1;
      } else i++;
    }
    return -1;
  }

  skipBackquoted(from: i32): i32 {
    let i = from;
    while (i < this.src.length) {
      const c = this.src.charCodeAt(i);
      if (c == 92) i += 2;
      else if (c == 96) return i + 1;
      else i++;
    }
    return -1;
  }

  /** Past the `)` matching an opening `$(` (or `$((`) whose content starts at `from`, or -1. */
  skipParens(from: i32): i32 {
    let depth = 1;
    let i = from;
    while (i < this.src.length) {
      const c = this.src.charCodeAt(i);
      if (c == 92) i += 2;
      else if (c == 39) {
        const close = this.src.indexOf("'", i + 1);
        if (close < 0) return -1;
        i = close + 1;
      } else if (c == 34) {
        i = this.skipDoubleQuoted(i + 1);
        if (i < 0) return -1;
      } else if (c == 96) {
        i = this.skipBackquoted(i + 1);
        if (i < 0) return -1;
      } else if (c == 40) {
        depth++;
        i++;
      } else if (c == 41) {
        depth--;
        i++;
        if (depth == 0) return i;
      } else i++;
    }
    return -1;
  }

  skipBraces(from: i32): i32 {
    let i = from;
    while (i < this.src.length) {
      const c = this.src.charCodeAt(i);
      if (c == 92) i += 2;
      else if (c == 125) return i + 1;
      else if (c == 39) {
        const close = this.src.indexOf("'", i + 1);
        if (close < 0) return -1;
        i = close + 1;
      } else if (c == 34) {
        i = this.skipDoubleQuoted(i + 1);
        if (i < 0) return -1;
      } else if (c == 36 && i + 1 < this.src.length && this.src.charCodeAt(i + 1) == 123) {
        i = this.skipBraces(i + 2);
        if (i < 0) return -1;
      } else if (c == 36 && i + 1 < this.src.length && this.src.charCodeAt(i + 1) == 40) {
        i = this.skipParens(i + 2);
        if (i < 0) return -1;
      } else i++;
    }
    return -1;
  }

  private readHeredocs(): void {
    while (this.pending.length > 0) {
      const doc = this.pending[0];
      let body = "";
      let found = false;
      while (this.pos < this.src.length) {
        let lineEnd = this.src.indexOf("\n", this.pos);
        const hasNewline = lineEnd >= 0;
        if (!hasNewline) lineEnd = this.src.length;
        let line = this.src.substring(this.pos, lineEnd);
        this.pos = hasNewline ? lineEnd + 1 : lineEnd;
        if (doc.stripTabs) while (line.startsWith("\t")) line = line.substring(1);
        if (line == doc.delimiter) {
          found = true;
          break;
        }
        body += line + "\n";
      }
      if (!found) {
        this.result.incomplete = true;
        return;
      }
      doc.body = body;
      doc.complete = true;
      this.pending.shift();
    }
  }
}
