import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import fa from '../../public/_locales/fa/messages.json';
import { createTranslator, resolveMessage, type LocaleMessages } from '../../utils/i18n';

const locales: Record<string, LocaleMessages> = { en, fa };

describe('createTranslator', () => {
  const t = createTranslator({
    plain: { message: 'Close' },
    positional: { message: '$1 of $2 ($$5)' },
    named: {
      message: 'Reviewed $DATE$ by $who$',
      placeholders: { date: { content: '$1' }, who: { content: '$2' } },
    },
    literal: { message: 'Hello $name$', placeholders: { name: { content: 'world' } } },
  } as LocaleMessages);

  it('looks up plain messages', () => expect(t('plain' as never)).toBe('Close'));
  it('substitutes $1…$9 and keeps $$ as a dollar sign', () => expect(t('positional' as never, ['3', '7'])).toBe('3 of 7 ($5)'));
  it('resolves named placeholders, case-insensitively', () =>
    expect(t('named' as never, ['2026-11-20', 'an editor'])).toBe('Reviewed 2026-11-20 by an editor'));
  it('allows literal placeholder content', () => expect(t('literal' as never)).toBe('Hello world'));
  it('does not expand a "$1" that arrives inside a substitution', () =>
    expect(resolveMessage({ message: '$1 and $2' }, ['$2', 'b'])).toBe('$2 and b'));
  it('leaves missing substitutions empty and shows an unknown key as itself', () => {
    expect(t('positional' as never)).toBe(' of  ($5)');
    expect(t('nope' as never)).toBe('nope');
  });
  it('renders the real messages in both locales', () => {
    expect(createTranslator(en)('cardStrengthCorroborated', ['3'])).toBe('Corroborated by 3 independent sources');
    expect(createTranslator(fa)('cardStrengthCorroborated', ['3'])).toBe('تأییدشده با 3 منبع مستقل');
  });
});

describe('messages.json files', () => {
  it('en and fa have exactly the same keys', () => {
    expect(Object.keys(fa).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.entries(locales))('%s: no empty message, and valid message names', (_lang, messages) => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it.each(Object.entries(locales))('%s: every $placeholder$ used is defined, and each uses the same substitutions as English', (_lang, messages) => {
    for (const [key, entry] of Object.entries(messages)) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
      const defined = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
      for (const name of used) expect(defined, `${key}: $${name}$`).toContain(name);
      const enEntry = (en as LocaleMessages)[key]!;
      const positions = (e: typeof entry) =>
        [...new Set(Object.values(e.placeholders ?? {}).map((p) => p.content))].sort();
      expect(positions(entry), key).toEqual(positions(enEntry));
    }
  });

  it('fa: Persian letters, not Arabic look-alikes (ي ك), and no stray Latin words except the product name', () => {
    for (const [key, entry] of Object.entries(fa as LocaleMessages)) {
      expect(entry.message, key).not.toMatch(/[\u064A\u0643]/);
      const latin = entry.message.replace(/\$[A-Za-z0-9_]+\$/g, '').replace(/Right to Truth/g, '');
      expect(latin, key).not.toMatch(/[A-Za-z]{2,}/);
    }
  });

  it('has the manifest strings', () => {
    expect(en.extName.message).toBe('Right to Truth');
    expect(fa.extName.message).toContain('Right to Truth');
    expect(en.extDescription.message.length).toBeLessThanOrEqual(132);
    expect(fa.extDescription.message.length).toBeLessThanOrEqual(132);
  });
});
