// The shell's syntax tree. Words stay as their raw source text (quotes included); expansion
// happens when a command runs, as POSIX requires.

import { Heredoc } from "./lexer";

export enum NodeKind { Simple, Pipeline, AndOr, List, Subshell, Group, If, Loop, For, Case, Function }

export class Redirect {
  /** The descriptor redirected: 0 for `<`, 1 for `>`, or the IO number given. */
  fd: i32 = 1;
  /** `<`, `>`, `>>`, `>|`, `<>`, `<&`, `>&`, `<<`, `<<-`. */
  op: string = ">";
  /** The raw target word (or the here-document delimiter). */
  target: string = "";
  heredoc: Heredoc | null = null;
}

export class Node {
  redirects: Redirect[] = [];
  constructor(public kind: NodeKind) {}
}

export class SimpleCommand extends Node {
  /** Raw `NAME=value` words before the command name. */
  assignments: string[] = [];
  words: string[] = [];
  constructor() {
    super(NodeKind.Simple);
  }
}

export class Pipeline extends Node {
  commands: Node[] = [];
  negate: bool = false;
  constructor() {
    super(NodeKind.Pipeline);
  }
}

export class AndOr extends Node {
  pipelines: Node[] = [];
  /** Between pipelines i and i+1: `&&` or `||`. */
  operators: string[] = [];
  constructor() {
    super(NodeKind.AndOr);
  }
}

export class CommandList extends Node {
  items: Node[] = [];
  /** Whether item i was ended by `&`. */
  background: bool[] = [];
  constructor() {
    super(NodeKind.List);
  }
}

export class Subshell extends Node {
  constructor(public body: CommandList) {
    super(NodeKind.Subshell);
  }
}

export class Group extends Node {
  constructor(public body: CommandList) {
    super(NodeKind.Group);
  }
}

export class IfCommand extends Node {
  conditions: CommandList[] = [];
  bodies: CommandList[] = [];
  elseBody: CommandList | null = null;
  constructor() {
    super(NodeKind.If);
  }
}

export class LoopCommand extends Node {
  constructor(public until: bool, public condition: CommandList, public body: CommandList) {
    super(NodeKind.Loop);
  }
}

export class ForCommand extends Node {
  /** null for `for NAME; do`: the positional parameters. */
  words: string[] | null = null;
  constructor(public variable: string, public body: CommandList) {
    super(NodeKind.For);
  }
}

export class CaseCommand extends Node {
  patterns: string[][] = [];
  bodies: CommandList[] = [];
  constructor(public word: string) {
    super(NodeKind.Case);
  }
}

export class FunctionDefinition extends Node {
  constructor(public name: string, public body: Node) {
    super(NodeKind.Function);
  }
}
