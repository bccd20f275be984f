// The lessons shipped with the page: every lessons/NN-topic/index.md, parsed and tokenised at
// build time; a lesson that does not parse is reported, not hidden.

import catalog from 'virtual:kubetab-lessons';
import type { RenderedCatalog } from './rendered-lesson';

export type LessonCatalog = RenderedCatalog;

export function loadCatalog(): LessonCatalog {
  return catalog;
}
