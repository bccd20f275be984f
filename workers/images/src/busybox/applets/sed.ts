// sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...: the stream editor, running a
// script (sed-script.ts) over each line, with a hold space and in-place editing.

import { readFile, writeFile } from "../../lib/fs";
import { Context } from "../context";
import { linesOf, readInput } from "../input";
import { Address, AddressKind, parseSedScript, SedCommand, SedScript } from "./sed-script";

const USAGE = "Usage: sed [-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n   or: sed [-i[SFX]] [-nrE] CMD [FILE]...\n";

/** What a cycle ended with: on to the next line, or stop (q, Q, or no more input for n/N). */
enum Flow { Next, Quit, QuitSilently }

class Editor {
  lines: string[] = [];
  index: i32 = 0;
  lineNumber: i32 = 0;
  space: string = "";
  hold: string = "";
  appended: string = "";
  out: string = "";
  status: i32 = 0;

  constructor(public script: SedScript, public quiet: bool) {}

  get atLast(): bool {
    return this.index >= this.lines.length;
  }

  matches(address: Address): bool {
    if (address.kind == AddressKind.Line) return this.lineNumber == address.line;
    if (address.kind == AddressKind.Last) return this.atLast;
    const regex = address.regex;
    return regex !== null && regex.test(this.space);
  }

  selects(cmd: SedCommand): bool {
    let selected: bool;
    if (cmd.first.kind == AddressKind.None) selected = true;
    else if (cmd.second.kind == AddressKind.None) selected = this.matches(cmd.first);
    else if (cmd.active) {
      selected = true;
      const second = cmd.second;
      if (second.kind == AddressKind.Line ? this.lineNumber >= second.line : this.matches(second)) cmd.active = false;
    } else {
      selected = this.matches(cmd.first);
      if (selected) cmd.active = !(cmd.second.kind == AddressKind.Line && cmd.second.line <= this.lineNumber) && !(cmd.second.kind == AddressKind.Last && this.atLast);
    }
    return selected != cmd.negate;
  }

  substitute(cmd: SedCommand): bool {
    const regex = cmd.regex!;
    const text = this.space;
    let out = "";
    let from = 0;
    let copied = 0;
    let count = 0;
    let replaced = false;
    while (from <= text.length) {
      const found = regex.find(text, from);
      if (found === null) break;
      count++;
      if (count >= cmd.occurrence) {
        out += text.substring(copied, found.start) + expand(cmd.text, text, regex.captures(text, found.start, found.end));
        copied = found.end;
        replaced = true;
        if (!cmd.global) break;
      }
      from = found.end > found.start ? found.end : found.end + 1;
    }
    if (!replaced) return false;
    this.space = out + text.substring(copied);
    return true;
  }

  transliterate(cmd: SedCommand): void {
    let out = "";
    for (let i = 0; i < this.space.length; i++) {
      const at = cmd.from.indexOf(this.space.charAt(i));
      out += at >= 0 ? cmd.text.charAt(at) : this.space.charAt(i);
    }
    this.space = out;
  }

  nextLine(): bool {
    if (this.atLast) return false;
    this.space = this.lines[this.index++];
    this.lineNumber++;
    return true;
  }

  /** Runs the script over the pattern space, then prints it unless told not to. */
  run(): Flow {
    const commands = this.script.commands;
    let pc = 0;
    while (pc < commands.length) {
      const cmd = commands[pc++];
      if (!this.selects(cmd)) {
        if (cmd.name == "{") pc = cmd.blockEnd;
        continue;
      }
      const name = cmd.name;
      if (name == "s") {
        if (this.substitute(cmd) && cmd.print) this.out += this.space + "\n";
      } else if (name == "y") this.transliterate(cmd);
      else if (name == "p") this.out += this.space + "\n";
      else if (name == "P") this.out += this.space.split("\n")[0] + "\n";
      else if (name == "d") return Flow.Next;
      else if (name == "=") this.out += this.lineNumber.toString() + "\n";
      else if (name == "a") this.appended += cmd.text + "\n";
      else if (name == "i") this.out += cmd.text + "\n";
      else if (name == "c") {
        if (!cmd.active) this.out += cmd.text + "\n";
        return Flow.Next;
      } else if (name == "h") this.hold = this.space;
      else if (name == "H") this.hold += "\n" + this.space;
      else if (name == "g") this.space = this.hold;
      else if (name == "G") this.space += "\n" + this.hold;
      else if (name == "x") {
        const swap = this.hold;
        this.hold = this.space;
        this.space = swap;
      } else if (name == "n") {
        if (!this.quiet) this.out += this.space + "\n";
        this.flushAppended();
        if (!this.nextLine()) return Flow.QuitSilently;
      } else if (name == "N") {
        const previous = this.space;
        if (!this.nextLine()) return Flow.Quit;
        this.space = previous + "\n" + this.space;
      } else if (name == "q" || name == "Q") {
        this.status = cmd.status;
        return name == "q" ? Flow.Quit : Flow.QuitSilently;
      }
    }
    return this.endCycle();
  }

