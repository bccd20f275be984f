// Test projects: unit tests beside the code, integration tests with a headless cluster in Node,
// the oracle against the real kubectl, and end-to-end tests in headless Chromium.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['src/**/*.test.ts', 'workers/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
      {
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 60_000 },
      },
      {
        test: { name: 'oracle', include: ['test/oracle/**/*.test.ts'], environment: 'node', testTimeout: 300_000, hookTimeout: 120_000 },
      },
      {
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 180_000, hookTimeout: 120_000, fileParallelism: false },
      },
    ],
  },
});
