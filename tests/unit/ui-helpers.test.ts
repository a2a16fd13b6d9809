import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../data/schema/index';
import { claimBundle } from '../../utils/claim-bundle';
import { createDatasetSearch } from '../../utils/dataset-search';
import { formatDate } from '../../utils/format-date';
import { checkQuote } from '../../utils/quote-check';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { siteStatus, userSitePatterns, withSiteEnabled } from '../../utils/site-policy';
import { resolveLanguage } from '../../utils/ui-language';
import { addVisits, visitsToCsv } from '../../utils/visit-log';

const dataset = JSON.parse(readFileSync(new URL('../../generated/dataset.json', import.meta.url), 'utf8')) as Dataset;

describe('dataset search', () => {
  const search = createDatasetSearch(dataset);
  test.each([
    ['propoganda', '1988-reports-are-misinformation-propaganda'],
    ['hired terorists', '2022-deaths-were-hired-terrorists-suicides-accidents'],
    ['خودكشي', '2022-sarina-esmailzadeh-suicide'], // Arabic kaf and yeh: normalised to Persian
    ['تبلیغات', '1988-reports-are-misinformation-propaganda'],
  ])('%s finds %s', (query, id) => {
    expect(search(query).map((h) => h.claim.id)).toContain(id);
  });
  test('a one-letter query finds nothing', () => expect(search('a')).toEqual([]));
});

describe('quote check', () => {
  const { indexes } = claimBundle();
  test('ranks the matching claim first, with its reasons', () => {
    const [first] = checkQuote('The judiciary spokesman said the figures declared by enemy groups are pure lies.', indexes, 0.7);
    expect(first?.claimId).toBe('2019-death-tolls-are-pure-lies');
    expect(first?.why?.terms.length).toBeGreaterThan(0);
    expect(first?.wouldMark).toBe(true);
  });
  test('says nothing is close for unrelated text', () => {
    expect(checkQuote('Forecasters expect rain across the region on Thursday', indexes, 0.7)).toEqual([]);
  });
});

describe('site policy', () => {
  test('curated sites are on, the reader can switch them off and on again', () => {
    expect(siteStatus('www.reuters.com', DEFAULT_SETTINGS)).toMatchObject({ site: 'reuters.com', curated: true, enabled: true });
    const off = withSiteEnabled(DEFAULT_SETTINGS, 'www.reuters.com', false);
    expect(off.disabledSites).toEqual(['reuters.com']);
    expect(siteStatus('www.reuters.com', off).enabled).toBe(false);
    expect(siteStatus('www.reuters.com', withSiteEnabled(off, 'www.reuters.com', true)).enabled).toBe(true);
  });
  test('a site outside the list is added for that host only and registered', () => {
    const on = withSiteEnabled(DEFAULT_SETTINGS, 'news.example.org', true);
    expect(on.userSites).toEqual(['news.example.org']);
    expect(userSitePatterns(on)).toEqual(['*://*.news.example.org/*']);
    expect(siteStatus('example.org', on).enabled).toBe(false);
    expect(withSiteEnabled(on, 'news.example.org', false).userSites).toEqual([]);
  });
});

describe('language and dates', () => {
  test.each([
    ['auto', 'fa-IR', null, 'fa'],
    ['auto', 'en-US', null, 'en'],
    ['en', 'fa', null, 'en'],
    ['en', 'en', 'fa', 'fa'],
  ] as const)('setting %s, browser %s, ?lang=%s → %s', (setting, browserLang, forced, expected) => {
    expect(resolveLanguage(setting, browserLang, forced)).toBe(expected);
  });
  test('Persian dates are Solar Hijri in Persian digits with the Gregorian date beside', () => {
    expect(formatDate('2022-09-16', 'fa')).toBe('۲۵ شهریور ۱۴۰۱ (16 September 2022)');
    expect(formatDate('2022-09-16', 'en')).toBe('16 September 2022');
    expect(formatDate('1988', 'fa')).toBe('۱۹۸۸');
  });
});

describe('private log', () => {
  test('one entry per claim, page and day; CSV quotes and defuses formulas', () => {
    const now = new Date('2026-01-02T10:00:00Z');
    let log = addVisits([], 'http://www.reuters.com/a.html#x', ['c1', 'c2', 'c1'], now);
    log = addVisits(log, 'http://www.reuters.com/a.html', ['c1'], new Date('2026-01-02T11:00:00Z'));
    expect(log.map((e) => e.claimId)).toEqual(['c1', 'c2']);
    expect(log[0]).toMatchObject({ url: 'http://www.reuters.com/a.html', site: 'www.reuters.com' });
    const csv = visitsToCsv([{ url: 'http://x/?a=1,2', site: 'x', at: now.toISOString(), claimId: '=cmd' }]);
    expect(csv).toBe(`date,site,url,claim\r\n${now.toISOString()},x,"http://x/?a=1,2",'=cmd\r\n`);
  });
});
