// Parses tokens into the syntax tree: lists, and-or chains, pipelines, simple commands with
// assignments and redirections, and the compound commands (if, while, until, for, case,
// { }, ( ), functions). Reserved words count only where a command starts.

import { isName } from "../../lib/text";
import {
  AndOr, CaseCommand, CommandList, ForCommand, FunctionDefinition, Group, IfCommand, LoopCommand, Node, Pipeline,
  Redirect, SimpleCommand, Subshell,
} from "./ast";
import { Lexer, Token, TokenKind } from "./lexer";

export class ParseResult {
  program: CommandList | null = null;
  error: string | null = null;
  /** More input could complete it (an open `if`, quote, here-document...). */
  incomplete: bool = false;
}

const RESERVED: string[] = ["if", "then", "elif", "else", "fi", "do", "done", "case", "esac", "while", "until", "for", "{", "}", "!", "in"];

/** Whether `raw` is an assignment word: `NAME=...`. */
export function isAssignment(raw: string): bool {
  const eq = raw.indexOf("=");
  return eq > 0 && isName(raw.substring(0, eq));
}

class Parser {
  pos: i32 = 0;
  error: string | null = null;
  incomplete: bool = false;

  constructor(public tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.pos];
  }

  next(): Token {
    const token = this.tokens[this.pos];
    if (token.kind != TokenKind.End) this.pos++;
    return token;
  }

  atWord(text: string): bool {
    const token = this.peek();
    return token.kind == TokenKind.Word && token.text == text;
  }

  atOp(text: string): bool {
    const token = this.peek();
    return token.kind == TokenKind.Op && token.text == text;
  }

  fail(expecting: string = ""): void {
    if (this.error !== null) return;
    const token = this.peek();
    if (token.kind == TokenKind.End) {
      this.incomplete = true;
      this.error = "unexpected end of file" + (expecting.length > 0 ? " (expecting \"" + expecting + "\")" : "");
    } else {
      this.error = "unexpected " + (token.kind == TokenKind.Newline ? "newline" : "\"" + token.text + "\"");
    }
  }

  skipNewlines(): void {
    while (this.peek().kind == TokenKind.Newline) this.next();
  }

  expectWord(text: string): bool {
    if (this.atWord(text)) {
      this.next();
      return true;
    }
    this.fail(text);
    return false;
  }

  /** A list ending before one of `terminators` (reserved words), `)`, `;;` or the end. */
  parseList(terminators: string[]): CommandList {
    const list = new CommandList();
    this.skipNewlines();
    while (this.error === null) {
      const token = this.peek();
      if (token.kind == TokenKind.End) break;
      if (token.kind == TokenKind.Word && terminators.includes(token.text)) break;
      if (token.kind == TokenKind.Op && (token.text == ")" || token.text == ";;")) break;
      const item = this.parseAndOr();
      if (this.error !== null) break;
      list.items.push(item);
      list.background.push(false);
      if (this.atOp(";") || this.atOp("&")) {
        list.background[list.background.length - 1] = this.next().text == "&";
        this.skipNewlines();
      } else if (this.peek().kind == TokenKind.Newline) this.skipNewlines();
      else break;
    }
    return list;
  }

  parseAndOr(): Node {
    const first = this.parsePipeline();
    if (!this.atOp("&&") && !this.atOp("||")) return first;
    const chain = new AndOr();
    chain.pipelines.push(first);
    while (this.error === null && (this.atOp("&&") || this.atOp("||"))) {
      chain.operators.push(this.next().text);
      this.skipNewlines();
      chain.pipelines.push(this.parsePipeline());
    }
    return chain;
  }

  parsePipeline(): Node {
    let negate = false;
    if (this.atWord("!")) {
      this.next();
      negate = true;
    }
    const first = this.parseCommand();
    if (!negate && !this.atOp("|")) return first;
    const pipeline = new Pipeline();
    pipeline.negate = negate;
    pipeline.commands.push(first);
    while (this.error === null && this.atOp("|")) {
      this.next();
      this.skipNewlines();
      pipeline.commands.push(this.parseCommand());
    }
    return pipeline;
  }

  parseCommand(): Node {
    const token = this.peek();
    if (token.kind == TokenKind.Word) {
      const word = token.text;
      if (word == "if") return this.withRedirects(this.parseIf());
      if (word == "while" || word == "until") return this.withRedirects(this.parseLoop(word == "until"));
      if (word == "for") return this.withRedirects(this.parseFor());
      if (word == "case") return this.withRedirects(this.parseCase());
      if (word == "{") {
        this.next();
        const body = this.parseList(["}"]);
        this.expectWord("}");
        return this.withRedirects(new Group(body));
      }
      if (RESERVED.includes(word) && word != "in") {
        this.fail();
        return new SimpleCommand();
      }
      const after = this.tokens[this.pos + 1];
      if (isName(word) && after.kind == TokenKind.Op && after.text == "(" ) return this.parseFunction(word);
    }
    if (this.atOp("(")) {
      this.next();
      const body = this.parseList([]);
      if (!this.atOp(")")) {
        this.fail(")");
        return new Subshell(body);
      }
      this.next();
      return this.withRedirects(new Subshell(body));
    }
    return this.parseSimple();
  }

  parseFunction(name: string): Node {
    this.next();
    this.next();
    if (!this.atOp(")")) {
      this.fail(")");
      return new SimpleCommand();
    }
    this.next();
    this.skipNewlines();
    const body = this.parseCommand();
    return new FunctionDefinition(name, body);
  }

  withRedirects(node: Node): Node {
    while (this.error === null && this.atRedirect()) node.redirects.push(this.parseRedirect());
    return node;
  }

  atRedirect(): bool {
    const token = this.peek();
    if (token.kind == TokenKind.IoNumber) return true;
    if (token.kind != TokenKind.Op) return false;
    const op = token.text;
    return op == "<" || op == ">" || op == ">>" || op == ">|" || op == "<>" || op == "<&" || op == ">&" || op == "<<" || op == "<<-";
  }

  parseRedirect(): Redirect {
    const redirect = new Redirect();
    let fd = -1;
    if (this.peek().kind == TokenKind.IoNumber) fd = I32.parseInt(this.next().text);
    redirect.op = this.next().text;
    redirect.fd = fd >= 0 ? fd : redirect.op.startsWith("<") ? 0 : 1;
    const target = this.peek();
    if (target.kind != TokenKind.Word) {
      this.fail();
      return redirect;
    }
    this.next();
    redirect.target = target.text;
    redirect.heredoc = target.heredoc;
    return redirect;
  }

  parseSimple(): Node {
    const command = new SimpleCommand();
    while (this.error === null) {
      if (this.atRedirect()) {
        command.redirects.push(this.parseRedirect());
        continue;
      }
      const token = this.peek();
      if (token.kind != TokenKind.Word) break;
      this.next();
      if (command.words.length == 0 && isAssignment(token.text)) command.assignments.push(token.text);
      else command.words.push(token.text);
    }
    if (command.words.length == 0 && command.assignments.length == 0 && command.redirects.length == 0) this.fail();
    return command;
  }

  parseIf(): Node {
    const node = new IfCommand();
    this.next();
    node.conditions.push(this.parseList(["then"]));
    if (!this.expectWord("then")) return node;
    node.bodies.push(this.parseList(["elif", "else", "fi"]));
    while (this.error === null && this.atWord("elif")) {
      this.next();
      node.conditions.push(this.parseList(["then"]));
      if (!this.expectWord("then")) return node;
      node.bodies.push(this.parseList(["elif", "else", "fi"]));
    }
    if (this.error === null && this.atWord("else")) {
      this.next();
      node.elseBody = this.parseList(["fi"]);
    }
    this.expectWord("fi");
    return node;
  }

  parseDoGroup(): CommandList {
    this.skipNewlines();
    if (!this.expectWord("do")) return new CommandList();
    const body = this.parseList(["done"]);
    this.expectWord("done");
    return body;
  }

  parseLoop(until: bool): Node {
    this.next();
    const condition = this.parseList(["do"]);
    const body = this.error === null ? this.parseDoGroup() : new CommandList();
    return new LoopCommand(until, condition, body);
  }

  parseFor(): Node {
    this.next();
    const name = this.peek();
    if (name.kind != TokenKind.Word || !isName(name.text)) {
      this.fail();
      return new SimpleCommand();
    }
    this.next();
    let words: string[] | null = null;
    this.skipNewlines();
    if (this.atWord("in")) {
      this.next();
      const list = new Array<string>();
      while (this.peek().kind == TokenKind.Word) list.push(this.next().text);
      words = list;
      if (this.atOp(";")) this.next();
      else if (this.peek().kind != TokenKind.Newline) this.fail("do");
    } else if (this.atOp(";")) this.next();
    const node = new ForCommand(name.text, this.error === null ? this.parseDoGroup() : new CommandList());
    node.words = words;
    return node;
  }

  parseCase(): Node {
    this.next();
    const subject = this.peek();
    if (subject.kind != TokenKind.Word) {
      this.fail();
      return new SimpleCommand();
    }
    this.next();
    const node = new CaseCommand(subject.text);
    this.skipNewlines();
    if (!this.expectWord("in")) return node;
    this.skipNewlines();
    while (this.error === null && !this.atWord("esac")) {
      if (this.atOp("(")) this.next();
      const patterns = new Array<string>();
      while (this.error === null) {
        const pattern = this.peek();
        if (pattern.kind != TokenKind.Word) {
          this.fail("esac");
          return node;
        }
        patterns.push(this.next().text);
        if (this.atOp("|")) this.next();
        else break;
      }
      if (!this.atOp(")")) {
        this.fail(")");
        return node;
      }
      this.next();
      node.patterns.push(patterns);
      node.bodies.push(this.parseList(["esac"]));
      if (this.atOp(";;")) {
        this.next();
        this.skipNewlines();
      } else if (!this.atWord("esac")) this.fail("esac");
    }
    this.expectWord("esac");
    return node;
  }
}

/** Parses a whole script or command line. */
export function parse(source: string): ParseResult {
  const result = new ParseResult();
  const lexed = new Lexer(source).tokenize();
  if (lexed.incomplete) {
    result.incomplete = true;
    result.error = "unterminated quoted string";
    return result;
  }
  const parser = new Parser(lexed.tokens);
  const program = parser.parseList([]);
  if (parser.error === null && parser.peek().kind != TokenKind.End) parser.fail();
  result.error = parser.error;
  result.incomplete = parser.incomplete;
  result.program = program;
  return result;
}