  endCycle(): Flow {
    if (!this.quiet) this.out += this.space + "\n";
    this.flushAppended();
    return Flow.Next;
  }

  flushAppended(): void {
    this.out += this.appended;
    this.appended = "";
  }

  /** Edits `lines`; false once a q or Q said to stop. */
  edit(lines: string[]): bool {
    this.lines = lines;
    this.index = 0;
    while (this.nextLine()) {
      const flow = this.run();
      if (flow == Flow.Quit) this.endCycle();
      if (flow != Flow.Next) return false;
      this.flushAppended();
    }
    return true;
  }
}

/** The replacement with & (the match), \1..\9 (groups) and escaped characters. */
function expand(replacement: string, text: string, groups: i32[]): string {
  let out = "";
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement.charAt(i);
    if (c == "&") out += text.substring(groups[0], groups[1]);
    else if (c == "\\" && i + 1 < replacement.length) {
      const next = replacement.charCodeAt(++i);
      const group = next - 48;
      if (group >= 1 && group <= 9) {
        if (group * 2 + 1 < groups.length && groups[group * 2] >= 0) out += text.substring(groups[group * 2], groups[group * 2 + 1]);
      } else out += String.fromCharCode(next);
    } else out += c;
  }
  return out;
}

class SedOptions {
  quiet: bool = false;
  extended: bool = false;
  inPlace: bool = false;
  suffix: string = "";
  script: string[] = [];
  files: string[] = [];
  bad: bool = false;
}

function parseSedOptions(ctx: Context): SedOptions {
  const opts = new SedOptions();
  const args = ctx.args;
  let i = 1;
  for (; i < args.length && !opts.bad; i++) {
    const arg = args[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (arg.length < 2 || !arg.startsWith("-")) {
      opts.files.push(arg);
      continue;
    }
    for (let k = 1; k < arg.length; k++) {
      const letter = arg.charAt(k);
      if (letter == "n") opts.quiet = true;
      else if (letter == "r" || letter == "E") opts.extended = true;
      else if (letter == "s") continue;
      else if (letter == "i") {
        opts.inPlace = true;
        opts.suffix = arg.substring(k + 1);
        break;
      } else if (letter == "e" || letter == "f") {
        const value = k + 1 < arg.length ? arg.substring(k + 1) : i + 1 < args.length ? args[++i] : null;
        if (value === null) {
          ctx.error("option requires an argument: " + letter);
          opts.bad = true;
        } else if (letter == "e") opts.script.push(value);
        else {
          const text = readFile(value);
          if (text === null) {
            ctx.error("can't open '" + value + "': No such file or directory");
            opts.bad = true;
          } else opts.script.push(text);
        }
        break;
      } else {
        ctx.error("unrecognized option: " + letter);
        opts.bad = true;
        break;
      }
    }
  }
  for (; i < args.length; i++) opts.files.push(args[i]);
  if (!opts.bad && opts.script.length == 0) {
    if (opts.files.length == 0) {
      ctx.stderr.write(USAGE);
      opts.bad = true;
    } else opts.script.push(opts.files.shift());
  }
  return opts;
}

export function sed(ctx: Context): i32 {
  const opts = parseSedOptions(ctx);
  if (opts.bad) return 1;
  const script = parseSedScript(opts.script.join("\n"), opts.extended);
  if (script.error !== null) {
    ctx.error(<string>script.error);
    return 1;
  }
  const editor = new Editor(script, opts.quiet);
  const files = opts.files.length > 0 ? opts.files : ["-"];
  let failed = false;
  if (opts.inPlace) {
    for (let f = 0; f < files.length; f++) {
      const data = readInput(ctx, files[f], true);
      if (data === null) {
        failed = true;
        continue;
      }
      editor.out = "";
      editor.lineNumber = 0;
      const more = editor.edit(linesOf(data.toString()));
      if (opts.suffix.length > 0) writeFile(files[f] + opts.suffix, data.toBuffer());
      writeFile(files[f], String.UTF8.encode(editor.out));
      if (!more) break;
    }
    return failed ? 1 : editor.status;
  }
  let lines = new Array<string>();
  for (let f = 0; f < files.length; f++) {
    const data = readInput(ctx, files[f], true);
    if (data === null) failed = true;
    else lines = lines.concat(linesOf(data.toString()));
  }
  editor.edit(lines);
  ctx.out(editor.out);
  return failed ? 1 : editor.status;
}
