import type { UiLanguage } from './ui-language';

/**
 * Dates in the reader's locale. Persian: the Solar Hijri calendar in Persian digits, with the Gregorian
 * date beside it (dataset dates are Gregorian and sources cite them so). Offline: Intl only.
 * Accepts the dataset's partial dates (YYYY, YYYY-MM, YYYY-MM-DD) and ISO instants.
 */
export function formatDate(value: string, lang: UiLanguage): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1, 12));
  if (Number.isNaN(date.getTime())) return value;
  const parts: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'long', day: 'numeric' } : mo ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  const gregorian = new Intl.DateTimeFormat(lang === 'fa' ? 'en-GB' : 'en-GB', { ...parts, timeZone: 'UTC' }).format(date);
  if (lang !== 'fa') return gregorian;
  // A year or month alone does not map onto one Solar Hijri year or month: show the Gregorian only, in Persian digits.
  if (!d) return toPersianDigits(gregorian);
  const solar = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { ...parts, timeZone: 'UTC' }).format(date);
  return `${solar} (${gregorian})`;
}

export function toPersianDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(0x06f0 + Number(c)));
}
