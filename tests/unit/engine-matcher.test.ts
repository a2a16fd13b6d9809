// Table-driven matcher tests against a small fixture index (independent of the dataset being edited).
import { describe, expect, test } from 'vitest';
import {
  buildMatchIndex,
  loadMatchIndex,
  matchBlocks,
  matchText,
  searchClaims,
  splitBlocks,
  type IndexableClaim,
} from '../../utils/engine/index';

const CLAIMS: IndexableClaim[] = [
  {
    id: 'ps752-not-hit-by-missile',
    phrasings: [
      { text: 'Scientifically, it is impossible that a missile hit the Ukrainian plane', lang: 'en' },
      { text: 'this airplane was not hit by a missile', lang: 'en' },
      { text: 'هواپیما مورد اصابت موشک قرار نگرفته است', lang: 'fa' },
    ],
  },
  {
    id: '2026-protester-vs-rioter',
    phrasings: [
      { text: 'rioters must be put in their place', lang: 'en' },
      { text: 'rioters', lang: 'en', needsContext: true },
      { text: 'اغتشاشگران', lang: 'fa', needsContext: true },
    ],
    context: {
      cues: [
        { text: 'Khamenei', lang: 'en' },
        { text: 'Islamic Republic', lang: 'en' },
        { text: 'خامنه‌ای', lang: 'fa' },
      ],
      window: 120,
    },
  },
  {
    id: '2022-sarina-esmailzadeh-suicide',
    phrasings: [
      { text: 'Sarina Esmailzadeh committed suicide', lang: 'en' },
      { text: 'خودکشی سارینا اسماعیل‌زاده', lang: 'fa' },
    ],
  },
  {
    id: '2022-riots-engineered-by-us-israel',
    phrasings: [
      { text: 'these riots were engineered by the US and the Zionist regime', lang: 'en' },
      { text: 'اغتشاشات را آمریکا و رژیم صهیونیستی طراحی کردند', lang: 'fa' },
    ],
  },
  {
    id: '2019-thugs-not-the-people',
    phrasings: [
      { text: 'هذا ليس من صنع الشعب، هذا فعل الأشرار', lang: 'ar' },
      { text: 'this is not the work of the people, it is the work of thugs', lang: 'en' },
    ],
  },
];

const index = loadMatchIndex(JSON.parse(JSON.stringify(buildMatchIndex(CLAIMS))));

const ids = (text: string): string[] => matchText(text, index).map((m) => m.claimId);

describe('matches', () => {
  test.each([
    ['exact', 'He said: "This airplane was not hit by a missile."', 'ps752-not-hit-by-missile'],
    ['case and punctuation', 'THIS AIRPLANE — WAS NOT HIT BY A MISSILE!', 'ps752-not-hit-by-missile'],
    ['inflected', 'Officials insisted that it was scientifically impossible for missiles to have hit the Ukrainian plane.', 'ps752-not-hit-by-missile'],
    ['reordered', 'The Ukrainian plane? A missile hitting it is scientifically impossible, the aviation chief said.', 'ps752-not-hit-by-missile'],
    ['abridged with a typo', 'He said it was impossible that a missle hit the Ukrainian plane.', 'ps752-not-hit-by-missile'],
    ['contraction as negation', "The aviation chief said the airplane wasn't hit by a missile.", 'ps752-not-hit-by-missile'],
    ['reported speech', 'An Alborz judicial official claimed Sarina Esmailzadeh had committed suicide.', '2022-sarina-esmailzadeh-suicide'],
    ['Persian exact', 'مقام‌ها گفتند هواپیما مورد اصابت موشک قرار نگرفته است.', 'ps752-not-hit-by-missile'],
    ['Persian Arabic letter forms', 'مقام ها گفتند هواپيما مورد اصابت موشك قرار نگرفته است.', 'ps752-not-hit-by-missile'],
    ['Persian without ZWNJ', 'ادعای خودکشی سارینا اسماعیلزاده رد شد.', '2022-sarina-esmailzadeh-suicide'],
    ['Persian with space instead of ZWNJ', 'ادعای خودکشی سارینا اسماعیل زاده', '2022-sarina-esmailzadeh-suicide'],
    ['Persian with harakat and tatweel', 'خودکُشیِ سارینـــا اسماعیل‌زاده', '2022-sarina-esmailzadeh-suicide'],
    ['Persian digits and reordering', 'به گفته او رژیم صهیونیستی و آمریکا اغتشاشات ۱۴۰۱ را طراحی کردند.', '2022-riots-engineered-by-us-israel'],
    ['Arabic with harakat', 'وقال: هَذَا لَيْسَ مِنْ صُنْعِ الشَّعْبِ، هَذَا فِعْلُ الأَشْرَار', '2019-thugs-not-the-people'],
    ['generic phrasing with its cue', 'Khamenei said the rioters would be dealt with.', '2026-protester-vs-rioter'],
    ['generic Persian phrasing with its cue', 'خامنه‌ای معترضان را اغتشاشگران خواند.', '2026-protester-vs-rioter'],
  ])('%s', (_name, text, claimId) => {
    expect(ids(text)).toContain(claimId);
  });
});

