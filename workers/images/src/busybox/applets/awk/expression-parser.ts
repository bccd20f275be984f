// awk's expressions with awk's precedence, from the conditional down to primaries (concatenation
// by juxtaposition, `/re/` as a match against $0), and the token helpers the statement parser
// (parser.ts) builds on.

import { Regex } from "../../regex";
import { N, Node } from "./ast";
import { Tok, Token } from "./lexer";

export class ExpressionParser {
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
}
