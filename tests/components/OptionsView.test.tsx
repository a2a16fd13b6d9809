// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test, vi } from 'vitest';
import { OptionsView, type OptionsViewProps } from '../../components/OptionsView';
import { DATASET } from '../../utils/claim-bundle';
import { checkLocalClaims, problemLines } from '../../utils/local-claims';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { uiLocale } from '../../utils/ui-language';

const dataset = DATASET;
const flush = () => act(() => new Promise((r) => setTimeout(r, 0)));

function mount(overrides: Partial<OptionsViewProps> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const props: OptionsViewProps = {
    locale: uiLocale('en'),
    settings: DEFAULT_SETTINGS,
    onChange: vi.fn(),
    curatedSites: ['reuters.com', 'bbc.com'],
    onAddSite: vi.fn(async () => null),
    onRemoveSite: vi.fn(),
    localClaims: [],
    claimTemplate: '{}',
    // The real validator, as the options page wires it.
    onSaveClaim: vi.fn(async (text: string) => {
      const check = checkLocalClaims([text], dataset);
      return check.problems.length > 0 ? { problems: problemLines(check.problems) } : { id: check.claims[0]!.id };
    }),
    onDeleteClaim: vi.fn(),
    visits: [],
    titles: {},
    onExportLog: vi.fn(),
    onClearLog: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(async () => ({ problems: ['(file): not valid JSON'] })),
    ...overrides,
  };
  act(() => render(<OptionsView {...props} />, root));
  return { root, props };
}

const input = (root: HTMLElement, selector: string) => root.querySelector<HTMLInputElement>(selector)!;

describe('OptionsView', () => {
  test('sensitivity, mark style, contrast and language change the settings', () => {
    const { root, props } = mount();
    act(() => input(root, 'input[name="sensitivity"][value="strict"]').click());
    expect(props.onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, sensitivity: 'strict' });
    act(() => input(root, 'input[name="markStyle"][value="underline"]').click());
    expect(props.onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, markStyle: 'underline' });
    act(() => input(root, 'input[name="highContrast"]').click());
    expect(props.onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, highContrast: true });
    act(() => input(root, 'input[name="language"][value="fa"]').click());
    expect(props.onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, language: 'fa' });
  });

  test('sites: a curated site switches off; a new host is checked before permission is asked', async () => {
    const { root, props } = mount();
    act(() => root.querySelector<HTMLInputElement>('details input[role="switch"]')!.click());
    expect(props.onChange).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, disabledSites: ['reuters.com'] });
    const field = input(root, '#site-add');
    const submit = async (value: string) => {
      act(() => {
        field.value = value;
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
      act(() => void root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
      await flush();
    };
    await submit('https://bad/path');
    expect(props.onAddSite).not.toHaveBeenCalled();
    expect(root.querySelector('[data-testid="sites-status"]')?.textContent).toContain('not a bare host name');
    await submit('www.news.example.org');
    await flush();
    expect(props.onAddSite).toHaveBeenCalledWith('news.example.org');
  });

  test('local claim editor: a broken claim shows file-and-field problems and saves nothing', async () => {
    const { root, props } = mount();
    act(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'New claim')!.click());
    const editor = root.querySelector<HTMLTextAreaElement>('#claim-editor')!;
    act(() => {
      editor.value = JSON.stringify({ id: 'x-test', title: 'T' });
      editor.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => void root.querySelector('#claim-editor')!.closest('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await flush();
    expect(props.onSaveClaim).toHaveBeenCalled();
    const status = root.querySelector('[data-testid="local-status"]')!.textContent!;
    expect(status).toContain('Nothing was saved.');
    expect(status).toContain('data/claims/x-test.json: statements: missing: this field is required');
    expect(editor.getAttribute('aria-invalid')).toBe('true');
  });

  test('the private log is off by default, lists entries with Persian dates, exports and clears', () => {
    const visits = [{ url: 'http://www.reuters.com/a', site: 'www.reuters.com', at: '2026-01-02T10:00:00.000Z', claimId: 'c1' }];
    const { root, props } = mount({ visits, titles: { c1: 'Claim one' }, locale: uiLocale('fa') });
    expect(input(root, 'input[name="logEnabled"]').checked).toBe(false);
    const row = root.querySelector('[data-testid="visit-log"] tbody tr')!;
    expect(row.textContent).toContain('Claim one');
    expect(row.textContent).toContain('۱۴۰۴');
    const buttons = root.querySelectorAll<HTMLButtonElement>('[data-testid="visit-log"] .rtt-row button');
    act(() => buttons[0]!.click());
    act(() => buttons[1]!.click());
    expect(props.onExportLog).toHaveBeenCalled();
    expect(props.onClearLog).toHaveBeenCalled();
  });

  test('a failed import lists its problems', async () => {
    const { root } = mount();
    const file = input(root, '#import-file');
    Object.defineProperty(file, 'files', { value: [new File(['nope'], 'x.json')] });
    act(() => void file.dispatchEvent(new Event('change', { bubbles: true })));
    await flush();
    await flush();
    expect(root.querySelector('[data-testid="import-status"]')?.textContent).toContain('Nothing was changed.');
  });
});
