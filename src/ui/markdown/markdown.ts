// Lesson markdown tokens (lexed at build time) for Svelte components to render as text, never
// as HTML. Also the two decisions the components need: which link targets are safe
// to follow, and which code blocks are commands that can run in the terminal.

import type { MarkedToken, Token } from 'marked';
import { HeredocReader } from '../../shell/syntax';

/** Runs command lines in the terminal (the terminal's ShellLink). */
export interface CommandRunner {
  readonly connected: boolean;
  readonly running: boolean;
  run(lines: readonly string[]): Promise<void>;
}

/** Child tokens, typed as the tokens marked itself produces. */
export function children(tokens: Token[] | undefined): MarkedToken[] {
  return (tokens ?? []) as MarkedToken[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text as the author meant it: character references (`&amp;`, `&#39;`) decoded, nothing else. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The href when it is an http(s) or mailto URL or a same-page anchor; undefined otherwise. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return trimmed;
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : undefined;
}

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console']);

/** Code blocks in these languages are commands: they get a Run button. */
export function isCommandBlock(lang: string | undefined): boolean {
  return SHELL_LANGUAGES.has((lang ?? '').toLowerCase());
}

/** Code blocks marked `text` or `output` show what a command prints. */
export function isOutputBlock(lang: string | undefined): boolean {
  const value = (lang ?? '').toLowerCase();
  return value === 'text' || value === 'output';
}

/**
 * The lines of a block to type into the terminal: continuation lines (ending in a backslash)
 * joined, blank lines and `#` comments left out; but a heredoc's body and closing delimiter go
 * as written, with the indentation, blank lines and comments a manifest needs.
 */
export function commandLines(code: string): string[] {
  const lines: string[] = [];
  const heredocs = new HeredocReader();
  let continued = '';
  for (const raw of code.split('\n')) {
    if (heredocs.inBody) {
      lines.push(raw);
      heredocs.read(raw);
      continue;
    }
    const line = continued + raw.trim();
    if (line.endsWith('\\')) {
      continued = `${line.slice(0, -1).trimEnd()} `;
      continue;
    }
    continued = '';
    if (line === '' || line.startsWith('#')) continue;
    lines.push(line);
    heredocs.read(line);
  }
  return lines;
}
