// awk's grammar: rules (`BEGIN`, `END`, `PATTERN`, `PAT1, PAT2`, each with an optional
// action), statements and expressions with awk's precedence, concatenation by juxtaposition
// and `/re/` as a match against $0. User-defined functions, getline and output to commands
// (`print | "cmd"`) are not supported.

import { Regex } from "../../regex";
import { Lexer, Tok, Token } from "./lexer";

export enum N {
  Num, Str, Regex, Var, Field, Index, Assign, Cond, Or, And, In, Match, Compare, Concat, Binary, Unary, IncDec, Call, Group,
  Print, Printf, Expr, If, While, Do, For, ForIn, Block, Next, Exit, Break, Continue, Delete,
}

export class Node {
  children: Node[] = [];
  num: f64 = 0;
  regex: Regex | null = null;
  /** IncDec: prefix (true) or postfix. */
  prefix: bool = false;
  /** print and printf: where `> FILE` or `>> FILE` sends the output. */
  redirect: Node | null = null;
  constructor(public kind: N, public text: string = "") {}

  static of(kind: N, text: string, children: Node[]): Node {
    const node = new Node(kind, text);
    node.children = children;
    return node;
  }
}

export class Rule {
  pattern: Node | null = null;
  until: Node | null = null;
  action: Node | null = null;
  inRange: bool = false;
}

export class Program {
  begin: Node[] = [];
  end: Node[] = [];
  rules: Rule[] = [];
  error: string | null = null;
}

class Parser {
  pos: i32 = 0;
  error: string | null = null;
  constructor(public tokens: Token[]) {}

  get tok(): Token {
    return this.tokens[this.pos];
  }

  isOp(text: string): bool {
    return this.tok.kind == Tok.Op && this.tok.text == text;
  }

  isKeyword(text: string): bool {
    return this.tok.kind == Tok.Keyword && this.tok.text == text;
  }

  fail(message: string): Node {
    if (this.error === null) this.error = message;
    this.pos = this.tokens.length - 1;
    return new Node(N.Num);
  }

  unexpected(): Node {
    const t = this.tok;
    return this.fail(t.kind == Tok.End ? "unexpected end of program" : t.kind == Tok.Newline ? "unexpected newline" : "syntax error at '" + t.text + "'");
  }

  expect(text: string): void {
    if (this.isOp(text)) this.pos++;
    else this.unexpected();
  }

  newlines(): void {
    while (this.tok.kind == Tok.Newline) this.pos++;
  }

  /** Statement ends: `;`, newlines, or before `}`. */
  terminator(): void {
    if (this.isOp(";") || this.tok.kind == Tok.Newline) {
      this.pos++;
      this.newlines();
    } else if (!this.isOp("}") && this.tok.kind != Tok.End) this.unexpected();
  }

  regexNode(pattern: string): Node {
    const node = new Node(N.Regex, pattern);
    const regex = new Regex(pattern, true);
    if (regex.error !== null) return this.fail("bad regex '" + pattern + "': " + (<string>regex.error));
    node.regex = regex;
    return node;
  }

  // Expressions, lowest precedence first.

  expression(noIn: bool = false, noGreater: bool = false): Node {
    const left = this.ternary(noIn, noGreater);
    const t = this.tok;
    if (t.kind == Tok.Op && (t.text == "=" || t.text == "+=" || t.text == "-=" || t.text == "*=" || t.text == "/=" || t.text == "%=" || t.text == "^=")) {
      if (left.kind != N.Var && left.kind != N.Field && left.kind != N.Index) return this.fail("assignment to non-lvalue");
      this.pos++;
      this.newlines();
      return Node.of(N.Assign, t.text, [left, this.expression(noIn, noGreater)]);
    }
    return left;
  }

  ternary(noIn: bool, noGreater: bool): Node {
    const cond = this.or(noIn, noGreater);
    if (!this.isOp("?")) return cond;
    this.pos++;
    this.newlines();
    const yes = this.expression(noIn, noGreater);
    this.newlines();
    this.expect(":");
    this.newlines();
    return Node.of(N.Cond, "", [cond, yes, this.expression(noIn, noGreater)]);
  }

