import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CHROME_BUILD = join(REPO_ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(REPO_ROOT, '.output/firefox-mv2');
export const FIXTURES = join(REPO_ROOT, 'tests/e2e/fixtures');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Must match `GECKO_ID` in wxt.config.ts. */
export const GECKO_ID = 'right-to-truth@right-to-truth.org';

/** The harness builds nothing: it loads what `npm run build` and `npm run build:firefox` made. */
export function requireBuild(dir: string, command: string): string {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}. Run \`${command}\` first (npm test does).`);
  }
  return dir;
}

/**
 * Whether a browser's tests can run. Under CI a missing browser is a failure,
 * never a silent skip; on a developer's machine the suite says what is missing.
 */
export function browserAvailable(path: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI) throw new Error(`${path} is missing; .ci/run installs it with apt-get.`);
  console.warn(`${path} is missing: skipping its browser tests (apt-get install chromium firefox-esr).`);
  return false;
}
