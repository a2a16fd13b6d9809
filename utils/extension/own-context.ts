import { browser } from 'wxt/browser';

/** Our extension's id and origin (with its trailing slash), against which message senders are checked. */
export function ownContext(): { id: string; origin: string } {
  // runtime.getURL is typed by WXT's generated paths (.wxt/), which the project's tsconfig leaves out.
  const runtime = browser.runtime as unknown as { id: string; getURL(path: string): string };
  return { id: runtime.id, origin: runtime.getURL('/') };
}
