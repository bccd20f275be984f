// A shell session behind a terminal: prompts, edits lines, collects continuation and heredoc
// lines, runs pipelines of programs (kubectl and friends) with redirections, lets Ctrl+C stop
// the running command, and hands the terminal to interactive commands (exec -it).

import { Cancellation } from '../kubectl/cancellation';
import type { KubectlTerminal } from '../kubectl/context';
import { completeLine } from './completion';
import { LineEditor } from './line-editor';
import type { ProgramIO, ShellContext } from './program';
import { PROGRAMS } from './programs';
import { HeredocReader, needsContinuation, parseLine, SyntaxError, type SimpleCommand } from './syntax';
import { fixedInput, TextPipe, type TextInput } from './text-stream';
import type { ShellSession, TerminalOutput } from './types';

export const PROMPT = '\x1b[1;32mkubetab\x1b[0m:\x1b[1;34m~\x1b[0m$ ';
const CONTINUATION_PROMPT = '> ';

/** Terminal text uses CR LF line ends. */
function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export interface SessionOptions {
  /** Where history is kept between visits (the page persists it). */
  saveHistory?(history: string[]): void;
  /** Text shown once when the session starts. */
  banner?: string;
  /** False for scripts (`npm run shell < commands.txt`): no prompts, no echo, plain text. */
  interactive?: boolean;
}

export function createShellSession(context: Omit<ShellContext, 'terminal' | 'clearScreen'>, out: TerminalOutput, columns: number, rows: number, options: SessionOptions = {}): ShellSession {
  return new Session(context, out, columns, rows, options);
}

class Session implements ShellSession {
  private readonly editor: LineEditor;
  private readonly shell: ShellContext;
  private pending: string[] = [];
  /** The pending lines that are the command itself, not heredoc bodies (quotes count only there). */
  private commandPart: string[] = [];
  private heredocs = new HeredocReader();
  private running?: Cancellation;
  private typeahead = '';
  private captured?: (data: string) => void;
  private resizeListener?: (columns: number, rows: number) => void;
  private lastCompletion = '';
  private idleWaiters: (() => void)[] = [];
  private closeSession!: () => void;
  readonly closed: Promise<void>;

  constructor(
    context: Omit<ShellContext, 'terminal' | 'clearScreen'>,
    private readonly out: TerminalOutput,
    private columns: number,
    private rows: number,
    private readonly options: SessionOptions,
  ) {
    this.closed = new Promise((resolve) => (this.closeSession = resolve));
    const terminal: KubectlTerminal = {
      size: () => ({ columns: this.columns, rows: this.rows }),
      capture: (onInput, onResize) => {
        this.captured = onInput;
        this.resizeListener = onResize;
        return () => {
          this.captured = undefined;
          this.resizeListener = undefined;
        };
      },
    };
    this.shell = { ...context, terminal, clearScreen: () => this.out.write('\x1b[2J\x1b[3J\x1b[H') };
    const quiet = options.interactive === false;
    this.editor = new LineEditor((text) => quiet || this.out.write(text), columns, this.shell.history);
    if (options.banner) this.out.write(toTerminal(options.banner));
    this.editor.start(PROMPT);
  }

  input(data: string): void {
    if (this.captured) {
      this.captured(data);
      return;
    }
    if (this.running) {
      if (data.includes('\x03')) {
        this.out.write('^C\r\n');
        this.running.cancel();
      } else {
        this.typeahead += data;
      }
      return;
    }
    for (const event of this.editor.handle(data)) {
      if (event.type === 'submit') void this.submit(event.line);
      else if (event.type === 'interrupt') this.reset();
      else if (event.type === 'clear') {
        this.shell.clearScreen();
        this.editor.start(this.pending.length > 0 ? CONTINUATION_PROMPT : PROMPT);
      } else if (event.type === 'eof') {
        this.out.write('exit\r\n');
        this.closeSession();
      } else if (event.type === 'complete') void this.complete();
      if (this.running) break;
    }
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.editor.columns = columns;
    this.resizeListener?.(columns, rows);
  }

  async run(line: string): Promise<void> {
    while (this.running) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    this.editor.insert(line);
    if (this.options.interactive !== false) this.out.write('\r\n');
    await this.submit(line);
  }

  dispose(): void {
    this.running?.cancel();
    this.closeSession();
  }

  private reset(): void {
    this.pending = [];
    this.commandPart = [];
    this.heredocs = new HeredocReader();
    this.editor.start(PROMPT);
  }

  private async complete(): Promise<void> {
    const before = this.editor.buffer.slice(0, this.editor.cursor);
    const result = await completeLine(before, this.shell).catch(() => undefined);
    if (!result) return;
    if (result.insert) {
      this.editor.insert(result.insert);
      this.lastCompletion = '';
    } else if (result.candidates.length > 1) {
      if (this.lastCompletion === before) {
        this.out.write(`\r\n${result.candidates.join('  ')}\r\n`);
        this.editor.start(PROMPT);
        this.editor.insert(before);
      }
      this.lastCompletion = before;
    }
  }

