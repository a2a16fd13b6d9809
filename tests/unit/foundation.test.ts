import { describe, expect, test } from 'vitest';
import { NEWS_SITE_MATCH_PATTERNS, NEWS_SITES, siteProblem, sitesToMatchPatterns } from '../../utils/sites';
import { parseMessage } from '../../utils/messages';
import { badgeText, recordFrameMarks, tabStateOf } from '../../utils/tab-state';
import { DEFAULT_SETTINGS, parseSettings } from '../../utils/settings';

describe('site list', () => {
  test('covers the sites the issue names, each as host and subdomains', () => {
    for (const site of ['reuters.com', 'bbc.co.uk', 'iranintl.com', 'news.un.org', 'mfa.ir', 'ft.com']) {
      expect(NEWS_SITES).toContain(site);
      expect(NEWS_SITE_MATCH_PATTERNS).toContain(`*://*.${site}/*`);
    }
  });

  test('never grants every site', () => {
    for (const pattern of NEWS_SITE_MATCH_PATTERNS) expect(pattern).not.toMatch(/<all_urls>|^\*:\/\/\*\/|^\*:\/\/\*\.\*/);
  });

  test.each([
    ['https://bbc.com', 'not a bare host name'],
    ['*.bbc.com', 'not a bare host name'],
    ['BBC.com', 'lower case'],
    ['bbc', 'not a bare host name'],
  ])('refuses %s with a plain-words reason', (site, reason) => {
    expect(siteProblem(site)).toContain(reason);
    expect(() => sitesToMatchPatterns([site])).toThrow(/data\/sites\.json/);
  });
});

describe('message protocol', () => {
  test('accepts the declared messages', () => {
    expect(parseMessage({ type: 'marks-changed', claimIds: ['a', 'b'] })).toEqual({ type: 'marks-changed', claimIds: ['a', 'b'] });
    expect(parseMessage({ type: 'run-command', command: 'next-mark' })).not.toBeNull();
  });

  test.each([null, 'marks-changed', { type: 'marks-changed' }, { type: 'marks-changed', claimIds: [1] }, { type: 'run-command', command: 'rm -rf' }, { type: 'unknown' }])(
    'refuses %j',
    (value) => expect(parseMessage(value)).toBeNull(),
  );
});

describe('badge counting', () => {
  test('counts distinct claims over all frames, empty when none', () => {
    let marks = recordFrameMarks(undefined, 0, 'http://a/', ['x', 'y', 'x']);
    marks = recordFrameMarks(marks, 3, 'http://frame/', ['y', 'z']);
    expect(tabStateOf(marks)).toEqual({ claimIds: ['x', 'y', 'z'], url: 'http://a/' });
    expect(badgeText(tabStateOf(marks))).toBe('3');
    expect(badgeText(tabStateOf(recordFrameMarks(marks, 0, 'http://a/', [])))).toBe('2');
    expect(badgeText({ claimIds: [], url: '' })).toBe('');
  });

  test('a new page in the top frame starts afresh', () => {
    const first = recordFrameMarks(recordFrameMarks(undefined, 0, 'http://a/', ['x']), 2, 'http://f/', ['y']);
    expect(tabStateOf(recordFrameMarks(first, 0, 'http://b/', [])).claimIds).toEqual([]);
  });
});

describe('settings', () => {
  test('fall back to defaults field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ openCardOnHover: 'yes' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ openCardOnHover: false })).toEqual({ ...DEFAULT_SETTINGS, openCardOnHover: false });
  });
});
