import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: repoRoot });

/** Lints `code` as if it were the file at `filePath` and returns the rule ids that fired. */
async function rulesFiring(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}${filePath}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const importBrowser = "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;\n";

describe('import boundaries', () => {
  test.each([
    ['utils/engine/uses-browser.ts', importBrowser],
    ['data/uses-browser.ts', importBrowser],
    ['utils/pure-helper.ts', importBrowser],
    ['utils/engine/uses-polyfill.ts', "import browser from 'webextension-polyfill';\nexport const id = browser.runtime.id;\n"],
    ['utils/engine/uses-entrypoint.ts', "import background from '../../entrypoints/background/index';\nexport const b = background;\n"],
    ['utils/engine/uses-component.ts', "import { PopupView } from '../../components/PopupView';\nexport const v = PopupView;\n"],
    ['utils/engine/uses-node.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['components/UsesBrowser.tsx', importBrowser],
    ['utils/page/uses-browser.ts', importBrowser],
  ])('%s is refused', async (filePath, code) => {
    expect(await rulesFiring(code, filePath)).toContain('no-restricted-imports');
  });

  test('pure code may not reach for the global browser or document', async () => {
    const code = 'export const id = (): unknown => [chrome.runtime.id, document.title];\n';
    expect(await rulesFiring(code, 'utils/engine/uses-globals.ts')).toEqual(['no-restricted-globals', 'no-restricted-globals']);
  });

  test.each([
    ['entrypoints/background/wiring.ts', importBrowser],
    ['utils/extension/wrapper.ts', importBrowser],
    ['utils/engine/pure.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
  ])('%s is allowed', async (filePath, code) => {
    expect(await rulesFiring(code, filePath)).toEqual([]);
  });
});
