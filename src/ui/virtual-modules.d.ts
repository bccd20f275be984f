// Modules Vite's plugins create at build time.

declare module 'virtual:kubetab-lessons' {
  import type { RenderedCatalog } from './lessons/rendered-lesson';
  const catalog: RenderedCatalog;
  export default catalog;
}
