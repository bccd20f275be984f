// One container run's log, as the runtime writes it to disk and the kubelet serves it: lines
// with their timestamps and stream, capped in size (oldest lines dropped) so a log flood cannot
// exhaust memory, readable whole or from the tail, and followable until the container ends.
// Attached clients (pods/attach) tap the raw output as the program writes it.

import type { LogOptions } from '../../../src/apiserver/kubelet-connector';

export const LOG_CAP_BYTES = 1024 * 1024;

interface LogLine {
  at: number;
  text: string;
  /** False for the unterminated last line of a run. */
  newline: boolean;
}

export interface LogReadOptions {
  tailLines?: number;
  sinceMs?: number;
  limitBytes?: number;
  timestamps: boolean;
}

/** What a pods/log request asks to read, with `sinceSeconds` counted back from `now`. */
export function logReadOptions(options: LogOptions, now: number): LogReadOptions {
  const sinceMs = options.sinceTime ? Date.parse(options.sinceTime) : options.sinceSeconds !== undefined ? now - options.sinceSeconds * 1000 : undefined;
  return { tailLines: options.tailLines, sinceMs, limitBytes: options.limitBytes, timestamps: options.timestamps };
}

type Follower = (text: string | null) => void;

/** Raw output chunks as written, then null when the run ends. */
export type OutputTap = (stream: 'stdout' | 'stderr', text: string | null) => void;

/** RFC 3339 with nanoseconds, as CRI log timestamps are. */
export function logTimestamp(at: number): string {
  const micros = Math.round((at % 1) * 1_000_000);
  return new Date(Math.floor(at)).toISOString().replace(/\.(\d{3})Z$/, (_m, ms: string) => `.${ms}${String(micros).padStart(6, '0')}Z`);
}

export class ContainerLog {
  private lines: LogLine[] = [];
  private bytes = 0;
  private partial = { stdout: '', stderr: '' };
  private followers = new Map<Follower, boolean>();
  private readonly taps = new Set<OutputTap>();
  private closed = false;

  get isClosed(): boolean {
    return this.closed;
  }

  append(stream: 'stdout' | 'stderr', text: string, at: number): void {
    if (this.closed) return;
    for (const tap of this.taps) tap(stream, text);
    const pieces = (this.partial[stream] + text).split('\n');
    this.partial[stream] = pieces.pop() ?? '';
    for (const piece of pieces) this.push({ at, text: piece, newline: true });
  }

  /** Ends the run: flushes unterminated output and ends every follower. */
  close(at: number): void {
    if (this.closed) return;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream]) this.push({ at, text: this.partial[stream], newline: false });
      this.partial[stream] = '';
    }
    this.closed = true;
    for (const follower of this.followers.keys()) follower(null);
    this.followers.clear();
    for (const tap of this.taps) tap('stdout', null);
    this.taps.clear();
  }

  /** Sends output written from now on, chunk by chunk, then null when the run ends; returns stop. */
  tap(listener: OutputTap): () => void {
    if (this.closed) {
      listener('stdout', null);
      return () => undefined;
    }
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  read(options: LogReadOptions): string {
    return this.selected(options)
      .map((line) => this.format(line, options.timestamps))
      .join('')
      .slice(0, options.limitBytes ?? Infinity);
  }

  /** Sends what `read` would, then each new line, then null when the run ends; returns stop. */
  follow(options: LogReadOptions, send: Follower): () => void {
    const existing = this.read(options);
    if (existing) send(existing);
    if (this.closed) {
      send(null);
      return () => undefined;
    }
    const follower: Follower = (text) => send(text);
    this.followers.set(follower, options.timestamps);
    return () => this.followers.delete(follower);
  }

  private selected(options: LogReadOptions): LogLine[] {
    let lines = this.lines;
    if (options.sinceMs !== undefined) lines = lines.filter((line) => line.at >= (options.sinceMs as number));
    if (options.tailLines !== undefined) lines = options.tailLines === 0 ? [] : lines.slice(-options.tailLines);
    return lines;
  }

  private format(line: LogLine, timestamps: boolean): string {
    return `${timestamps ? `${logTimestamp(line.at)} ` : ''}${line.text}${line.newline ? '\n' : ''}`;
  }

  private push(line: LogLine): void {
    this.lines.push(line);
    this.bytes += line.text.length + 1;
    while (this.bytes > LOG_CAP_BYTES && this.lines.length > 1) {
      const dropped = this.lines.shift() as LogLine;
      this.bytes -= dropped.text.length + 1;
    }
    for (const [follower, timestamps] of this.followers) follower(this.format(line, timestamps));
  }
}
