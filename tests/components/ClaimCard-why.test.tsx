// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { ClaimCard, type ClaimCardProps } from '../../components/ClaimCard';
import type { MatchWhy } from '../../utils/engine/index';
import { uiLocale } from '../../utils/ui-language';
import { aminiClaim, aminiIncident, sources } from './claim-card-fixtures';

// What the card adds for issue 10: the engine's reasons, the ClaimReview copy, Persian dates, and a card
// opened from a search (nothing marked).
const why: MatchWhy = {
  kind: 'signature',
  rule: 'test-rule',
  terms: [{ concept: null, text: 'not caused by blows', start: 4, end: 23 }],
  context: { text: 'Mahsa Amini', where: 'headline' },
};

function mount(overrides: Partial<ClaimCardProps>, lang: 'en' | 'fa' = 'en') {
  const root = document.createElement('div');
  const { t, dir } = uiLocale(lang);
  const props: ClaimCardProps = {
    claim: aminiClaim,
    sources,
    incident: aminiIncident,
    matched: { phrasing: 'not caused by blows to the head', text: 'was not caused by blows to the head', score: 0.92, why },
    t,
    dir,
    onCopyCitation: vi.fn(),
    onNotThisClaim: vi.fn(),
    onReportWrongMatch: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  act(() => render(<ClaimCard {...props} />, root));
  return { card: root.querySelector<HTMLElement>('.rtt-card')!, props };
}

const plain = (el: Element | null) => (el?.textContent ?? '').replace(/[\u2068\u2069]/g, '');

describe('ClaimCard: why, ClaimReview, dates', () => {
  it('says why the passage was marked, in English and Persian', () => {
    expect(plain(mount({}).card.querySelector('.rtt-why__line'))).toBe('Why this was marked: not caused by blows · Mahsa Amini (in the headline)');
    expect(plain(mount({}, 'fa').card.querySelector('.rtt-why__line'))).toBe('چرا علامت خورد: not caused by blows · Mahsa Amini (در تیتر)');
  });

  it('says when the event was only pointed to (a hint), in English and Persian', () => {
    const hinted: MatchWhy = { ...why, context: { text: 'the 22-year-old', where: 'same-sentence', hint: true } };
    const matched = { phrasing: 'signature test-rule', text: 'was not caused by blows', score: 0.78, why: hinted };
    expect(plain(mount({ matched }).card.querySelector('.rtt-why__line'))).toBe(
      'Why this was marked: not caused by blows · the 22-year-old (points to the event, in the same sentence)',
    );
    expect(plain(mount({ matched }, 'fa').card.querySelector('.rtt-why__line'))).toBe(
      'چرا علامت خورد: not caused by blows · the 22-year-old (نشانه‌ای از رویداد, در همان جمله)',
    );
  });

  it('copies ClaimReview JSON-LD for the claim', () => {
    const { card, props } = mount({});
    act(() => card.querySelector<HTMLButtonElement>('.rtt-action--copy-claimreview')!.click());
    const [text, format] = vi.mocked(props.onCopyCitation).mock.calls[0]!;
    expect(format).toBe('claimreview');
    const review = JSON.parse(text) as { '@type': string; claimReviewed: string; url: string };
    expect(review['@type']).toBe('ClaimReview');
    expect(review.url.endsWith(aminiClaim.id)).toBe(true);
  });

  it('shows statement dates in the Solar Hijri calendar in Persian, the Gregorian beside', () => {
    const when = mount({}, 'fa').card.querySelector('.rtt-statement__when time')!;
    expect(when.getAttribute('datetime')).toBe(aminiClaim.statements[0]!.date);
    expect(when.textContent).toMatch(/[۰-۹]{4} \(\d{1,2} \w+ \d{4}\)$/);
  });

  it('opened from a search: no "why", no "not this claim", no report', () => {
    const { card } = mount({ matched: undefined, onNotThisClaim: undefined, onReportWrongMatch: undefined });
    expect(card.querySelector('.rtt-why')).toBeNull();
    expect(card.querySelector('.rtt-action--not-this')).toBeNull();
    expect(card.querySelector('.rtt-action--report')).toBeNull();
    expect(card.querySelector('.rtt-action--copy')).not.toBeNull();
  });
});
