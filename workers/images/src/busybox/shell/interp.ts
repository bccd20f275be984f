// Runs the syntax tree: lists, and-or chains, pipelines (each stage in a subshell, one after the
// other, its output buffered into the next), compound commands and subshells, with errexit,
// break/continue/return/exit unwinding, and command substitution.

import { chdir, cwd } from "../../lib/fs";
import { BufferSink, BufferSource, Sink } from "../streams";
import {
  AndOr, CaseCommand, CommandList, ForCommand, FunctionDefinition, Group, IfCommand, LoopCommand, Node, NodeKind,
  Pipeline, SimpleCommand, Subshell,
} from "./ast";
import { runSimple } from "./command";
import { Expander, Substitution } from "./expand";
import { fnmatch } from "../glob";
import { parse } from "./parser";
import { applyRedirects, Io } from "./redirect";
import { ShellState } from "./state";
import { runRaisedTraps } from "./traps";

export class Interpreter extends Substitution {
  expander: Expander;
  /** The status of the last command substitution in the current command, or -1. */
  substitutionStatus: i32 = -1;

  constructor(public state: ShellState, public io: Io) {
    super();
    const expander = new Expander(state);
    this.expander = expander;
    expander.runner = this;
  }

  /** Reports a shell error on stderr: `sh: message`. */
  complain(message: string): void {
    this.io.stderr.write("sh: " + message + "\n");
  }

  /** A subshell: same streams (unless given), a copy of the state. */
  fork(io: Io): Interpreter {
    return new Interpreter(this.state.fork(), io);
  }

  capture(script: string): string {
    const out = new BufferSink();
    const io = new Io(this.io.stdin, out, this.io.stderr);
    const sub = this.fork(io);
    const dir = cwd();
    sub.runSource(script);
    chdir(dir);
    this.substitutionStatus = sub.state.status;
    return out.text();
  }

  /** Parses and runs `source` (eval, traps, -c); a syntax error is status 2. */
  runSource(source: string): i32 {
    const parsed = parse(source);
    if (parsed.error !== null) {
      this.complain("syntax error: " + (<string>parsed.error));
      this.state.status = 2;
      if (!this.state.interactive) this.state.exiting = true;
      return 2;
    }
    return this.runList(<CommandList>parsed.program);
  }

  runList(list: CommandList): i32 {
    for (let i = 0; i < list.items.length && !this.state.unwinding; i++) {
      this.runNode(list.items[i]);
      this.checkErrexit(list.items[i]);
    }
    return this.state.status;
  }

  private checkErrexit(node: Node): void {
    const state = this.state;
    if (!state.errexit || state.conditionDepth > 0 || state.status == 0) return;
    if (node.kind == NodeKind.AndOr) return;
    if (node.kind == NodeKind.Pipeline && (<Pipeline>node).negate) return;
    state.exiting = true;
  }

  runNode(node: Node): i32 {
    if (node.kind == NodeKind.Simple) {
      this.state.status = runSimple(this, <SimpleCommand>node);
      runRaisedTraps(this);
      return this.state.status;
    }
    if (node.kind == NodeKind.Function) {
      const def = <FunctionDefinition>node;
      this.state.functions.set(def.name, def.body);
      this.state.status = 0;
      return 0;
    }
    if (node.kind == NodeKind.Pipeline) return this.runPipeline(<Pipeline>node);
    if (node.kind == NodeKind.AndOr) return this.runAndOr(<AndOr>node);
    if (node.kind == NodeKind.List) return this.runList(<CommandList>node);
    const saved = this.io;
    if (node.redirects.length > 0) {
      const io = saved.copy();
      const error = applyRedirects(node.redirects, io, this.expander);
      if (error !== null) {
        this.complain(error);
        this.state.status = 1;
        return 1;
      }
      this.io = io;
    }
    let status = 0;
    switch (node.kind) {
      case NodeKind.Group: status = this.runList((<Group>node).body); break;
      case NodeKind.Subshell: status = this.runSubshell((<Subshell>node).body); break;
      case NodeKind.If: status = this.runIf(<IfCommand>node); break;
      case NodeKind.Loop: status = this.runLoop(<LoopCommand>node); break;
      case NodeKind.For: status = this.runFor(<ForCommand>node); break;
      case NodeKind.Case: status = this.runCase(<CaseCommand>node); break;
      default: break;
    }
    if (this.io !== saved) {
      this.io.release();
      this.io = saved;
    }
    this.state.status = status;
    return status;
  }

