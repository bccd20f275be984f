// Lessons as the page ships them: the lesson model with each text's markdown already split into
// tokens at build time (src/lessons/build/vite-plugin.ts), so the page needs neither a YAML
// parser nor a markdown lexer to show them. The markdown source itself is not shipped, and
// tokens come without what the page never reads (see shippedTokens), to keep the first load
// small as lessons are added. The page loads an index of every lesson (titles and step ids, for
// the picker and progress) and each lesson's text only when it is opened.

import type { MarkedToken } from 'marked';
import type { Lesson, LessonStep } from '../../lessons/lesson-types';

export interface RenderedStep extends Omit<LessonStep, 'markdown'> {
  tokens: MarkedToken[];
}

export interface RenderedLesson extends Omit<Lesson, 'steps' | 'intro'> {
  introTokens: MarkedToken[];
  steps: RenderedStep[];
}

/** What the page knows of a lesson before opening it. */
export interface LessonIndexEntry {
  id: string;
  title: string;
  order: number;
  steps: { id: string }[];
}

export interface RenderedCatalog {
  lessons: LessonIndexEntry[];
  /** One message per lesson that failed to parse. */
  errors: string[];
}