describe('stays silent', () => {
  test.each([
    ['same words, other story (UK riots)', 'Police in Southport arrested dozens of rioters during the 2024 UK riots.'],
    ['unrelated suicide', 'The coroner ruled that a local teenager committed suicide last year.'],
    ['affirmative, not the denial', 'Canada said the Ukrainian plane was hit by a missile fired by Iran.'],
    ['negated claim', 'The riots were not engineered by the US, the report concluded.'],
    ['terrorists elsewhere', 'French prosecutors said the terrorists had planned the attack for months.'],
    ['generic phrasing with the cue too far away', 'Khamenei spoke. ' + 'x '.repeat(200) + 'Later rioters were seen.'],
    ['Persian generic word without cue', 'اغتشاشگران در ورزشگاه صندلی‌ها را شکستند.'],
    ['Persian other story', 'هواپیمای باری پس از فرود در باران از باند خارج شد.'],
    ['empty', ''],
    ['only spaces', '   \n  '],
  ])('%s', (_name, text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('offsets and blocks', () => {
  test('offsets point into the original text, through formatting joins and diacritics', () => {
    const text = 'Abedzadeh: «this\u00A0airplane  was NOT hit by a mis\u00ADsile», he said.';
    const [m] = matchText(text, index);
    expect(m).toBeDefined();
    expect(text.slice(m!.start, m!.end)).toBe('this\u00A0airplane  was NOT hit by a mis\u00ADsile');
  });

  test('text joined from several inline nodes still matches', () => {
    // e.g. "<p>This <b>airplane</b> was <i>not</i> hit by a missile</p>" read as one block
    const block = ['This ', 'airplane', ' was ', 'not', ' hit by a ', 'missile'].join('');
    const [m] = matchBlocks([block], index);
    expect(m).toMatchObject({ block: 0, claimId: 'ps752-not-hit-by-missile', start: 0, end: block.length });
  });

  test('a match never crosses blocks', () => {
    expect(matchBlocks(['this airplane was not', 'hit by a missile'], index)).toEqual([]);
  });

  test('block index and per-block offsets', () => {
    const blocks = ['Nothing here.', 'Note: Sarina Esmailzadeh committed suicide, he said.'];
    const [m] = matchBlocks(blocks, index);
    expect(m).toMatchObject({ block: 1, claimId: '2022-sarina-esmailzadeh-suicide' });
    expect(blocks[1]!.slice(m!.start, m!.end)).toBe('Sarina Esmailzadeh committed suicide');
    expect(m!.score).toBeGreaterThan(0.9);
    expect(m!.score).toBeLessThanOrEqual(1);
  });

  test('overlapping phrasings of one claim give one match per span', () => {
    const text = 'Khamenei: rioters must be put in their place.';
    expect(matchText(text, index).map((m) => m.claimId)).toEqual(['2026-protester-vs-rioter']);
  });

  test('Persian offsets survive surrogate pairs before the match', () => {
    const text = '😀😀 خودکشی سارینا اسماعیل‌زاده';
    const [m] = matchText(text, index);
    expect(text.slice(m!.start, m!.end)).toBe('خودکشی سارینا اسماعیل‌زاده');
  });

  test('splitBlocks splits at every line break kind and keeps offsets', () => {
    const text = 'a\nb\r\n\r\nc\rd';
    expect(splitBlocks(text)).toEqual([
      { text: 'a', offset: 0 },
      { text: 'b', offset: 2 },
      { text: '', offset: 5 },
      { text: 'c', offset: 7 },
      { text: 'd', offset: 9 },
    ]);
  });

  test('minScore option filters', () => {
    const text = 'He said it was impossible that a missle hit the Ukrainian plane.';
    expect(matchText(text, index, { minScore: 0.999 })).toEqual([]);
  });
});

describe('index', () => {
  test('the built index is plain JSON and deterministic', () => {
    const a = buildMatchIndex(CLAIMS);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(buildMatchIndex(CLAIMS)).toEqual(a);
  });

  test('loadMatchIndex refuses a wrong version', () => {
    expect(() => loadMatchIndex({ version: 999 })).toThrow(/version/);
    expect(() => loadMatchIndex(null)).toThrow();
  });
});

describe('searchClaims', () => {
  test.each([
    ['the plane was not hit by a missile', 'ps752-not-hit-by-missile'],
    ['sarina suicide', '2022-sarina-esmailzadeh-suicide'],
    ['خودکشی سارینا', '2022-sarina-esmailzadeh-suicide'],
  ])('%s', (query, claimId) => {
    const results = searchClaims(query, index, 3);
    expect(results[0]?.claimId).toBe(claimId);
    expect(results[0]!.score).toBeGreaterThan(0);
    expect(results[0]!.score).toBeLessThanOrEqual(1);
  });

  test('limit and empty query', () => {
    expect(searchClaims('the', index, 1).length).toBeLessThanOrEqual(1);
    expect(searchClaims('', index, 5)).toEqual([]);
  });
});