  or(noIn: bool, noGreater: bool): Node {
    let left = this.and(noIn, noGreater);
    while (this.isOp("||")) {
      this.pos++;
      this.newlines();
      left = Node.of(N.Or, "", [left, this.and(noIn, noGreater)]);
    }
    return left;
  }

  and(noIn: bool, noGreater: bool): Node {
    let left = this.inExpr(noIn, noGreater);
    while (this.isOp("&&")) {
      this.pos++;
      this.newlines();
      left = Node.of(N.And, "", [left, this.inExpr(noIn, noGreater)]);
    }
    return left;
  }

  inExpr(noIn: bool, noGreater: bool): Node {
    let left = this.match(noGreater);
    while (!noIn && this.isKeyword("in")) {
      this.pos++;
      if (this.tok.kind != Tok.Name) return this.unexpected();
      const keys = left.kind == N.Group ? left.children : [left];
      left = Node.of(N.In, this.tok.text, keys);
      this.pos++;
    }
    return left;
  }

  match(noGreater: bool): Node {
    let left = this.comparison(noGreater);
    while (this.isOp("~") || this.isOp("!~")) {
      const op = this.tok.text;
      this.pos++;
      left = Node.of(N.Match, op, [left, this.comparison(noGreater)]);
    }
    return left;
  }

  comparison(noGreater: bool): Node {
    const left = this.concatenation();
    const t = this.tok;
    if (t.kind == Tok.Op && (t.text == "<" || t.text == "<=" || t.text == "==" || t.text == "!=" || t.text == ">=" || (t.text == ">" && !noGreater))) {
      this.pos++;
      return Node.of(N.Compare, t.text, [left, this.concatenation()]);
    }
    return left;
  }

  startsOperand(): bool {
    const t = this.tok;
    if (t.kind == Tok.Number || t.kind == Tok.String || t.kind == Tok.Regex || t.kind == Tok.Name || t.kind == Tok.Func || t.kind == Tok.Builtin) return true;
    return t.kind == Tok.Op && (t.text == "$" || t.text == "(" || t.text == "!" || t.text == "-" || t.text == "+" || t.text == "++" || t.text == "--");
  }

  concatenation(): Node {
    let left = this.additive();
    while (this.startsOperand() && !this.isOp("-") && !this.isOp("+") && !this.isOp("!")) left = Node.of(N.Concat, "", [left, this.additive()]);
    return left;
  }

