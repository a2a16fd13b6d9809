// Engine v2: concept lexicons, claim signatures and page context, on a small index written for the test.
// Table-driven per language; every match must say why it fired, with offsets into the text.
import { describe, expect, it } from 'vitest';
import {
  buildMatchIndex,
  compileTerm,
  loadMatchIndex,
  matchBlocks,
  matchText,
  normalizeText,
  segmentSentences,
  speakerNames,
  whyLine,
  type IndexableClaim,
  type SignatureData,
} from '../../utils/engine/index';
import { tokenize } from '../../utils/engine/tokenize';

const DATA: SignatureData = {
  lexicons: [
    { id: 'suicide', terms: { en: ['suicide', 'took her own life', 'killed herself'], fa: ['خودکشی'] } },
    { id: 'attribution', terms: { en: ['said', 'says', 'claimed', 'authorities', 'officials', 'prosecutor'], fa: ['گفت', 'مدعی شد', 'مقامات', 'دادستان'] } },
    { id: 'terrorists', terms: { en: ['terrorist*', 'rioter*', 'armed elements'], fa: ['تروریست', 'اغتشاشگر', 'اراذل و اوباش'] } },
    { id: 'killing', terms: { en: ['killed', 'deaths', 'martyr*'], fa: ['کشته', 'شهید'] } },
    { id: 'beating', terms: { en: ['beaten', 'batons'], fa: ['ضرب و شتم'] } },
    { id: 'fall', terms: { en: ['fell ... building', 'fell ... roof'], fa: ['سقوط'] } },
    { id: 'denial', terms: { en: ['fabricat*', 'lies'], fa: ['بی‌اساس', 'دروغ'] } },
    { id: 'foreign', terms: { en: ['United States', 'Mossad'] } },
  ],
  incidents: [
    { id: 'sarina', cues: [{ text: 'Sarina', lang: 'en' }, { text: 'سارینا', lang: 'fa' }] },
    { id: 'crackdown-2019', cues: [{ text: 'November 2019', lang: 'en' }, { text: 'آبان', lang: 'fa' }] },
    { id: 'crackdown-2026', cues: [{ text: 'January 2026', lang: 'en' }, { text: '۱۴۰۴', lang: 'fa' }] },
  ],
};

const CLAIMS: IndexableClaim[] = [
  {
    id: 'sarina-suicide',
    incident: 'sarina',
    phrasings: [{ text: 'caused by suicide from a fall from the roof', lang: 'en' }],
    signatures: [
      { id: 'suicide-reported', all: ['@suicide', '@attribution'], within: 'neighbours' },
      { id: 'fall-reported', all: ['@fall', '@attribution'], unless: ['@beating'] },
    ],
  },
  {
    id: 'terrorists-2019',
    incident: 'crackdown-2019',
    phrasings: [{ text: 'the thugs were not the people of this country', lang: 'en' }],
    signatures: [{ id: 'terrorists-killed', all: ['@terrorists', '@killing'] }],
  },
  {
    id: 'terrorists-2026',
    incident: 'crackdown-2026',
    phrasings: [{ text: 'deaths were caused by foreign-backed terrorists', lang: 'en' }],
    signatures: [{ id: 'terrorists-killed', all: ['@terrorists', '@killing'] }],
  },
  {
    id: 'foreign-2026',
    incident: 'crackdown-2026',
    phrasings: [{ text: 'the unrest was directed by the United States', lang: 'en' }],
    signatures: [{ id: 'foreign-behind-killing', all: ['@foreign', '@killing'] }],
  },
  {
    id: 'reuters-fake',
    phrasings: [{ text: 'the Reuters report is fake news', lang: 'en' }],
    signatures: [{ id: 'reuters-denied', all: ['Reuters', '@denial'], context: 'none' }],
  },
];

const index = loadMatchIndex(JSON.parse(JSON.stringify(buildMatchIndex(CLAIMS, DATA))));
const ids = (text: string) => matchText(text, index).map((m) => m.claimId);

