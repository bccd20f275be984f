// Lessons as the page ships them: the lesson model plus each text's markdown already split into
// tokens at build time (scripts/lessons-plugin.ts), so the page needs neither a YAML parser nor
// a markdown lexer to show them.

import type { MarkedToken } from 'marked';
import type { Lesson, LessonStep } from '../../lessons/lesson-types';

export interface RenderedStep extends LessonStep {
  tokens: MarkedToken[];
}

export interface RenderedLesson extends Omit<Lesson, 'steps'> {
  introTokens: MarkedToken[];
  steps: RenderedStep[];
}

export interface RenderedCatalog {
  lessons: RenderedLesson[];
  /** One message per lesson that failed to parse. */
  errors: string[];
}
