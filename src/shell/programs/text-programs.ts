// Text filters for pipelines: echo, grep, head, tail, wc, sort. They stream where they can,
// so `kubectl get pods -w | grep web` prints as events arrive.

import type { Program, ProgramIO } from '../program';

/** Calls `onLine` for each complete line of input as it arrives (and a final partial line). */
async function eachLine(io: ProgramIO, onLine: (line: string) => void): Promise<void> {
  let partial = '';
  for (let chunk = await io.stdin.read(); chunk !== null; chunk = await io.stdin.read()) {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  }
  if (partial) onLine(partial);
}

export const echoProgram: Program = async (io) => {
  const args = io.argv.slice(1);
  const noNewline = args[0] === '-n';
  const words = noNewline ? args.slice(1) : args;
  io.stdout(words.join(' ') + (noNewline ? '' : '\n'));
  return 0;
};

export const grepProgram: Program = async (io) => {
  const args = io.argv.slice(1);
  const flags = new Set(args.filter((a) => /^-[A-Za-z]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
  const rest = args.filter((a) => !/^-[A-Za-z]+$/.test(a));
  const pattern = rest[0];
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
  let count = 0;
  const test = (line: string) => matcher.test(line) !== flags.has('v');
  const files = rest.slice(1);
  if (files.length > 0) {
    for (const file of files) {
      const text = io.shell.files.read(file);
      if (text === undefined) {
        io.stderr(`grep: ${file}: No such file or directory\n`);
        continue;
      }
      for (const line of text.split('\n')) if (line !== '' && test(line)) {
        count++;
        if (!flags.has('c')) io.stdout(`${files.length > 1 ? `${file}:` : ''}${line}\n`);
      }
    }
  } else {
    await eachLine(io, (line) => {
      if (!test(line)) return;
      count++;
      if (!flags.has('c')) io.stdout(`${line}\n`);
    });
  }
  if (flags.has('c')) io.stdout(`${count}\n`);
  return count > 0 ? 0 : 1;
};

function lineCount(args: string[], fallback: number): number {
  const index = args.indexOf('-n');
  const value = index >= 0 ? args[index + 1] : args.find((a) => /^-\d+$/.test(a))?.slice(1);
  const n = Number(value ?? fallback);
  return Number.isFinite(n) ? n : fallback;
}

export const headProgram: Program = async (io) => {
  const n = lineCount(io.argv.slice(1), 10);
  let seen = 0;
  await eachLine(io, (line) => {
    if (seen++ < n) io.stdout(`${line}\n`);
  });
  return 0;
};

export const tailProgram: Program = async (io) => {
  const n = lineCount(io.argv.slice(1), 10);
  const lines: string[] = [];
  await eachLine(io, (line) => {
    lines.push(line);
    if (lines.length > n) lines.shift();
  });
  for (const line of lines) io.stdout(`${line}\n`);
  return 0;
};

export const wcProgram: Program = async (io) => {
  const text = await io.stdin.readAll();
  const lines = (text.match(/\n/g) ?? []).length;
  const words = text.split(/\s+/).filter((w) => w !== '').length;
  if (io.argv.includes('-l')) io.stdout(`${lines}\n`);
  else if (io.argv.includes('-w')) io.stdout(`${words}\n`);
  else if (io.argv.includes('-c')) io.stdout(`${new TextEncoder().encode(text).length}\n`);
  else io.stdout(`${String(lines).padStart(7)} ${String(words).padStart(7)} ${String(new TextEncoder().encode(text).length).padStart(7)}\n`);
  return 0;
};

export const sortProgram: Program = async (io) => {
  const lines: string[] = [];
  await eachLine(io, (line) => lines.push(line));
  lines.sort();
  if (io.argv.includes('-r')) lines.reverse();
  for (const line of lines) io.stdout(`${line}\n`);
  return 0;
};
