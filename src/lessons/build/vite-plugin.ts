// A Vite plugin (build time, in Node) that turns lessons/*/index.md into the module
// `virtual:kubetab-lessons` (the index of lessons, and a loader for each) and one module
// `virtual:kubetab-lessons/<id>` per lesson: parsed (front matter, steps, checks), its markdown
// tokenised by marked's lexer and shipped without the source text the page never reads.
// Lessons are re-read when they change during `npm start`.

import { Lexer, type MarkedToken } from 'marked';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { parseLesson } from '../lesson-parser';
import type { RenderedLesson } from '../../ui/lessons/rendered-lesson';

const MODULE_ID = 'virtual:kubetab-lessons';
const RESOLVED_ID = `\0${MODULE_ID}`;
const LESSON_PREFIX = `${MODULE_ID}/`;
const LESSONS = fileURLToPath(new URL('../../../lessons/', import.meta.url));

/**
 * A token tree as the page needs it (src/ui/markdown): without each token's `raw` source, and
 * without `text` where the token has child `tokens` (the page renders those instead).
 */
function shippedTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shippedTokens);
  if (value === null || typeof value !== 'object') return value;
  const token = value as Record<string, unknown>;
  const kept = Object.entries(token).filter(([key]) => key !== 'raw' && !(key === 'text' && Array.isArray(token.tokens)));
  return Object.fromEntries(kept.map(([key, child]) => [key, shippedTokens(child)]));
}

function tokens(markdown: string): MarkedToken[] {
  return shippedTokens(Lexer.lex(markdown, { gfm: true })) as MarkedToken[];
}

/** One lesson folder rendered: undefined without an index.md; a lesson that does not parse throws. */
async function renderLesson(id: string, onFile: (path: string) => void): Promise<RenderedLesson | undefined> {
  const path = `${LESSONS}${id}/index.md`;
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  onFile(path);
  const { intro, steps, ...lesson } = parseLesson(id, source);
  return { ...lesson, introTokens: tokens(intro), steps: steps.map(({ markdown, ...step }) => ({ ...step, tokens: tokens(markdown) })) };
}

export async function renderLessons(onFile: (path: string) => void = () => undefined): Promise<{ lessons: RenderedLesson[]; errors: string[] }> {
  const lessons: RenderedLesson[] = [];
  const errors: string[] = [];
  const folders = (await readdir(LESSONS, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const id of folders.sort()) {
    try {
      const lesson = await renderLesson(id, onFile);
      if (lesson) lessons.push(lesson);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { lessons, errors };
}

/** The index module: each lesson's title, order and step ids, and its loader. */
function indexModule(lessons: RenderedLesson[], errors: string[]): string {
  const index = lessons.map(({ id, title, order, steps }) => ({ id, title, order, steps: steps.map((step) => ({ id: step.id })) }));
  const loaders = lessons.map(({ id }) => `${JSON.stringify(id)}: () => import(${JSON.stringify(LESSON_PREFIX + id)})`);
  return `export default ${JSON.stringify({ lessons: index, errors })};\nexport const loaders = {${loaders.join(', ')}};\n`;
}

export function lessonsPlugin(): Plugin {
  return {
    name: 'kubetab-lessons',
    resolveId: (id) => (id === MODULE_ID || id.startsWith(LESSON_PREFIX) ? `\0${id}` : undefined),
    async load(id) {
      const onFile = (path: string) => this.addWatchFile(path);
      if (id === RESOLVED_ID) {
        const { lessons, errors } = await renderLessons(onFile);
        return indexModule(lessons, errors);
      }
      if (!id.startsWith(`\0${LESSON_PREFIX}`)) return undefined;
      // The index imports each lesson by its folder name; nothing else names a folder.
      const folder = id.slice(`\0${LESSON_PREFIX}`.length);
      if (!/^[\w-]+$/.test(folder)) return undefined;
      const lesson = await renderLesson(folder, onFile);
      return lesson ? `export default ${JSON.stringify(lesson)};\n` : undefined;
    },
  };
}
