import { defineConfig } from 'vitest/config';

// Unit tests (Node) and component tests (happy-dom, chosen per file with
// `// @vitest-environment happy-dom`). Browser tests have their own config.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/components/**/*.test.tsx', 'tests/components/**/*.test.ts'],
    environment: 'node',
  },
});
