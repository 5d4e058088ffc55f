import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // As in vite.config.ts (tests that use the worker client mock it).
  resolve: {
    alias: { '@parse-worker-factory': resolve(import.meta.dirname, 'src/worker/create-worker.ts') },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // `toEqual` on `RawNumber`s compares their digits.
    setupFiles: ['src/domain/test-support/equality.ts'],
  },
});
