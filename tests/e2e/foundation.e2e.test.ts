import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CHROMIUM_PATH,
  FIREFOX_PATH,
  FIXTURES,
  browserAvailable,
  launchChromium,
  launchFirefox,
  eventually,
  startFixtureServer,
  type FixtureServer,
} from './harness';

// reuters.com is on the site list and not on the HSTS preload list, so plain http works.
const LISTED_PAGE = 'http://www.reuters.com/plain-article.html';
const UNLISTED_PAGE = 'http://news.example-unlisted.test/plain-article.html';

interface Session {
  open(url: string): Promise<unknown>;
  badgeText(url: string): Promise<string>;
  hasReported(url: string): Promise<boolean>;
  close(): Promise<void>;
}

const browsers: { name: string; path: string; launch: (server: FixtureServer) => Promise<Session> }[] = [
  { name: 'Chromium', path: CHROMIUM_PATH, launch: (server) => launchChromium(server.address) },
  { name: 'Firefox', path: FIREFOX_PATH, launch: (server) => launchFirefox(server.port) },
];


describe.each(browsers)('foundation in $name', ({ path, launch }) => {
  let server: FixtureServer;
  let session: Session;

  beforeAll(async () => {
    if (!browserAvailable(path)) return;
    server = await startFixtureServer(FIXTURES);
    session = await launch(server);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test.skipIf(!browserAvailable(path))('the content script reports from a listed news host and the badge can be read', async () => {
    await session.open(LISTED_PAGE);
    expect(await eventually(() => session.hasReported(LISTED_PAGE), Boolean)).toBe(true);
    // A page with no known claim: the badge stays empty.
    expect(await session.badgeText(LISTED_PAGE)).toBe('');
    expect(server.requests.map((r) => r.url)).toContain(LISTED_PAGE);
  });

  test.skipIf(!browserAvailable(path))('the content script does not run on a host outside the list', async () => {
    await session.open(UNLISTED_PAGE);
    // Give a content script time to run if one wrongly would.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await session.hasReported(UNLISTED_PAGE)).toBe(false);
    expect(server.requests.map((r) => r.url)).toContain(UNLISTED_PAGE);
  });
});
