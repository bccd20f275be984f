// A Vite plugin (build time, in Node) that turns lessons/*/index.md into the module
// `virtual:kubetab-lessons`: each lesson parsed (front matter, steps, checks) and its markdown
// tokenised by marked's lexer. Lessons are re-read when they change during `npm start`.

import { Lexer, type MarkedToken } from 'marked';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { parseLesson } from '../lesson-parser';
import type { RenderedCatalog, RenderedLesson } from '../../ui/lessons/rendered-lesson';

const MODULE_ID = 'virtual:kubetab-lessons';
const RESOLVED_ID = `\0${MODULE_ID}`;
const LESSONS = fileURLToPath(new URL('../../../lessons/', import.meta.url));

function tokens(markdown: string): MarkedToken[] {
  return Lexer.lex(markdown, { gfm: true }) as MarkedToken[];
}

export async function renderLessons(onFile: (path: string) => void = () => undefined): Promise<RenderedCatalog> {
  const lessons: RenderedLesson[] = [];
  const errors: string[] = [];
  const folders = (await readdir(LESSONS, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  for (const id of folders.sort()) {
    const path = `${LESSONS}${id}/index.md`;
    let source: string;
    try {
      source = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    onFile(path);
    try {
      const lesson = parseLesson(id, source);
      lessons.push({ ...lesson, introTokens: tokens(lesson.intro), steps: lesson.steps.map((step) => ({ ...step, tokens: tokens(step.markdown) })) });
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  lessons.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { lessons, errors };
}

export function lessonsPlugin(): Plugin {
  return {
    name: 'kubetab-lessons',
    resolveId: (id) => (id === MODULE_ID ? RESOLVED_ID : undefined),
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const catalog = await renderLessons((path) => this.addWatchFile(path));
      return `export default ${JSON.stringify(catalog)};`;
    },
  };
}
