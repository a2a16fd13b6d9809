import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in real Chromium and Firefox. One file at
// a time (two cores), generous timeouts for browser start-up.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
