// sed's script language: addresses (N, $, /RE/, \cREc, ADDR1,ADDR2, !), blocks { }, and the
// commands s y p P d q Q = n N h H g G x a i c, parsed into a flat list where `{` knows where
// its block ends. Errors use busybox's wording.

import { Regex } from "../regex";

export enum AddressKind { None, Line, Last, Pattern }

export class Address {
  kind: AddressKind = AddressKind.None;
  line: i32 = 0;
  regex: Regex | null = null;
}

export class SedCommand {
  first: Address = new Address();
  second: Address = new Address();
  negate: bool = false;
  name: string = "";
  /** s and y: the pattern or the source characters. */
  regex: Regex | null = null;
  /** s: the replacement; y: the target characters; a i c: the text. */
  text: string = "";
  from: string = "";
  global: bool = false;
  occurrence: i32 = 1;
  print: bool = false;
  /** q and Q: the exit status. */
  status: i32 = 0;
  /** `{`: the index just past its `}`. */
  blockEnd: i32 = 0;
  /** Inside ADDR1,ADDR2 since a line matched ADDR1. */
  active: bool = false;
}

export class SedScript {
  commands: SedCommand[] = [];
  error: string | null = null;
}

class ScriptParser {
  pos: i32 = 0;
  error: string | null = null;
  constructor(public src: string, public extended: bool) {}

  peek(): string {
    return this.pos < this.src.length ? this.src.charAt(this.pos) : "";
  }

  skipBlanks(): void {
    while (this.peek() == " " || this.peek() == "\t") this.pos++;
  }

  number(): i32 {
    let value = 0;
    while (this.peek() >= "0" && this.peek() <= "9" && this.peek().length > 0) value = value * 10 + (this.src.charCodeAt(this.pos++) - 48);
    return value;
  }

  /** Text up to an unescaped `delimiter` (consumed); `\delimiter` becomes the delimiter. */
  delimited(delimiter: string, keepEscapes: bool): string | null {
    let out = "";
    while (this.pos < this.src.length) {
      const c = this.src.charAt(this.pos++);
      if (c == delimiter) return out;
      if (c == "\\" && this.pos < this.src.length) {
        const next = this.src.charAt(this.pos++);
        if (next == delimiter) out += next;
        else if (next == "n" && !keepEscapes) out += "\n";
        else out += "\\" + next;
        continue;
      }
      out += c;
    }
    this.error = "unmatched '" + delimiter + "'";
    return null;
  }

  compile(pattern: string, ignoreCase: bool): Regex | null {
    const regex = new Regex(pattern, this.extended, ignoreCase);
    if (regex.error !== null) {
      this.error = "bad regex '" + pattern + "': " + (<string>regex.error);
      return null;
    }
    return regex;
  }

  address(into: Address): void {
    const c = this.peek();
    if (c >= "0" && c <= "9" && c.length > 0) {
      into.kind = AddressKind.Line;
      into.line = this.number();
    } else if (c == "$") {
      this.pos++;
      into.kind = AddressKind.Last;
    } else if (c == "/" || c == "\\") {
      this.pos++;
      const delimiter = c == "/" ? "/" : this.src.charAt(this.pos++);
      const pattern = this.delimited(delimiter, true);
      if (pattern === null) return;
      into.kind = AddressKind.Pattern;
      into.regex = this.compile(pattern, this.peek() == "I");
      if (this.peek() == "I") this.pos++;
    }
  }

  /** a, i and c: `a text`, `a\` then the text on the next line; the rest of the line. */
  editText(): string {
    this.skipBlanks();
    if (this.peek() == "\\") {
      this.pos++;
      if (this.peek() == "\n") this.pos++;
      else this.skipBlanks();
    }
    let out = "";
    while (this.pos < this.src.length && this.peek() != "\n") {
      const c = this.src.charAt(this.pos++);
      if (c == "\\" && this.pos < this.src.length) out += this.src.charAt(this.pos++);
      else out += c;
    }
    return out;
  }

  substitute(cmd: SedCommand): void {
    const delimiter = this.src.charAt(this.pos++);
    if (delimiter.length == 0 || delimiter == "\n" || delimiter == "\\") {
      this.error = "unterminated `s' command";
      return;
    }
    const pattern = this.delimited(delimiter, true);
    if (pattern === null) return;
    const replacement = this.delimited(delimiter, false);
    if (replacement === null) return;
    cmd.text = replacement;
    let ignoreCase = false;
    while (this.pos < this.src.length) {
      const c = this.peek();
      if (c == "g") cmd.global = true;
      else if (c == "p") cmd.print = true;
      else if (c == "I" || c == "i") ignoreCase = true;
      else if (c >= "1" && c <= "9") {
        cmd.occurrence = this.number();
        continue;
      } else if (c == ";" || c == "\n" || c == "}" || c == " " || c == "\t") break;
      else {
        this.error = "bad option in substitution expression";
        return;
      }
      this.pos++;
    }
    cmd.regex = this.compile(pattern, ignoreCase);
  }

  transliterate(cmd: SedCommand): void {
    const delimiter = this.src.charAt(this.pos++);
    const from = this.delimited(delimiter, false);
    if (from === null) return;
    const to = this.delimited(delimiter, false);
    if (to === null) return;
    if (from.length != to.length) {
      this.error = "strings for y command are different lengths";
      return;
    }
    cmd.from = from;
    cmd.text = to;
  }

  command(script: SedScript, blocks: i32[]): void {
    const cmd = new SedCommand();
    this.address(cmd.first);
    if (this.error === null && cmd.first.kind != AddressKind.None && this.peek() == ",") {
      this.pos++;
      this.address(cmd.second);
      if (cmd.second.kind == AddressKind.None && this.error === null) this.error = "unexpected ','";
    }
    if (this.error !== null) return;
    this.skipBlanks();
    while (this.peek() == "!") {
      cmd.negate = true;
      this.pos++;
      this.skipBlanks();
    }
    const name = this.peek();
    if (name.length == 0) {
      this.error = "missing command";
      return;
    }
    this.pos++;
    cmd.name = name;
    if (name == "}") {
      if (blocks.length == 0) {
        this.error = "unexpected '}'";
        return;
      }
      script.commands[blocks.pop()].blockEnd = script.commands.length;
      return;
    }
    if (name == "s") this.substitute(cmd);
    else if (name == "y") this.transliterate(cmd);
    else if (name == "a" || name == "i" || name == "c") cmd.text = this.editText();
    else if (name == "q" || name == "Q") {
      this.skipBlanks();
      cmd.status = this.number();
    } else if (name == "{") blocks.push(script.commands.length);
    else if (!"pPd=nNhHgGx".includes(name)) {
      this.error = "unsupported command " + name;
      return;
    }
    script.commands.push(cmd);
  }

  parse(): SedScript {
    const script = new SedScript();
    const blocks = new Array<i32>();
    while (this.error === null) {
      while (this.pos < this.src.length && " \t\n;".includes(this.peek())) this.pos++;
      if (this.pos >= this.src.length) break;
      if (this.peek() == "#") {
        while (this.pos < this.src.length && this.peek() != "\n") this.pos++;
        continue;
      }
      this.command(script, blocks);
    }
    if (this.error === null && blocks.length > 0) this.error = "unmatched '{'";
    script.error = this.error;
    return script;
  }
}

/** Parses a whole script (the -e parts joined by newlines). */
export function parseSedScript(source: string, extended: bool): SedScript {
  return new ScriptParser(source, extended).parse();
}