  additive(): Node {
    let left = this.multiplicative();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.tok.text;
      this.pos++;
      left = Node.of(N.Binary, op, [left, this.multiplicative()]);
    }
    return left;
  }

  multiplicative(): Node {
    let left = this.unary();
    while (this.isOp("*") || this.isOp("/") || this.isOp("%")) {
      const op = this.tok.text;
      this.pos++;
      left = Node.of(N.Binary, op, [left, this.unary()]);
    }
    return left;
  }

  unary(): Node {
    if (this.isOp("!") || this.isOp("-") || this.isOp("+")) {
      const op = this.tok.text;
      this.pos++;
      return Node.of(N.Unary, op, [this.unary()]);
    }
    return this.power();
  }

  power(): Node {
    const base = this.incDec();
    if (!this.isOp("^")) return base;
    this.pos++;
    return Node.of(N.Binary, "^", [base, this.unary()]);
  }

  incDec(): Node {
    if (this.isOp("++") || this.isOp("--")) {
      const op = this.tok.text;
      this.pos++;
      const target = this.primary();
      const node = Node.of(N.IncDec, op, [target]);
      node.prefix = true;
      return node;
    }
    const value = this.primary();
    if ((this.isOp("++") || this.isOp("--")) && (value.kind == N.Var || value.kind == N.Field || value.kind == N.Index)) {
      const op = this.tok.text;
      this.pos++;
      return Node.of(N.IncDec, op, [value]);
    }
    return value;
  }

  arguments(): Node[] {
    const args = new Array<Node>();
    this.expect("(");
    this.newlines();
    while (this.error === null && !this.isOp(")")) {
      args.push(this.expression());
      this.newlines();
      if (this.isOp(",")) {
        this.pos++;
        this.newlines();
      } else if (!this.isOp(")")) this.unexpected();
    }
    this.expect(")");
    return args;
  }

  primary(): Node {
    const t = this.tok;
    if (t.kind == Tok.Number) {
      this.pos++;
      const node = new Node(N.Num, t.text);
      node.num = t.num;
      return node;
    }
    if (t.kind == Tok.String) {
      this.pos++;
      return new Node(N.Str, t.text);
    }
    if (t.kind == Tok.Regex) {
      this.pos++;
      return this.regexNode(t.text);
    }
    if (t.kind == Tok.Op && t.text == "$") {
      this.pos++;
      return Node.of(N.Field, "", [this.incDec()]);
    }
    if (t.kind == Tok.Op && t.text == "(") {
      this.pos++;
      this.newlines();
      const first = this.expression();
      if (this.isOp(",")) {
        const group = Node.of(N.Group, "", [first]);
        while (this.isOp(",")) {
          this.pos++;
          this.newlines();
          group.children.push(this.expression());
        }
        this.expect(")");
        return group;
      }
      this.expect(")");
      return first;
    }
    if (t.kind == Tok.Builtin) {
      this.pos++;
      if (!this.isOp("(")) return t.text == "length" ? Node.of(N.Call, "length", []) : this.unexpected();
      return Node.of(N.Call, t.text, this.arguments());
    }
    if (t.kind == Tok.Func) return this.fail("function " + t.text + " never defined");
    if (t.kind == Tok.Name) {
      this.pos++;
      if (!this.isOp("[")) return new Node(N.Var, t.text);
      this.pos++;
      const keys = new Array<Node>();
      keys.push(this.expression());
      while (this.isOp(",")) {
        this.pos++;
        keys.push(this.expression());
      }
      this.expect("]");
      return Node.of(N.Index, t.text, keys);
    }
    if (t.kind == Tok.Keyword && t.text == "getline") return this.fail("getline is not supported");
    return this.unexpected();
  }

  // Statements.

  simpleStatement(): Node {
    if (this.isKeyword("print") || this.isKeyword("printf")) {
      const kind = this.tok.text == "print" ? N.Print : N.Printf;
      this.pos++;
      const args = new Array<Node>();
      while (this.error === null && !this.isOp(";") && !this.isOp("}") && !this.isOp(">") && !this.isOp("|") && this.tok.kind != Tok.Newline && this.tok.kind != Tok.End) {
        const value = this.expression(false, true);
        if (value.kind == N.Group && args.length == 0 && !this.isOp(",")) {
          for (let i = 0; i < value.children.length; i++) args.push(value.children[i]);
        } else args.push(value);
        if (!this.isOp(",")) break;
        this.pos++;
        this.newlines();
      }
      if (this.isOp("|")) return this.fail("output to a command is not supported");
      if (kind == N.Printf && args.length == 0) return this.fail("printf: no format");
      const node = Node.of(kind, "", args);
      if (this.isOp(">") || this.isOp(">>")) {
        node.text = this.tok.text;
        this.pos++;
        node.redirect = this.concatenation();
      }
      return node;
    }
    if (this.isKeyword("next") || this.isKeyword("break") || this.isKeyword("continue")) {
      const kind = this.tok.text == "next" ? N.Next : this.tok.text == "break" ? N.Break : N.Continue;
      this.pos++;
      return new Node(kind);
    }
    if (this.isKeyword("exit")) {
      this.pos++;
      const node = new Node(N.Exit);
      if (!this.isOp(";") && !this.isOp("}") && this.tok.kind != Tok.Newline && this.tok.kind != Tok.End) node.children.push(this.expression());
      return node;
    }
    if (this.isKeyword("delete")) {
      this.pos++;
      if (this.tok.kind != Tok.Name) return this.unexpected();
      const target = this.primary();
      return Node.of(N.Delete, target.text, target.kind == N.Index ? target.children : []);
    }
    return Node.of(N.Expr, "", [this.expression()]);
  }

  statement(): Node {
    this.newlines();
    if (this.isOp("{")) return this.block();
    if (this.isOp(";")) {
      this.pos++;
      return new Node(N.Block);
    }
    if (this.isKeyword("if")) {
      this.pos++;
      this.expect("(");
      const cond = this.expression();
      this.expect(")");
      const node = Node.of(N.If, "", [cond, this.statement()]);
      const saved = this.pos;
      this.newlines();
      if (this.isOp(";")) {
        this.pos++;
        this.newlines();
      }
      if (this.isKeyword("else")) {
        this.pos++;
        node.children.push(this.statement());
      } else this.pos = saved;
      return node;
    }
    if (this.isKeyword("while")) {
      this.pos++;
      this.expect("(");
      const cond = this.expression();
      this.expect(")");
      if (this.isOp(";")) {
        this.pos++;
        return Node.of(N.While, "", [cond, new Node(N.Block)]);
      }
      return Node.of(N.While, "", [cond, this.statement()]);
    }
    if (this.isKeyword("do")) {
      this.pos++;
      const body = this.statement();
      this.newlines();
      if (!this.isKeyword("while")) return this.unexpected();
      this.pos++;
      this.expect("(");
      const cond = this.expression();
      this.expect(")");
      this.terminator();
      return Node.of(N.Do, "", [body, cond]);
    }
    if (this.isKeyword("for")) return this.forStatement();
    const node = this.simpleStatement();
    this.terminator();
    return node;
  }

  forStatement(): Node {
    this.pos++;
    this.expect("(");
    const t0 = this.tokens[this.pos];
    const t1 = this.tokens[this.pos + 1];
    if (t0.kind == Tok.Name && t1.kind == Tok.Keyword && t1.text == "in" && this.tokens[this.pos + 2].kind == Tok.Name && this.tokens[this.pos + 3].text == ")") {
      const array = this.tokens[this.pos + 2].text;
      this.pos += 3;
      this.expect(")");
      return Node.of(N.ForIn, array, [new Node(N.Var, t0.text), this.statement()]);
    }
    const init = this.isOp(";") ? new Node(N.Block) : this.simpleStatement();
    this.expect(";");
    this.newlines();
    const always = new Node(N.Num, "1");
    always.num = 1;
    const cond = this.isOp(";") ? always : this.expression();
    this.expect(";");
    this.newlines();
    const step = this.isOp(")") ? new Node(N.Block) : this.simpleStatement();
    this.expect(")");
    return Node.of(N.For, "", [init, cond, step, this.statement()]);
  }

  block(): Node {
    this.expect("{");
    const block = new Node(N.Block);
    this.newlines();
    while (this.error === null && !this.isOp("}")) {
      if (this.tok.kind == Tok.End) return this.unexpected();
      block.children.push(this.statement());
      this.newlines();
    }
    this.expect("}");
    return block;
  }

  program(): Program {
    const program = new Program();
    this.newlines();
    while (this.error === null && this.tok.kind != Tok.End) {
      if (this.isKeyword("function")) {
        this.fail("user-defined functions are not supported");
        break;
      }
      if (this.isKeyword("BEGIN") || this.isKeyword("END")) {
        const begin = this.tok.text == "BEGIN";
        this.pos++;
        if (!this.isOp("{")) this.unexpected();
        (begin ? program.begin : program.end).push(this.block());
      } else {
        const rule = new Rule();
        if (!this.isOp("{")) {
          rule.pattern = this.expression();
          if (this.isOp(",")) {
            this.pos++;
            this.newlines();
            rule.until = this.expression();
          }
        }
        if (this.isOp("{")) rule.action = this.block();
        program.rules.push(rule);
      }
      if (this.isOp(";")) this.pos++;
      this.newlines();
    }
    program.error = this.error;
    return program;
  }
}

/** Parses an awk program; `error` says what is wrong with it. */
export function parseAwk(source: string): Program {
  const lexer = new Lexer(source);
  const tokens = lexer.run();
  if (lexer.error !== null) {
    const program = new Program();
    program.error = lexer.error;
    return program;
  }
  return new Parser(tokens).program();
}
