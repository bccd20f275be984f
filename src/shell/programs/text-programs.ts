// Text filters for pipelines: echo, head, tail, wc, sort (grep has its own module). They stream
// where they can, so `kubectl get pods -w | head` prints as events arrive.

import type { Program, ProgramIO } from '../program';

/** Calls `onLine` for each complete line of input as it arrives (and a final partial line). */
export async function eachLine(io: ProgramIO, onLine: (line: string) => void): Promise<void> {
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
