import en from '../public/_locales/en/messages.json';
import fa from '../public/_locales/fa/messages.json';
import { createTranslator, type Translate } from './i18n';
import type { UiLanguageSetting } from './settings';

/**
 * The interface language, chosen by the reader in the options page (or forced with ?lang= on the popup and
 * options pages), else the browser's. browser.i18n cannot switch language at run time, so every surface
 * translates with the bundled messages files instead.
 */
export type UiLanguage = 'en' | 'fa';

export function resolveLanguage(setting: UiLanguageSetting, browserLanguage: string, forced?: string | null): UiLanguage {
  if (forced === 'en' || forced === 'fa') return forced;
  if (setting === 'en' || setting === 'fa') return setting;
  return browserLanguage.toLowerCase().startsWith('fa') ? 'fa' : 'en';
}

const translators: Record<UiLanguage, Translate> = { en: createTranslator(en), fa: createTranslator(fa) };

export interface UiLocale {
  lang: UiLanguage;
  dir: 'ltr' | 'rtl';
  t: Translate;
}

export function uiLocale(lang: UiLanguage): UiLocale {
  return { lang, dir: lang === 'fa' ? 'rtl' : 'ltr', t: translators[lang] };
}