describe('compileTerm', () => {
  it.each([
    ['took her own life', [['took', 'her', 'own', 'lif']]],
    ['fabricat*', [['fabricat']]],
    ['fell ... building', [['fall', 'build']]],
    ['U.S.', [['us']]],
    ['بی‌اساس', [['بیاساس'], ['بی', 'اساس']]],
    ['اراذل و اوباش', [['اراذل', 'و', 'اوباش']]],
  ])('%s', (term, words) => {
    const compiled = compileTerm(term);
    expect('variants' in compiled && compiled.variants.map((v) => v.words)).toEqual(words);
  });

  it('marks prefixes and gaps', () => {
    const c = compileTerm('fell ... roof*');
    expect('variants' in c && c.variants[0]).toEqual({ words: ['fall', 'roof'], prefix: 2, gap: 2 });
  });

  it.each([
    ['', 'empty term'],
    ['***', 'has no letters or digits'],
    ['... roof', '"..." must stand between two words'],
    ['ab*', 'needs at least 3 letters before the *'],
  ])('refuses %j', (term, message) => {
    const c = compileTerm(term);
    expect('error' in c && c.error).toContain(message);
  });
});

describe('segmentSentences', () => {
  const sentences = (text: string) => {
    const norm = normalizeText(text).text;
    const tokens = tokenize(norm);
    const of = segmentSentences(norm, tokens);
    return [...new Set(of)].map((s) => tokens.filter((_, i) => of[i] === s).map((t) => t.word).join(' '));
  };
  it.each([
    ['He spoke. She left.', ['he spoke', 'she left']],
    ['The U.S. envoy spoke. Mr. Smith left.', ['the us envoy spoke', 'mr smith left']],
    ['It rose 3.5 percent. Then fell!', ['it rose 3 5 percent', 'then fell']],
    ['او گفت. آیا درست است؟ بله.', ['او گفت', 'ایا درست است', 'بله']],
  ])('%s', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe('signatures, English', () => {
  it.each([
    ['reported speech', 'Sarina took her own life, the authorities said.', ['sarina-suicide']],
    ['attribution in the next sentence', 'Officials spoke to state TV on Monday. Sarina had killed herself, they added.', ['sarina-suicide']],
    ['gap in an expression', 'The prosecutor said Sarina fell from the roof of a tall building.', ['sarina-suicide']],
    ['unless: a beating', 'The prosecutor said Sarina fell from the roof after she was beaten with batons.', []],
    ['unless denied is part of the denial', 'The prosecutor said Sarina fell from the roof of the building and was not beaten.', ['sarina-suicide']],
    ['unless denied: "rather than"', 'The prosecutor said Sarina fell from the roof rather than being beaten.', ['sarina-suicide']],
    ['no incident context', 'The authorities said the girl took her own life.', []],
    ['incident told apart by its cue', 'In November 2019, officials said rioters killed the protesters.', ['terrorists-2019']],
    ['the other incident', 'In January 2026, officials said terrorists killed the protesters.', ['terrorists-2026']],
    ['shape without any cue', 'Officials said terrorists killed the protesters.', []],
    ['slots in different sentences need "neighbours"', 'Terrorists were arrested. Three people were killed in a crash.', []],
    ['literal slot, no context needed', 'Tehran called the Reuters report fabricated.', ['reuters-fake']],
  ])('%s', (_name, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('signatures, Persian', () => {
  it.each([
    ['reported speech', 'دادستان مدعی شد سارینا خودکشی کرده است.', ['sarina-suicide']],
    ['ZWNJ written or not, expression with a joiner word', 'مقامات گفتند اراذل و اوباش در آبان مردم را کشته‌اند.', ['terrorists-2019']],
    ['the other incident', 'در حوادث ۱۴۰۴ ده نفر به دست تروریست‌ها کشته شدند.', ['terrorists-2026']],
    ['no cue', 'تروریست‌ها مردم را کشتند.', []],
  ])('%s', (_name, text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('page context', () => {
  const claim = 'The authorities said the girl took her own life.';
  it('a cue in a nearby block completes the signature', () => {
    const m = matchBlocks(['Sarina was 16.', 'Her family was questioned.', claim], index);
    expect(m.map((x) => [x.block, x.claimId, x.why.context?.where, x.why.context?.block])).toEqual([[2, 'sarina-suicide', 'nearby', 0]]);
  });
  it('a cue too far away does not', () => {
    expect(matchBlocks(['Sarina was 16.', 'a', 'b', 'c', 'd', claim].map((t) => (t.length < 3 ? `${t} filler text` : t)), index)).toEqual([]);
  });
  it('a cue in the headline counts for every block', () => {
    const m = matchBlocks(['Five paragraphs of background.', claim], index, { headline: 'What happened to Sarina' });
    expect(m.map((x) => [x.claimId, x.why.context])).toEqual([['sarina-suicide', { text: 'Sarina', where: 'headline' }]]);
  });
  it('matchText reads the first line as the headline', () => {
    const text = ['Sarina: the case', 'x', 'y', 'z', 'w', claim].join('\n');
    expect(matchText(text, index).map((m) => m.why.context?.where)).toEqual(['headline']);
  });
});

describe('a signature across a paragraph break', () => {
  // suicide-reported is "within neighbours": the attribution may close one paragraph and the claim open the next.
  const blocks = ['Sarina was 16. The authorities said on Monday.', 'She took her own life, they added. Her friends doubt it.'];

  it('the last sentence of one paragraph and the first of the next', () => {
    const [m, ...rest] = matchBlocks(blocks, index);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ block: 1, claimId: 'sarina-suicide' });
    expect(blocks[1]!.slice(m!.start, m!.end)).toBe('took her own life');
    const said = m!.why.terms.find((t) => t.block === 0)!;
    expect(blocks[0]!.slice(said.start, said.end)).toBe('said');
    expect(m!.why.terms.find((t) => t.block === undefined)?.text).toBe('took her own life');
  });

  it("matchText: offsets of the other paragraph's words are into the whole text", () => {
    const text = blocks.join('\n\n');
    const [m] = matchText(text, index);
    const said = m!.why.terms.find((t) => t.block === 0)!;
    expect(text.slice(said.start, said.end)).toBe('said');
    expect(text.slice(m!.start, m!.end)).toBe('took her own life');
  });

  it('only neighbouring sentences: not the first sentence of the paragraph before', () => {
    expect(matchBlocks(['The authorities said on Monday. Sarina was 16.', 'She took her own life, friends doubt.'], index)).toEqual([]);
  });

  it('a one-sentence signature does not cross the break', () => {
    // fall-reported is "sentence": attribution and fall must share one sentence.
    expect(matchBlocks(['Sarina was 16. The prosecutor spoke.', 'She fell from the roof of the building.'], index)).toEqual([]);
  });
});

describe('overlapping matches', () => {
  it('two claims of one incident may share a sentence', () => {
    expect(ids('In January 2026, officials said terrorists sent by the United States killed protesters.').sort()).toEqual(['foreign-2026', 'terrorists-2026']);
  });
  it('claims of different incidents compete for the same words', () => {
    const found = ids('Officials said rioters killed the protesters, in November 2019 as in January 2026.');
    expect(found).toHaveLength(1);
    expect(['terrorists-2019', 'terrorists-2026']).toContain(found[0]);
  });
});

describe('why', () => {
  it('names each concept, the words and the cue, with offsets into the text', () => {
    const text = 'Background.\nSarina took her own life, the authorities said.';
    const [m] = matchText(text, index);
    expect(m!.why.kind).toBe('signature');
    expect(m!.why.rule).toBe('suicide-reported');
    for (const t of m!.why.terms) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(m!.why.terms.map((t) => [t.concept, t.text])).toEqual([
      ['suicide', 'took her own life'],
      ['attribution', 'authorities'],
    ]);
    const c = m!.why.context!;
    expect([c.where, text.slice(c.start, c.end)]).toEqual(['same-sentence', 'Sarina']);
    // The mark is the clause that carries the claim, not the whole paragraph.
    expect(text.slice(m!.start, m!.end)).toBe('took her own life, the authorities');
  });
  it('phrasing matches say which words matched', () => {
    const text = 'It was caused by suicide from a fall from the roof, he said.';
    const [m] = matchText(text, index);
    expect(m!.why.kind).toBe('phrasing');
    expect(m!.why.terms.map((t) => t.text)).toEqual(['caused', 'suicide', 'fall', 'roof']);
  });
});

describe('hints: a claim tied to its incident by words that point to it without naming it', () => {
  const data: SignatureData = {
    lexicons: [
      ...DATA.lexicons!,
      { id: 'unrelated', terms: { en: ['no connection', 'nothing to do with'], fa: ['ارتباطی ندارد'] } },
      { id: 'protests', terms: { en: ['protests', 'unrest'], fa: ['اعتراضات'] } },
    ],
    incidents: [
      { id: 'wave-2022', cues: [{ text: 'Mahsa Amini', lang: 'en' }] },
      { id: 'nika', partOf: 'wave-2022', cues: [{ text: 'Nika', lang: 'en' }], hints: [{ text: '16-year-old', lang: 'en' }, { text: 'نوجوان ۱۶ ساله', lang: 'fa' }] },
      { id: 'sarina', partOf: 'wave-2022', cues: [{ text: 'Sarina', lang: 'en' }], hints: [{ text: '16-year-old', lang: 'en' }] },
      { id: 'crackdown-2019', cues: [{ text: 'November 2019', lang: 'en' }], hints: [{ text: 'President Rouhani', lang: 'en' }] },
      { id: 'crackdown-2026', cues: [{ text: 'January 2026', lang: 'en' }] },
    ],
  };
  const who = (name: string) => [{ who: { name } }];
  const claims: IndexableClaim[] = [
    { id: 'nika-fell', incident: 'nika', phrasings: [], signatures: [{ id: 'fall-reported', all: ['@fall', '@attribution'] }] },
    { id: 'nika-unrelated', incident: 'nika', phrasings: [], signatures: [{ id: 'unrelated', all: ['@unrelated', '@protests'] }] },
    { id: 'sarina-suicide', incident: 'sarina', phrasings: [], signatures: [{ id: 'suicide-reported', all: ['@suicide', '@attribution'] }] },
    {
      id: 'wave-terrorists',
      incident: 'wave-2022',
      phrasings: [],
      statements: who('Ali Khamenei'),
      signatures: [{ id: 'terrorists-killed', all: ['@terrorists', '@killing'] }],
    },
    {
      id: 'terrorists-2019',
      incident: 'crackdown-2019',
      phrasings: [],
      statements: [...who('Abdolreza Rahmani Fazli'), ...who('Ali Khamenei')],
      signatures: [{ id: 'terrorists-killed', all: ['@terrorists', '@killing'] }],
    },
    {
      id: 'terrorists-2026',
      incident: 'crackdown-2026',
      phrasings: [],
      statements: who('Ali Khamenei'),
      signatures: [{ id: 'terrorists-killed', all: ['@terrorists', '@killing'] }],
    },
    { id: 'foreign-2026', incident: 'crackdown-2026', phrasings: [], signatures: [{ id: 'foreign-killed', all: ['@foreign', '@killing'] }] },
  ];
  const hinted = loadMatchIndex(JSON.parse(JSON.stringify(buildMatchIndex(claims, data))));
  const found = (text: string, minScore?: number) => matchText(text, hinted, { minScore }).map((m) => m.claimId);

  it('marks a claim on a hint when it is the only reading, below the strict score', () => {
    const [m] = matchText('The prosecutor said the 16-year-old fell from the roof of a building.', hinted);
    expect(m?.claimId).toBe('nika-fell');
    expect(m?.why.context).toMatchObject({ text: '16-year-old', where: 'same-sentence', hint: true });
    expect(m!.score).toBeGreaterThanOrEqual(0.7);
    expect(m!.score).toBeLessThan(0.85);
    expect(found('The prosecutor said the 16-year-old fell from the roof of a building.', 0.85)).toEqual([]);
  });

  it('marks nothing when claims of two incidents fit the same sentence on a hint', () => {
    // Both girls were 16: "fell from the roof" fits Nika, "took her own life" fits Sarina.
    expect(found('Officials said the 16-year-old took her own life and fell from the roof of the building.')).toEqual([]);
  });

  it('a cue still decides where a hint alone would be ambiguous', () => {
    expect(found('Officials said Sarina, 16-year-old, took her own life and fell from the roof of the building.')).toContain('sarina-suicide');
  });

  it('the larger event is not a hint of the deaths within it', () => {
    expect(found('Officials said she fell from the roof of a building during the protests over Mahsa Amini.')).toEqual([]);
  });

  it('an official in office at the time tells apart claims of the same shape', () => {
    const [m] = matchText('President Rouhani said the rioters killed them.', hinted);
    expect(m?.claimId).toBe('terrorists-2019');
    expect(m?.why.context).toMatchObject({ text: 'President Rouhani', hint: true });
    expect(found('Officials said the rioters killed them.')).toEqual([]);
  });

  it("the dataset's speakers are hints of their incident", () => {
    const [m] = matchText('Rahmani Fazli said the rioters killed them.', hinted);
    expect(m?.claimId).toBe('terrorists-2019');
    expect(m?.why.context).toMatchObject({ text: 'Fazli', hint: true });
  });

  it('a name quoted on three incidents is a shared hint: alone it marks only a shape no other of them has', () => {
    // Khamenei is quoted about 2019, 2022 and 2026: the "terrorists killed" shape fits all three.
    expect(found('Khamenei said the rioters killed them.')).toEqual([]);
    const [m] = matchText('Khamenei said the United States killed them.', hinted);
    expect(m?.claimId).toBe('foreign-2026');
    expect(m?.why.context).toMatchObject({ text: 'Khamenei', hint: true });
    // A specific hint wins over the shared one.
    expect(found('Khamenei and President Rouhani said the rioters killed them.')).toEqual(['terrorists-2019']);
  });

  it('a claim of the larger event and one of a death within it may share a sentence', () => {
    const out = found('Mahsa Amini protests: officials said Nika had nothing to do with the protests and terrorists killed others.');
    expect(out).toEqual(expect.arrayContaining(['nika-unrelated', 'wave-terrorists']));
  });

  it('Persian hints are matched like cues', () => {
    const [m] = matchText('دادستان گفت این نوجوان ۱۶ ساله از پشت‌بام سقوط کرد.', hinted);
    expect(m?.claimId).toBe('nika-fell');
    expect(m?.why.context?.hint).toBe(true);
  });

  it('the why line says a hint is a lead', () => {
    const [m] = matchText('President Rouhani said the rioters killed them.', hinted);
    const line = whyLine(m!.why, { lead: 'marked because:', hint: 'a lead', places: { 'same-sentence': 'in the same sentence', 'same-block': '', nearby: '', headline: '', page: '' } });
    expect(line).toBe('marked because: rioters · killed · President Rouhani (a lead, in the same sentence)');
  });
});

describe('speakerNames', () => {
  it.each([
    ['Ali Abedzadeh', ['Ali Abedzadeh', 'Abedzadeh']],
    ['Gholamhossein Mohseni-Ejei', ['Gholamhossein Mohseni-Ejei', 'Mohseni-Ejei', 'Mohseni', 'Ejei']],
    ['Tehran police', []],
    ['Press TV', []],
    ['Ministry of Intelligence', []],
    ['Prisons Organization', []],
    ['Mizan', []],
  ])('%s', (name, expected) => expect(speakerNames(name)).toEqual(expected));
});
