// awk's syntax tree: node kinds, nodes, rules (pattern, range end, action) and the program of
// BEGIN actions, rules and END actions.

import { Regex } from "../../regex";

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