  private async submit(line: string): Promise<void> {
    this.pending.push(line);
    if (this.heredocs.read(line) === 'command') this.commandPart.push(line);
    if (this.heredocs.inBody || needsContinuation(this.commandPart.join('\n'))) {
      this.editor.start(CONTINUATION_PROMPT);
      return;
    }
    const text = this.pending.join('\n');
    this.pending = [];
    this.commandPart = [];
    if (text.trim() !== '') {
      this.shell.history.push(text);
      this.options.saveHistory?.(this.shell.history);
    }
    const cancellation = new Cancellation();
    this.running = cancellation;
    try {
      await Promise.race([this.execute(text, cancellation), new Promise<void>((resolve) => cancellation.onCancel(resolve))]);
    } finally {
      this.running = undefined;
      this.captured = undefined;
    }
    this.editor.start(PROMPT);
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    const typed = this.typeahead;
    this.typeahead = '';
    if (typed) this.input(typed);
  }

  /** Runs a logical line: its first line is the command, the rest are heredoc bodies. */
  private async execute(text: string, signal: Cancellation): Promise<void> {
    const [first, ...rest] = text.split('\n');
    let commandText = first;
    const bodies: string[] = [];
    const heredocs = new HeredocReader();
    heredocs.read(first);
    if (!heredocs.inBody) commandText = text.replace(/\\\n/g, '').replace(/\n/g, ' ');
    else {
      let body: string[] = [];
      for (const line of rest) {
        const part = heredocs.read(line);
        if (part === 'body') body.push(line);
        if (part === 'end') {
          bodies.push(body.length > 0 ? `${body.join('\n')}\n` : '');
          body = [];
        }
      }
    }
    let pipelines;
    try {
      pipelines = parseLine(commandText, this.shell.env);
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      this.out.write(toTerminal(`kubetab: ${error.message}\n`));
      this.shell.env['?'] = '2';
      return;
    }
    let status = 0;
    let heredocIndex = 0;
    for (const pipeline of pipelines) {
      if (signal.cancelled) return;
      if (pipeline.joiner === '&&' && status !== 0) continue;
      if (pipeline.joiner === '||' && status === 0) continue;
      status = await this.runPipeline(pipeline.commands, signal, () => bodies[heredocIndex++] ?? '');
      this.shell.env['?'] = String(status);
    }
  }

  private async runPipeline(commands: SimpleCommand[], signal: Cancellation, nextHeredoc: () => string): Promise<number> {
    let input: TextInput = fixedInput('');
    let fromTerminal = true;
    const runs: Promise<number>[] = [];
    commands.forEach((command, index) => {
      const last = index === commands.length - 1;
      const pipe = last ? undefined : new TextPipe();
      let stdin = input;
      let stdinIsTerminal = fromTerminal;
      let outputFile: { path: string; append: boolean } | undefined;
      let captured = '';
      for (const redirect of command.redirections) {
        if (redirect.kind === '<<') {
          stdin = fixedInput(nextHeredoc());
          stdinIsTerminal = false;
        } else if (redirect.kind === '<') {
          const text = this.shell.files.read(redirect.target);
          stdin = fixedInput(text ?? '');
          stdinIsTerminal = false;
          if (text === undefined) this.out.write(toTerminal(`kubetab: ${redirect.target}: No such file or directory\n`));
        } else {
          outputFile = { path: redirect.target, append: redirect.kind === '>>' };
        }
      }
      const io: ProgramIO = {
        argv: command.words,
        stdin,
        stdinIsTerminal,
        stdout: (text) => {
          if (outputFile) captured += text;
          else if (pipe) pipe.write(text);
          else this.out.write(toTerminal(text));
        },
        stderr: (text) => this.out.write(toTerminal(text)),
        signal,
        shell: this.shell,
      };
      runs.push(
        this.runCommand(io).finally(() => {
          if (outputFile) this.shell.files.write(outputFile.path, captured, outputFile.append);
          pipe?.close();
        }),
      );
      if (pipe) {
        input = pipe;
        fromTerminal = false;
      }
    });
    const statuses = await Promise.all(runs);
    return statuses[statuses.length - 1];
  }

  private async runCommand(io: ProgramIO): Promise<number> {
    const name = io.argv[0];
    if (name === undefined) return 0;
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(name);
    if (assignment && io.argv.length === 1) {
      this.shell.env[assignment[1]] = assignment[2];
      return 0;
    }
    if (name === 'exit') {
      this.closeSession();
      return 0;
    }
    const program = PROGRAMS[name];
    if (!program) {
      io.stderr(`kubetab: ${name}: command not found\n`);
      return 127;
    }
    try {
      return await program(io);
    } catch (error) {
      io.stderr(`${name}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
  }
}
