// awk's grammar: rules (`BEGIN`, `END`, `PATTERN`, `PAT1, PAT2`, each with an optional
// action) and statements, over the expressions of expression-parser.ts. User-defined functions,
// getline and output to commands (`print | "cmd"`) are not supported.

import { N, Node, Program, Rule } from "./ast";
import { ExpressionParser } from "./expression-parser";
import { Lexer, Tok } from "./lexer";

class Parser extends ExpressionParser {
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
