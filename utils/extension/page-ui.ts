import { browser } from 'wxt/browser';
import { claimCardStyles } from '../../components/claim-card-styles';
import { uiStyles } from '../../components/ui-styles';
import { resolveLanguage, uiLocale, type UiLocale } from '../ui-language';
import type { Settings } from '../settings';

/** The interface language of an extension page: ?lang=fa|en, else the settings, else the browser's. */
export function pageLocale(settings: Settings): UiLocale {
  const forced = new URLSearchParams(location.search).get('lang');
  const locale = uiLocale(resolveLanguage(settings.language, browser.i18n.getUILanguage(), forced));
  document.documentElement.lang = locale.lang;
  document.documentElement.dir = locale.dir;
  return locale;
}

/** Our page styles and the card's, once per page. */
export function installPageStyles(): void {
  if (document.getElementById('rtt-page-styles')) return;
  const style = document.createElement('style');
  style.id = 'rtt-page-styles';
  style.textContent = uiStyles + claimCardStyles;
  document.head.append(style);
}

export function copyText(text: string): Promise<void> {
  return navigator.clipboard.writeText(text);
}

/** Saves `text` as a file through a download link (nothing leaves the device). */
export function saveFile(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
