import { browser } from 'wxt/browser';
import { z } from 'zod';
import { cyrb53 } from '../../utils/cyrb53';

/**
 * "Not this claim" choices, kept in browser.storage.local on this device only. Pages are keyed by a hash
 * of their address (without the #fragment), so the stored data is not a readable list of the pages a
 * reader visited (a known address can still be tested against it; so can the browser's own history). A
 * passage is keyed by claim id and its text with spacing collapsed.
 */
const STORAGE_KEY = 'dismissed-marks';
/** Oldest pages are forgotten beyond this many. */
const MAX_PAGES = 500;
/** A page keeps at most this many dismissed passages. */
const MAX_PER_PAGE = 200;

const StoredSchema = z.record(
  z.string().max(100),
  z.object({ at: z.number(), keys: z.array(z.string().max(5_000)).max(MAX_PER_PAGE) }),
);
type Stored = z.infer<typeof StoredSchema>;

/** The key of one dismissed passage. */
export function dismissalKey(claimId: string, text: string): string {
  return `${claimId}\n${text.replace(/\s+/g, ' ').trim()}`;
}

/** The page address a dismissal belongs to: the URL without its fragment. */
export function pageKeyUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.href;
}

/** Keys pages by a hash of their address (see utils/cyrb53.ts); addresses are guessable, so nothing stronger helps. */
const hashUrl = cyrb53;

async function readAll(): Promise<Stored> {
  const raw = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  const parsed = StoredSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/** The dismissed passages of one page, loaded once and updated in memory as the reader dismisses more. */
export class PageDismissals {
  private keys = new Set<string>();
  private constructor(private readonly url: string) {}

  static async load(href: string): Promise<PageDismissals> {
    const page = new PageDismissals(pageKeyUrl(href));
    try {
      const entry = (await readAll())[hashUrl(page.url)];
      page.keys = new Set(entry?.keys ?? []);
    } catch {
      // Storage unavailable (e.g. the extension was just updated): nothing dismissed.
    }
    return page;
  }

  has(claimId: string, text: string): boolean {
    return this.keys.size > 0 && this.keys.has(dismissalKey(claimId, text));
  }

  async add(claimId: string, text: string): Promise<void> {
    this.keys.add(dismissalKey(claimId, text));
    const all = await readAll();
    all[hashUrl(this.url)] = { at: Date.now(), keys: [...this.keys].slice(-MAX_PER_PAGE) };
    const pages = Object.entries(all).sort((a, b) => b[1].at - a[1].at).slice(0, MAX_PAGES);
    await browser.storage.local.set({ [STORAGE_KEY]: Object.fromEntries(pages) });
  }
}
