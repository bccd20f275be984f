// The lessons shipped with the page: every lessons/NN-topic/index.md, parsed and tokenised at
// build time; a lesson that does not parse is reported, not hidden. The index comes with the
// page; a lesson's text is a chunk of its own, fetched when the lesson is opened.

import catalog, { loaders } from 'virtual:kubetab-lessons';
import type { LessonIndexEntry, RenderedLesson } from './rendered-lesson';

export interface LessonCatalog {
  lessons: LessonIndexEntry[];
  errors: string[];
  load(id: string): Promise<RenderedLesson>;
}

export function loadCatalog(): LessonCatalog {
  return {
    ...catalog,
    load: async (id) => {
      const loader = loaders[id];
      if (!loader) throw new Error(`no lesson ${id}`);
      return (await loader()).default;
    },
  };
}
