// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../components/PopupView';
import { QuoteCheckView } from '../../components/QuoteCheckView';
import { claimBundle, DATASET } from '../../utils/claim-bundle';
import { createDatasetSearch } from '../../utils/dataset-search';
import { checkQuote } from '../../utils/quote-check';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { siteStatus } from '../../utils/site-policy';
import { uiLocale } from '../../utils/ui-language';

const dataset = DATASET;
const bundle = claimBundle();
const claim = (id: string) => bundle.claims.get(id)!;

function mount(overrides: Partial<PopupViewProps> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const props: PopupViewProps = {
    locale: uiLocale('en'),
    tab: { marked: [claim('2019-death-tolls-are-pure-lies')], site: siteStatus('www.reuters.com', DEFAULT_SETTINGS), hidden: false },
    search: createDatasetSearch(dataset),
    sources: bundle.sources,
    incidents: bundle.incidents,
    dataset: { version: '2026-11-23', hash: 'abc', claims: 37, sources: 214, localClaims: 0 },
    onShowMark: vi.fn(),
    onToggleSite: vi.fn(),
    onCheckNow: vi.fn(),
    onToggleHidden: vi.fn(),
    onCopy: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
  act(() => render(<PopupView {...props} />, root));
  return { root, props };
}

function type(input: HTMLInputElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('PopupView', () => {
  test('says when the extension does not run on the page', () => {
    expect(mount({ tab: { marked: null, site: siteStatus('example.org', DEFAULT_SETTINGS), hidden: false } }).root.textContent).toContain('does not run on this page');
  });

  test('lists the marked claims; "show on page" asks for that claim', () => {
    const { root, props } = mount();
    expect(root.querySelector('[data-testid="marked-count"]')?.textContent).toBe('1 known claim marked on this page.');
    act(() => root.querySelector<HTMLButtonElement>('[data-testid="marked-claims"] button')!.click());
    expect(props.onShowMark).toHaveBeenCalledWith('2019-death-tolls-are-pure-lies');
  });

  test('the site switch, check now and hide marks report the reader’s choice', () => {
    const { root, props } = mount();
    const sw = root.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!;
    expect(sw.checked).toBe(true);
    act(() => sw.click());
    expect(props.onToggleSite).toHaveBeenCalledWith(false);
    act(() => root.querySelector<HTMLButtonElement>('[data-testid="check-now"]')!.click());
    expect(props.onCheckNow).toHaveBeenCalled();
    act(() => root.querySelector<HTMLButtonElement>('[data-testid="hide-marks"]')!.click());
    expect(props.onToggleHidden).toHaveBeenCalledWith(true);
  });

  test('search lists title, speaker, date and evidence count, and opens the full card', () => {
    const { root } = mount();
    type(root.querySelector<HTMLInputElement>('[data-testid="search"]')!, 'propoganda');
    const first = root.querySelector('[data-testid="search-results"] li')!;
    expect(first.getAttribute('data-claim-id')).toBe('1988-reports-are-misinformation-propaganda');
    expect(first.textContent).toMatch(/evidence sources/);
    act(() => first.querySelector('button')!.click());
    expect(root.querySelector('.rtt-card h2')?.textContent).toBe(claim('1988-reports-are-misinformation-propaganda').title);
    expect(root.querySelector('.rtt-action--copy-claimreview')).not.toBeNull();
  });

  test('a search that finds nothing says so; Persian interface is right to left', () => {
    const { root } = mount({ locale: uiLocale('fa') });
    expect(root.querySelector('main')?.getAttribute('dir')).toBe('rtl');
    type(root.querySelector<HTMLInputElement>('[data-testid="search"]')!, 'zzzzqqqq');
    expect(root.textContent).toContain('هیچ ادعایی با این جست‌وجو پیدا نشد.');
  });
});

describe('QuoteCheckView', () => {
  const view = (text: string) => {
    const root = document.createElement('div');
    const results = checkQuote(text, bundle.indexes, 0.7).map((result) => ({ claim: claim(result.claimId), result }));
    act(() => render(<QuoteCheckView locale={uiLocale('en')} text={text} results={results} sources={bundle.sources} incidents={bundle.incidents} onCopy={vi.fn()} />, root));
    return root;
  };
  test('lists the closest claim with how close and why, and opens its card', () => {
    const root = view('the figures declared by enemy groups are pure lies');
    const item = root.querySelector('[data-testid="quote-results"] li')!;
    expect(item.getAttribute('data-claim-id')).toBe('2019-death-tolls-are-pure-lies');
    expect(item.textContent).toMatch(/\d+% close/);
    expect(item.querySelector('.rtt-why-line')?.textContent).toMatch(/^close because: /);
    act(() => item.querySelector('button')!.click());
    expect(root.querySelector('.rtt-card .rtt-why__line')?.textContent).toMatch(/^Why this was marked: /);
  });
  test('says "no known claim" when nothing is close, and asks for a selection when there is none', () => {
    expect(view('rain is expected on Thursday').querySelector('[data-testid="quote-none"]')?.textContent).toBe('No known claim is close to this text.');
    expect(view('').querySelector('[data-testid="quote-empty"]')).not.toBeNull();
  });
});
