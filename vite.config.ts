// Builds the playground and runs its tests. The build is a static site (relative URLs, so it
// works from any sub-path), with the node and container workers as module workers and the
// container images as assets. The test projects: unit tests beside the code, integration tests
// with a headless cluster in Node, the oracle against the real kubectl, and end-to-end tests in
// headless Chromium.

import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { lessonsPlugin } from './src/lessons/build/vite-plugin';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./src/ui', import.meta.url)),
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
    // Every browser the build targets preloads modules itself.
    modulePreload: { polyfill: false },
  },
  server: {
    fs: { allow: [projectRoot] },
  },
  test: {
    projects: [
      {
        test: { name: 'unit', root: projectRoot, include: ['src/**/*.test.ts', 'workers/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
      {
        test: { name: 'integration', root: projectRoot, include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 60_000 },
      },
      {
        test: { name: 'oracle', root: projectRoot, include: ['test/oracle/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 120_000 },
      },
      {
        test: {
          name: 'e2e',
          root: projectRoot,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
