import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * The quote check's hand-over: the selected text goes to storage.session (memory only, never on disk, not
 * readable by content scripts) rather than into the page address, so it stays out of the browser history.
 */
const KEY = 'quote-request';
const RequestSchema = z.object({ text: z.string().max(20_000), at: z.number() });

/** Opens the quote check panel for `text` in a small window of its own. */
export async function openQuoteCheck(text: string): Promise<void> {
  await browser.storage.session.set({ [KEY]: { text: text.slice(0, 20_000), at: Date.now() } });
  await browser.windows.create({ url: (browser.runtime as unknown as { getURL(path: string): string }).getURL('/quote-check.html'), type: 'popup', width: 480, height: 640 });
}

/** The text to check (the latest request), or '' when there is none. */
export async function readQuoteRequest(): Promise<string> {
  const parsed = RequestSchema.safeParse((await browser.storage.session.get(KEY))[KEY]);
  return parsed.success ? parsed.data.text : '';
}
