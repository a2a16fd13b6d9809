// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClaimCard, type ClaimCardProps } from '../../components/ClaimCard';
import { claimCardStyles } from '../../components/claim-card-styles';
import en from '../../public/_locales/en/messages.json';
import fa from '../../public/_locales/fa/messages.json';
import { formatCitation } from '../../utils/citation';
import { ClaimSchema } from '../../data/schema/index';
import { createTranslator } from '../../utils/i18n';
import { aminiClaim, aminiIncident, sources, tribunalClaim } from './claim-card-fixtures';

let root: HTMLDivElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(overrides: Partial<ClaimCardProps> = {}) {
  const props: ClaimCardProps = {
    claim: aminiClaim,
    sources,
    incident: aminiIncident,
    matched: { phrasing: 'not caused by blows to the head', text: 'was not caused by blows to the head', score: 0.92 },
    t: createTranslator(en),
    dir: 'ltr',
    onCopyCitation: vi.fn(),
    onNotThisClaim: vi.fn(),
    onReportWrongMatch: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  act(() => render(<ClaimCard {...props} />, root));
  const card = root.querySelector<HTMLElement>('.rtt-card')!;
  return { props, card };
}

/** Text as a reader sees it: without the invisible bidi isolates around substituted values. */
function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

function button(card: HTMLElement, cls: string): HTMLButtonElement {
  const b = card.querySelector<HTMLButtonElement>(`button.${cls}`);
  if (!b) throw new Error(`no button .${cls}`);
  return b;
}

describe('ClaimCard content', () => {
  it('is a dialog labelled by the claim title', () => {
    const { card } = mount();
    expect(card.getAttribute('role')).toBe('dialog');
    const title = root.querySelector(`#${card.getAttribute('aria-labelledby')}`);
    expect(text(title)).toBe(aminiClaim.title);
    expect(text(root.querySelector(`#${card.getAttribute('aria-describedby')}`))).toBe(aminiClaim.rebuttal.en);
    expect(card.getAttribute('dir')).toBe('ltr');
    expect(card.getAttribute('lang')).toBe('en');
  });

  it('says who said it, their role, when and where, for each statement', () => {
    const { card } = mount();
    const items = [...card.querySelectorAll('.rtt-statement')];
    expect(items).toHaveLength(2);
    expect(text(items[0]!.querySelector('.rtt-statement__who'))).toBe('Tehran police, Greater Tehran police command');
    expect(text(items[0]!.querySelector('.rtt-statement__when'))).toBe('2022-09-16 · Police statement carried by Iranian media');
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2022-09-16');
    expect(text(items[1]!.querySelector('.rtt-statement__who'))).toBe("Legal Medicine Organization, Iran's state forensic authority");
    expect(text(items[1]!.querySelector('.rtt-statement__sources'))).toBe('Reported by: AFP (via The Straits Times)');
    const incident = card.querySelector('.rtt-card__incident')!;
    expect(text(incident)).toBe('About: Death in custody of Mahsa (Jina) Amini (2022-09-13 – 2022-09-16, Tehran, Iran)');
    expect(incident.querySelector('bdi')!.getAttribute('dir')).toBe('ltr');
  });

  it('gives each quote its status: verbatim, or as summarised by the source', () => {
    const { card } = mount();
    const [summarised, verbatim] = [...card.querySelectorAll('.rtt-statement')];
    expect(text(summarised!.querySelector('.rtt-quote'))).toBe('“suffered sudden heart failure”');
    expect(text(summarised!.querySelector('.rtt-quote-status'))).toBe('As summarised by the BBC');
    expect(text(verbatim!.querySelector('.rtt-quote-status'))).toBe('Verbatim quote');
    expect(card.querySelector('.rtt-badge--reportedly')).toBeNull();
  });

  it("shows the editors' credit for verbatim words, and a summary credited to no single source", () => {
    const claim = ClaimSchema.parse({
      ...aminiClaim,
      statements: [
        { ...aminiClaim.statements[1]!, attribution: 'official English translation (khamenei.ir)' },
        { ...aminiClaim.statements[0]!, attribution: "Amnesty International UK's summary of the letter" },
      ],
    });
    const { card } = mount({ claim });
    const [verbatim, summarised] = [...card.querySelectorAll('.rtt-quote-status')];
    expect(text(verbatim)).toBe('Verbatim quote (Official English translation (khamenei.ir))');
    expect(verbatim!.querySelector('.rtt-credit')!.getAttribute('lang')).toBe('en');
    expect(text(summarised)).toBe("The source's summary, not the speaker's own words (Amnesty International UK's summary of the letter)");
  });

  it('marks a "reportedly" claim visibly, in words and not by colour alone', () => {
    const { card } = mount({ claim: tribunalClaim, incident: undefined });
    const st = card.querySelector('.rtt-statement--reportedly')!;
    expect(text(st.querySelector('.rtt-badge--reportedly'))).toBe('⚠ Reportedly');
    expect(text(st.querySelector('.rtt-quote-status'))).toMatch(/^Reportedly — .*not confirmed \(Attributed to him by unnamed European sources .*; denied by the UK\)$/);
    expect(text(card.querySelector('.rtt-caveats'))).toContain('unnamed European sources');
  });

  it('lists the evidence with publisher, title, date and a safe new-tab link', () => {
    const { card } = mount();
    const items = [...card.querySelectorAll('.rtt-evidence li')];
    expect(items.map((li) => li.getAttribute('data-source-id'))).toEqual(aminiClaim.evidence.map((e) => e.source));
    for (const [i, li] of items.entries()) {
      const src = sources[aminiClaim.evidence[i]!.source]!;
      const a = li.querySelector('a')!;
      expect(a.getAttribute('href')).toBe(src.url);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(text(a)).toBe(`${src.title} (opens in a new tab)`);
      expect(text(li.querySelector('.rtt-evidence__meta'))).toContain(src.publisher);
      expect(text(li.querySelector('.rtt-evidence__meta'))).toContain(src.date!);
      expect(text(li.querySelector('.rtt-evidence__finding'))).toBe(aminiClaim.evidence[i]!.finding);
    }
  });

  it('flags mirror copies (with the host) and interested parties in words', () => {
    const { card } = mount({ claim: tribunalClaim });
    const mirror = card.querySelector('[data-source-id="voa-justice4iran-uk-denies-threat"] .rtt-flag--mirror');
    expect(text(mirror)).toBe('↪ Mirror copy via Justice for Iran');
    const party = card.querySelector('[data-source-id="justice4iran-tribunal-judgement"]')!;
    expect(text(party.querySelector('.rtt-flag--interested-party'))).toBe('⚑ Interested party');
    expect(party.querySelector('.rtt-flag--mirror')).toBeNull();
    expect(text(party.querySelector('.rtt-note'))).toBe('Published by one of the tribunal’s organisers.');
    expect(card.querySelector('[data-source-id="voa-justice4iran-uk-denies-threat"] .rtt-flag--interested-party')).toBeNull();
  });

  it('states the strength: corroborated by N original publishers, or single source', () => {
    expect(text(mount().card.querySelector('.rtt-strength'))).toBe('✔ Corroborated by 3 independent sources');
    render(null, root);
    expect(text(mount({ claim: tribunalClaim }).card.querySelector('.rtt-strength'))).toBe('◐ Single source — read with care');
  });

  it('says whether the claim came before or after the evidence, honest about date precision', () => {
    expect(text(mount().card.querySelector('.rtt-chronology'))).toBe(
      'The claim was made in 2022-09-16, before the earliest source listed here (2022-09-19), and again in 2022-10-07, after it.',
    );
    render(null, root);
    // 2021-11-11 against a source dated only "2021-11": no order can be stated.
    expect(text(mount({ claim: tribunalClaim }).card.querySelector('.rtt-chronology'))).toBe(
      'The claim dates from 2021-11-11; the sources listed here from 2021-11 to 2022-09-27. The dates are too close or too imprecise to say whether the claim came before the earliest of them.',
    );
  });

  const signatureWhy = {
    kind: 'signature' as const,
    rule: 'heart-failure-reported',
    terms: [
      { concept: 'heart-or-illness', text: 'heart failure', start: 20, end: 33 },
      { concept: 'official-attribution', text: 'police said', start: 0, end: 11 },
    ],
    context: { text: 'Mahsa Amini', where: 'headline' as const },
  };

  it('says in words why a reported-speech match fired: the words, then the cue and where it stood', () => {
    const { card } = mount({ matched: { phrasing: 'signature heart-failure-reported', text: 'police said she had heart failure', score: 0.81, why: signatureWhy } });
    expect(text(card.querySelector('.rtt-why__line'))).toBe('Why this was marked: police said · heart failure · Mahsa Amini (in the headline)');
    // The internal rule name is no wording a reader should see.
    expect(card.querySelector('.rtt-why__phrasing')).toBeNull();
    expect(text(card.querySelector('.rtt-why'))).not.toContain('signature');
  });

  it('says why in Persian too', () => {
    const { card } = mount({ t: createTranslator(fa), dir: 'rtl', matched: { phrasing: 'x', text: 'y', score: 0.81, why: signatureWhy } });
    expect(text(card.querySelector('.rtt-why__line'))).toBe('چرا علامت خورد: police said · heart failure · Mahsa Amini (در تیتر)');
  });

  it('explains why the text was marked and how closely it matched', () => {
    const { card } = mount();
    expect(text(card.querySelector('.rtt-why__phrasing'))).toBe('“not caused by blows to the head”');
    expect(text(card.querySelector('.rtt-why__text'))).toBe('“was not caused by blows to the head”');
    expect(text(card.querySelector('.rtt-match'))).toBe('≈ Close match (92%)');
    render(null, root);
    expect(text(mount({ matched: { phrasing: 'x', text: 'x', score: 1 } }).card.querySelector('.rtt-match'))).toBe('= Exact match');
    render(null, root);
    expect(text(mount({ matched: { phrasing: 'x', text: 'y', score: 0.71 } }).card.querySelector('.rtt-match'))).toMatch(/^≈ Loose match \(71%\)/);
  });

  it('shows when the entry was reviewed, and uses no untranslated key', () => {
    const { card } = mount({ claim: tribunalClaim });
    expect(text(card.querySelector('.rtt-card__footer'))).toContain('Right to Truth dataset, reviewed 2026-11-21');
    expect(text(card)).not.toMatch(/\bcard[A-Z]\w+/);
  });
});

describe('ClaimCard in Persian', () => {
  it('lays out right to left with Persian strings, keeping English content left to right', () => {
    const { card } = mount({ t: createTranslator(fa), dir: 'rtl' });
    expect(card.getAttribute('dir')).toBe('rtl');
    expect(card.getAttribute('lang')).toBe('fa');
    expect(text(card.querySelector('.rtt-rebuttal h3'))).toBe('شواهد چه نشان می‌دهند');
    const rebuttal = card.querySelector(`#${card.getAttribute('aria-describedby')}`)!;
    expect(text(rebuttal)).toBe(aminiClaim.rebuttal.fa);
    expect(rebuttal.getAttribute('dir')).toBe('rtl');
    const title = card.querySelector('.rtt-card__title')!;
    expect(title.getAttribute('lang')).toBe('en');
    expect(text(button(card, 'rtt-card__close'))).toBe('✕ بستن');
    expect(text(card.querySelector('.rtt-strength'))).toBe('✔ تأییدشده با 3 منبع مستقل');
    expect(text(card)).not.toMatch(/\bcard[A-Z]\w+/);
  });

  it('falls back to the English rebuttal and says so', () => {
    const { card } = mount({ claim: tribunalClaim, t: createTranslator(fa), dir: 'rtl' });
    const rebuttal = card.querySelector(`#${card.getAttribute('aria-describedby')}`)!;
    expect(rebuttal.getAttribute('lang')).toBe('en');
    expect(rebuttal.getAttribute('dir')).toBe('ltr');
    expect(text(card.querySelector('.rtt-rebuttal .rtt-note'))).toBe('فقط به زبان انگلیسی در دسترس است.');
    expect(text(card.querySelector('.rtt-badge--reportedly'))).toBe('⚠ گزارش‌شده');
  });

  it('isolates Latin names and dates inside Persian sentences', () => {
    const { card } = mount({ t: createTranslator(fa), dir: 'rtl' });
    const who = card.querySelector('.rtt-statement__who')!.textContent!;
    expect(who).toBe('\u2068Tehran police\u2069، \u2068Greater Tehran police command\u2069');
  });
});

describe('ClaimCard actions', () => {
  it('copies the citation as plain text and as Markdown', () => {
    const { card, props } = mount();
    act(() => button(card, 'rtt-action--copy').click());
    expect(props.onCopyCitation).toHaveBeenCalledWith(formatCitation(aminiClaim, sources, 'plain'), 'plain');
    act(() => button(card, 'rtt-action--copy-markdown').click());
    expect(props.onCopyCitation).toHaveBeenLastCalledWith(formatCitation(aminiClaim, sources, 'markdown'), 'markdown');
    expect(text(card.querySelector('[role="status"]'))).toBe('Citation copied.');
  });

  it('reports a failed copy when the callback rejects', async () => {
    const { card } = mount({ onCopyCitation: () => Promise.reject(new Error('denied')) as unknown as void });
    await act(async () => {
      button(card, 'rtt-action--copy').click();
      await Promise.resolve();
    });
    expect(text(card.querySelector('[role="status"]'))).toBe('Could not copy. Nothing was sent.');
  });

  it('"not this claim" and close call their callbacks', () => {
    const { card, props } = mount();
    act(() => button(card, 'rtt-action--not-this').click());
    expect(props.onNotThisClaim).toHaveBeenCalledTimes(1);
    const close = button(card, 'rtt-card__close');
    expect(close.getAttribute('aria-label')).toBe('Close the evidence card');
    close.focus();
    expect(document.activeElement === close || root.contains(document.activeElement)).toBe(true);
    act(() => close.click());
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('hands a ready report text to the caller, without the page address', () => {
    const { card, props } = mount();
    act(() => button(card, 'rtt-action--report').click());
    const report = vi.mocked(props.onReportWrongMatch!).mock.calls[0]![0];
    expect(report).toContain(`Claim id: ${aminiClaim.id}`);
    expect(report).toContain('Known wording that matched: "not caused by blows to the head"');
    expect(report).toContain('Text marked on the page: "was not caused by blows to the head"');
    expect(report).toContain('92%');
    expect(report).not.toMatch(/^Page:/m);
    expect(text(card.querySelector('[role="status"]'))).toContain('Nothing was sent');
  });

  it('leaves Escape to the caller', () => {
    const { card, props } = mount();
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(props.onClose).not.toHaveBeenCalled();
  });
});

describe('claim card styles', () => {
  it('cover focus, forced colours, higher contrast and right-to-left', () => {
    expect(claimCardStyles).toContain(':focus-visible');
    expect(claimCardStyles).toContain('@media (forced-colors: active)');
    expect(claimCardStyles).toContain('@media (prefers-contrast: more)');
    expect(claimCardStyles).toContain('[dir="rtl"]');
    // Logical properties only, so the same rules serve both directions.
    expect(claimCardStyles).not.toMatch(/(?:margin|padding|border)-(?:left|right)\b|text-align:\s*(?:left|right)/);
  });
});

describe('card source conventions', () => {
  const files = ['components/ClaimCard.tsx', 'components/source-display.ts', 'utils/citation.ts', 'utils/chronology.ts', 'utils/report-text.ts', 'utils/i18n.ts'];
  // vitest runs from the repository root.
  const read = (f: string) => readFileSync(`${process.cwd()}/${f}`, 'utf8');

  it.each(files)('%s calls no extension API and nothing that could send data', (file) => {
    const code = read(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(?:browser|chrome)\s*\.|\bfetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|\bimport\s*\(/);
  });

  it('every card string in messages.json is used by the card', () => {
    const code = read('components/ClaimCard.tsx');
    const unused = Object.keys(en).filter((k) => k.startsWith('card') && !code.includes(`'${k}'`));
    expect(unused).toEqual([]);
  });
});
