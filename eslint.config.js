// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const EXTENSION_API = {
  paths: [
    { name: 'wxt/browser', message: 'Pure code takes its inputs as arguments; only entrypoints/ and utils/extension/ talk to the browser API.' },
    { name: 'webextension-polyfill', message: 'Pure code takes its inputs as arguments; only entrypoints/ and utils/extension/ talk to the browser API.' },
  ],
  patterns: [
    { group: ['**/entrypoints/**'], message: 'Entrypoints are wiring; nothing imports them.' },
    { group: ['wxt/*', '!wxt/browser'], message: 'WXT helpers belong to entrypoints/.' },
  ],
};

const NO_UI = { group: ['**/components/**'], message: 'Pure code does not import UI components.' };
const NO_EXTENSION_LAYER = { group: ['**/extension/**'], message: 'Pure code does not import the browser-API layer (utils/extension/).' };
const NO_NODE = { group: ['node:*', 'fs', 'path'], message: 'Pure code runs in the content script too: no Node modules (file IO lives in scripts/).' };

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The engine, the dataset and pure helpers: no browser API, no DOM globals, no Node.
    files: ['utils/engine/**/*.ts', 'data/**/*.ts', 'utils/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: EXTENSION_API.paths, patterns: [...EXTENSION_API.patterns, NO_UI, NO_EXTENSION_LAYER, NO_NODE] }],
      'no-restricted-globals': ['error', 'browser', 'chrome', 'document', 'window', 'location'],
    },
  },
  {
    // The DOM layer and components may use the DOM but never the extension API.
    files: ['utils/page/**/*.ts', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: EXTENSION_API.paths, patterns: [...EXTENSION_API.patterns, NO_EXTENSION_LAYER, NO_NODE] }],
      'no-restricted-globals': ['error', 'browser', 'chrome'],
    },
  },
);
