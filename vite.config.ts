// Builds the playground: a static site (relative URLs, so it works from any sub-path), with the
// node and container workers as module workers and the container images as assets.

import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { lessonsPlugin } from './src/lessons/build/vite-plugin';

const root = fileURLToPath(new URL('./src/ui', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [svelte(), lessonsPlugin()],
  publicDir: false,
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
  },
});
