import { defineConfig } from 'wxt';
import { formatProblems, writeGenerated } from './scripts/lib/write-generated';

// Firefox id: fixed so that storage and the add-on's identity survive updates.
const GECKO_ID = 'right-to-truth@right-to-truth.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: every dependency is visible at the top of each file, and
  // pure modules stay runnable in Node without WXT's globals.
  imports: false,
  hooks: {
    // The content script and popup import generated/ (validated dataset, prebuilt match index): write it
    // before every build, so `wxt`, `wxt build` and `wxt zip` work on a fresh clone without `npm run generate`.
    'build:before': (wxt) => {
      const result = writeGenerated(wxt.config.root);
      if (!result.ok) {
        throw new Error(`data/ has ${result.problems.length} problem(s):\n${formatProblems(result.problems).join('\n')}`);
      }
      wxt.logger.info(`generate: ${result.summary}`);
    },
  },
  vite: () => ({
    // No modulepreload polyfill: it fetch()es <link rel=modulepreload> targets, which every browser we ship
    // for preloads natively; the built extension then has no fetch() at all (tests/e2e/network-manifest).
    build: { modulePreload: { polyfill: false } },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings, local claims, the opt-in log and "not this claim" choices, on this device only.
    // contextMenus: "Check quote against known denials". activeTab + scripting: "check this page now" and the
    // quote command read or mark only the tab the reader acted on, only then. No host permission is
    // required: the curated sites come from the content script's matches, the reader's own sites are asked
    // one host at a time from the optional host permissions.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // MV3 keeps optional hosts apart; Firefox's MV2 lists them among the optional permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    commands: {
      'next-mark': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandNextMark__' },
      'previous-mark': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandPreviousMark__' },
      'open-card': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_commandOpenCard__' },
      'check-quote': { suggested_key: { default: 'Alt+Shift+Q' }, description: '__MSG_commandCheckQuote__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
