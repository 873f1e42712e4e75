import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['{domain,db,main,preload,renderer,build}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Builds out/cli and the verify worker from the current code first (build/vitest-setup.ts).
    globalSetup: ['build/vitest-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
