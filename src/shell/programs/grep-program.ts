// grep for pipelines and the shell's files: a regular expression (or fixed text with -F), -i,
// -v, -c, and context: -A N lines after each match, -B N before, -C N both, with `--` between
// groups that are not adjacent, as GNU grep prints them. It streams, so
// `kubectl get pods -w | grep web` prints as events arrive.

import type { Program, ProgramIO } from '../program';
import { eachLine } from './text-programs';

interface GrepOptions {
  flags: Set<string>;
  after: number;
  before: number;
  /** Some context was asked for (even 0 lines): groups get `--` between them. */
  context: boolean;
  pattern?: string;
  files: string[];
}

const CONTEXT_FLAGS: Record<string, 'after' | 'before' | 'both'> = { A: 'after', B: 'before', C: 'both' };

/** Reads grep's arguments; a message for the user when they make no sense. */
function parseArgs(args: string[]): GrepOptions | string {
  const options: GrepOptions = { flags: new Set(), after: 0, before: 0, context: false, files: [] };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const context = /^-([ABC])(\d*)$/.exec(arg);
    if (context) {
      const text = context[2] || args[++i];
      if (text === undefined || !/^\d+$/.test(text)) return `grep: ${text ?? ''}: invalid context length argument\n`;
      const which = CONTEXT_FLAGS[context[1]];
      options.context = true;
      if (which !== 'before') options.after = Number(text);
      if (which !== 'after') options.before = Number(text);
    } else if (/^-[A-Za-z]+$/.test(arg)) {
      for (const flag of arg.slice(1)) options.flags.add(flag);
    } else {
      positional.push(arg);
    }
  }
  [options.pattern, ...options.files] = positional;
  return options;
}

/** Prints matching lines with their context as lines come, separating groups with `--`. */
class ContextPrinter {
  private readonly held: string[] = [];
  private afterLeft = 0;
  private printedAny = false;
  private lastPrinted = -1;
  private index = -1;
  count = 0;

  constructor(
    private readonly options: GrepOptions,
    private readonly matches: (line: string) => boolean,
    private readonly print: (line: string) => void,
  ) {}

  line(line: string): void {
    this.index++;
    if (this.matches(line)) {
      this.count++;
      if (this.options.flags.has('c')) return;
      const first = this.index - this.held.length;
      if (this.printedAny && first > this.lastPrinted + 1 && this.options.context) this.print('--');
      for (const held of this.held) this.print(held);
      this.held.length = 0;
      this.emit(line);
      this.afterLeft = this.options.after;
    } else if (this.afterLeft > 0) {
      this.afterLeft--;
      this.emit(line);
    } else if (this.options.before > 0) {
      this.held.push(line);
      if (this.held.length > this.options.before) this.held.shift();
    }
  }

  private emit(line: string): void {
    this.print(line);
    this.printedAny = true;
    this.lastPrinted = this.index;
  }
}

export const grepProgram: Program = async (io: ProgramIO) => {
  const options = parseArgs(io.argv.slice(1));
  if (typeof options === 'string') {
    io.stderr(options);
    return 2;
  }
  const { flags, pattern, files } = options;
  if (pattern === undefined) {
    io.stderr('Usage: grep [OPTION]... PATTERNS [FILE]...\n');
    return 2;
  }
  let matcher: RegExp;
  try {
    matcher = new RegExp(flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : pattern, flags.has('i') ? 'i' : '');
  } catch {
    io.stderr(`grep: Invalid regular expression\n`);
    return 2;
  }
  const matches = (line: string) => matcher.test(line) !== flags.has('v');
  let count = 0;
  if (files.length > 0) {
    for (const file of files) {
      const text = io.shell.files.read(file);
      if (text === undefined) {
        io.stderr(`grep: ${file}: No such file or directory\n`);
        continue;
      }
      const printer = new ContextPrinter(options, matches, (line) => io.stdout(`${files.length > 1 ? `${file}:` : ''}${line}\n`));
      for (const line of text.split('\n')) if (line !== '') printer.line(line);
      count += printer.count;
    }
  } else {
    const printer = new ContextPrinter(options, matches, (line) => io.stdout(`${line}\n`));
    await eachLine(io, (line) => printer.line(line));
    count = printer.count;
  }
  if (flags.has('c')) io.stdout(`${count}\n`);
  return count > 0 ? 0 : 1;
};