  /** Runs in a copy of the state; the working directory, process-wide in WASI, is restored after. */
  private runSubshell(body: CommandList): i32 {
    const sub = this.fork(this.io);
    const dir = cwd();
    sub.runList(body);
    chdir(dir);
    return sub.state.status;
  }

  private runCondition(list: CommandList): i32 {
    this.state.conditionDepth++;
    const status = this.runList(list);
    this.state.conditionDepth--;
    return status;
  }

  private runAndOr(node: AndOr): i32 {
    this.state.conditionDepth++;
    let status = this.runNode(node.pipelines[0]);
    for (let i = 0; i < node.operators.length && !this.state.unwinding; i++) {
      const last = i == node.operators.length - 1;
      const run = node.operators[i] == "&&" ? status == 0 : status != 0;
      if (!run) continue;
      if (last) this.state.conditionDepth--;
      status = this.runNode(node.pipelines[i + 1]);
      if (last) this.state.conditionDepth++;
    }
    this.state.conditionDepth--;
    this.state.status = status;
    return status;
  }

  private runPipeline(node: Pipeline): i32 {
    if (node.negate) this.state.conditionDepth++;
    let status = 0;
    if (node.commands.length == 1) status = this.runNode(node.commands[0]);
    else {
      let input = this.io.stdin;
      let failed = 0;
      for (let i = 0; i < node.commands.length; i++) {
        const last = i == node.commands.length - 1;
        const out: Sink = last ? this.io.stdout : new BufferSink();
        const stage = this.fork(new Io(input, out, this.io.stderr));
        const dir = cwd();
        status = stage.runNode(node.commands[i]);
        chdir(dir);
        if (status != 0) failed = status;
        if (!last) input = new BufferSource((<BufferSink>out).buffer);
      }
      if (this.state.pipefail && status == 0) status = failed;
    }
    if (node.negate) {
      this.state.conditionDepth--;
      status = status == 0 ? 1 : 0;
    }
    this.state.status = status;
    return status;
  }

  private runIf(node: IfCommand): i32 {
    for (let i = 0; i < node.conditions.length; i++) {
      const condition = this.runCondition(node.conditions[i]);
      if (this.state.unwinding) return this.state.status;
      if (condition == 0) return this.runList(node.bodies[i]);
    }
    const otherwise = node.elseBody;
    return otherwise !== null ? this.runList(otherwise) : 0;
  }

  /** After a loop body: true to leave the loop (break, return, exit). */
  private leaveLoop(): bool {
    const state = this.state;
    if (state.breakLevels > 0) {
      state.breakLevels--;
      return true;
    }
    if (state.continueLevels > 0) {
      state.continueLevels--;
      return state.continueLevels > 0;
    }
    return state.exiting || state.returning;
  }

  private runLoop(node: LoopCommand): i32 {
    let status = 0;
    this.state.loopDepth++;
    while (true) {
      const condition = this.runCondition(node.condition);
      if (this.state.unwinding) {
        if (this.leaveLoop()) break;
        continue;
      }
      if ((condition == 0) == node.until) break;
      status = this.runList(node.body);
      if (this.leaveLoop()) break;
    }
    this.state.loopDepth--;
    if (!this.state.exiting && !this.state.returning) this.state.status = status;
    return this.state.status;
  }

  private runFor(node: ForCommand): i32 {
    const words = node.words;
    let values: string[];
    if (words === null) values = this.state.positional.slice(0);
    else {
      values = new Array<string>();
      for (let i = 0; i < words.length; i++) {
        const fields = this.expander.fields(words[i]);
        for (let k = 0; k < fields.length; k++) values.push(fields[k]);
      }
    }
    let status = 0;
    this.state.loopDepth++;
    for (let i = 0; i < values.length; i++) {
      this.state.env.set(node.variable, values[i]);
      status = this.runList(node.body);
      if (this.leaveLoop()) break;
    }
    this.state.loopDepth--;
    return status;
  }

  private runCase(node: CaseCommand): i32 {
    const subject = this.expander.string(node.word);
    for (let i = 0; i < node.patterns.length; i++) {
      for (let k = 0; k < node.patterns[i].length; k++) {
        if (fnmatch(this.expander.pattern(node.patterns[i][k]), subject)) return this.runList(node.bodies[i]);
      }
    }
    return 0;
  }
}
