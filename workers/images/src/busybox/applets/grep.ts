// grep [-EFivcnqswxolhH] [-e PATTERN]... PATTERN [FILE]...

import { Context } from "../context";
import { linesOf, readInput } from "../input";
import { Options, parseOptions } from "../options";
import { isWordChar, Match, Regex } from "../regex";

class Matcher {
  regexes: Regex[] = [];
  fixed: string[] = [];
  constructor(public opts: Options) {}

  /** Matches in `line`, leftmost first, honouring -w; empty when none. */
  matches(line: string): Match[] {
    const out = new Array<Match>();
    let from = 0;
    while (from <= line.length) {
      const found = this.first(line, from);
      if (found === null) break;
      out.push(found);
      from = found.end > found.start ? found.end : found.end + 1;
    }
    return out;
  }

  selects(line: string): bool {
    if (this.opts.has("x")) return this.wholeLine(line);
    return this.first(line, 0) !== null;
  }

  private wholeLine(line: string): bool {
    const ignoreCase = this.opts.has("i");
    for (let i = 0; i < this.fixed.length; i++) {
      if (ignoreCase ? line.toLowerCase() == this.fixed[i].toLowerCase() : line == this.fixed[i]) return true;
    }
    for (let i = 0; i < this.regexes.length; i++) if (this.regexes[i].matchesWhole(line)) return true;
    return false;
  }

  private candidate(line: string, from: i32): Match | null {
    let best: Match | null = null;
    const ignoreCase = this.opts.has("i");
    const haystack = ignoreCase ? line.toLowerCase() : line;
    for (let i = 0; i < this.fixed.length; i++) {
      const needle = ignoreCase ? this.fixed[i].toLowerCase() : this.fixed[i];
      const at = haystack.indexOf(needle, from);
      if (at >= 0 && (best === null || at < best.start)) best = new Match(at, at + needle.length);
    }
    for (let i = 0; i < this.regexes.length; i++) {
      const found = this.regexes[i].find(line, from);
      if (found !== null && (best === null || found.start < best.start)) best = found;
    }
    return best;
  }

  private first(line: string, from: i32): Match | null {
    let at = from;
    while (at <= line.length) {
      const found = this.candidate(line, at);
      if (found === null) return null;
      if (!this.opts.has("w") || isWholeWord(line, found)) return found;
      at = found.start + 1;
    }
    return null;
  }
}

function isWholeWord(line: string, m: Match): bool {
  const before = m.start == 0 || !isWordChar(line.charCodeAt(m.start - 1));
  const after = m.end >= line.length || !isWordChar(line.charCodeAt(m.end));
  return before && after && m.end > m.start;
}

export function grep(ctx: Context): i32 {
  const opts = parseOptions(ctx, "EFivcnqswxolhHre:");
  if (opts.bad) return 2;
  const patterns = new Array<string>();
  const operands = opts.operands;
  if (opts.has("e")) {
    for (let i = 1; i < ctx.args.length; i++) if (ctx.args[i] == "-e" && i + 1 < ctx.args.length) patterns.push(ctx.args[i + 1]);
    if (patterns.length == 0) patterns.push(opts.value("e", ""));
  } else {
    if (operands.length == 0) {
      ctx.stderr.write("Usage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n");
      return 2;
    }
    patterns.push(operands.shift());
  }
  const matcher = new Matcher(opts);
  for (let i = 0; i < patterns.length; i++) {
    const lines = patterns[i].split("\n");
    for (let j = 0; j < lines.length; j++) {
      if (opts.has("F")) matcher.fixed.push(lines[j]);
      else {
        const regex = new Regex(lines[j], opts.has("E"), opts.has("i"));
        if (regex.error !== null) {
          ctx.error("bad regex '" + lines[j] + "': " + (<string>regex.error));
          return 2;
        }
        matcher.regexes.push(regex);
      }
    }
  }
  const files = operands.length > 0 ? operands : ["-"];
  const prefix = (files.length > 1 || opts.has("H")) && !opts.has("h");
  let selected = false;
  let trouble = false;
  for (let f = 0; f < files.length; f++) {
    const data = readInput(ctx, files[f], true);
    if (data === null) {
      trouble = true;
      continue;
    }
    const name = files[f] == "-" ? "(standard input)" : files[f];
    const lines = linesOf(data.toString());
    let count = 0;
    for (let i = 0; i < lines.length; i++) {
      const hit = matcher.selects(lines[i]) != opts.has("v");
      if (!hit) continue;
      count++;
      selected = true;
      if (opts.has("q")) return 0;
      if (opts.has("l")) break;
      if (opts.has("c")) continue;
      const lead = (prefix ? name + ":" : "") + (opts.has("n") ? (i + 1).toString() + ":" : "");
      if (opts.has("o") && !opts.has("v")) {
        const found = matcher.matches(lines[i]);
        for (let k = 0; k < found.length; k++) {
          if (found[k].end > found[k].start) ctx.out(lead + lines[i].substring(found[k].start, found[k].end) + "\n");
        }
      } else ctx.out(lead + lines[i] + "\n");
    }
    if (opts.has("l") && count > 0) ctx.out(name + "\n");
    else if (opts.has("c")) ctx.out((prefix ? name + ":" : "") + count.toString() + "\n");
  }
  if (trouble && !(opts.has("q") && selected)) return 2;
  return selected ? 0 : 1;
}
