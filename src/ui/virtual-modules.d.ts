// Modules Vite's plugins create at build time.

declare module 'virtual:kubetab-lessons' {
  import type { RenderedCatalog, RenderedLesson } from './lessons/rendered-lesson';
  const catalog: RenderedCatalog;
  export default catalog;
  /** Each lesson's own module, loaded when the lesson is opened. */
  export const loaders: Record<string, () => Promise<{ default: RenderedLesson }>>;
}
