// npm run bench
// Figures, not a test: on generated text (1 MB English, 1 MB Persian; seeded PRNG, so every run sees the
// same text) against the real dataset and a synthetic 5,000-phrasing dataset, measures index load,
// normalisation and matching, and two baselines in the same run — one RegExp alternation of all phrasings
// (exact) and fuse.js per paragraph (sampled and extrapolated) — and how many planted fuzzy variants each
// finds. Prints a table and merges the figures into bench-results.json under the "engine" key.
import { performance } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import {
  speakerNames,
  buildMatchIndex,
  loadMatchIndex,
  matchBlocks,
  normalizeText,
  type IndexableClaim,
  type MatchIndex,
  type SignatureData,
} from '../utils/engine/index';
import { loadClaims, loadSignatureData, REPO_ROOT } from './lib/engine-data';
import { mulberry32, pick, type Rand } from './lib/seeded-random';
import { writeBenchResults } from './lib/bench-results';

const TARGET_BYTES = 1_000_000;
const SEED = 20260123;

// ---------- deterministic generation ----------


const EN = {
  subjects: ['The minister', 'Local officials', 'The central bank', 'A spokesperson', 'Analysts', 'The city council',
    'Police', 'The company', 'Residents', 'The opposition', 'Farmers', 'The health ministry', 'Diplomats', 'Teachers'],
  verbs: ['announced', 'reported', 'warned', 'confirmed', 'discussed', 'criticised', 'welcomed', 'reviewed',
    'postponed', 'approved', 'questioned', 'described', 'estimated', 'published'],
  objects: ['a new budget', 'the trade figures', 'plans for a railway', 'rising fuel prices', 'the election timetable',
    'a drought in the south', 'the cost of housing', 'delays at the port', 'a vaccination campaign',
    'the exchange rate', 'talks with neighbours', 'a report on air quality', 'the wheat harvest', 'a strike by nurses'],
  tails: ['on Tuesday', 'after a long meeting', 'in a statement', 'according to state media', 'despite criticism',
    'for the third time this year', 'in the capital', 'ahead of the winter', 'at a press conference', 'late on Sunday'],
  frames: ['{s} said that ', 'According to {s}, ', '{s} told reporters: ', 'In a statement, {s} claimed ', ''],
};

const FA = {
  subjects: ['وزیر اقتصاد', 'مقام‌های محلی', 'بانک مرکزی', 'سخنگوی دولت', 'کارشناسان', 'شورای شهر', 'پلیس راهور',
    'این شرکت', 'ساکنان منطقه', 'نمایندگان مجلس', 'کشاورزان', 'وزارت بهداشت', 'دیپلمات‌ها', 'معلمان'],
  verbs: ['اعلام کرد', 'گزارش داد', 'هشدار داد', 'تأیید کرد', 'بررسی کرد', 'انتقاد کرد', 'استقبال کرد', 'تصویب کرد',
    'به تعویق انداخت', 'منتشر کرد'],
  objects: ['بودجه تازه', 'آمار تجارت خارجی', 'طرح راه‌آهن', 'افزایش قیمت سوخت', 'زمان‌بندی انتخابات',
    'خشکسالی در جنوب', 'هزینه مسکن', 'تأخیر در بندر', 'برنامه واکسیناسیون', 'نرخ ارز', 'مذاکرات با همسایگان',
    'گزارش کیفیت هوا', 'برداشت گندم', 'اعتصاب پرستاران'],
  tails: ['روز سه‌شنبه', 'پس از جلسه‌ای طولانی', 'در بیانیه‌ای', 'به گزارش رسانه‌های رسمی', 'با وجود انتقادها',
    'برای سومین بار در سال جاری', 'در پایتخت', 'پیش از زمستان', 'در نشست خبری', 'شامگاه یکشنبه'],
  frames: ['{s} گفت ', 'به گفته {s}، ', '{s} به خبرنگاران گفت: ', '{s} در بیانیه‌ای مدعی شد ', ''],
};

type Lang = 'en' | 'fa';

function filler(r: Rand, lang: Lang): string {
  const v = lang === 'en' ? EN : FA;
  return lang === 'en'
    ? `${pick(r, v.subjects)} ${pick(r, v.verbs)} ${pick(r, v.objects)} ${pick(r, v.tails)}.`
    : `${pick(r, v.subjects)} ${pick(r, v.tails)} ${pick(r, v.objects)} را ${pick(r, v.verbs)}.`;
}

type VariantKind = 'exact' | 'fuzzy';

/** A fuzzy variant the RegExp cannot see: a dropped letter, Arabic letter forms, no ZWNJ, inflection. */
function fuzz(r: Rand, text: string, lang: Lang): string {
  if (lang === 'fa') {
    let t = text.replace(/\u200c/g, r() < 0.5 ? '' : ' ');
    t = t.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    return t === text ? text + 'ها' : t;
  }
  const words = text.split(' ');
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{6,}$/i.test(w));
  if (long.length > 0) {
    const [w, i] = pick(r, long);
    const k = 2 + Math.floor(r() * (w.length - 3));
    words[i] = r() < 0.5 ? w.slice(0, k) + w.slice(k + 1) : w + 's';
    return words.join(' ');
  }
  return text.toUpperCase();
}

interface Planted {
  block: number;
  start: number;
  end: number;
  claimId: string;
  kind: VariantKind;
}

/** ~1 MB of paragraphs (blocks), every ~8th sentence a claim phrasing, half of those fuzzed. */
function generateText(seed: number, lang: Lang, claims: readonly IndexableClaim[]): { blocks: string[]; planted: Planted[] } {
  const r = mulberry32(seed);
  // Plant only phrasings that stand alone (the index's view: marked or judged generic ones need a cue).
  const built = buildMatchIndex(claims);
  const pool = built.phrasings
    .filter((p) => (lang === 'fa' ? p.lang !== 'en' : p.lang === 'en') && !p.needsContext)
    .map((p) => ({ id: built.claims[p.claim]!.id, text: p.text }));
  const v = lang === 'en' ? EN : FA;
  const blocks: string[] = [];
  const planted: Planted[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    const sentences: string[] = [];
    let para = '';
    const n = 3 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      let s: string;
      if (pool.length > 0 && r() < 0.12) {
        const p = pick(r, pool);
        const kind: VariantKind = r() < 0.5 ? 'exact' : 'fuzzy';
        const body = kind === 'exact' ? p.text : fuzz(r, p.text, lang);
        const frame = pick(r, v.frames).replace('{s}', pick(r, v.subjects));
        const start = para.length + (para ? 1 : 0) + frame.length;
        s = `${frame}${body}.`;
        planted.push({ block: blocks.length, start, end: start + body.length, claimId: p.id, kind });
      } else {
        s = filler(r, lang);
      }
      para += (para ? ' ' : '') + s;
      sentences.push(s);
    }
    blocks.push(para);
    bytes += Buffer.byteLength(para, 'utf8') + 1;
  }
  return { blocks, planted };
}

/** 5,000 phrasings (1,000 claims × 5): news words around two or more made-up distinctive words, both languages. */
function syntheticClaims(seed: number): IndexableClaim[] {
  const r = mulberry32(seed);
  const enWords = [...new Set([...EN.objects, ...EN.tails, ...EN.verbs].join(' ').toLowerCase().split(' '))];
  const faWords = [...new Set([...FA.objects, ...FA.tails, ...FA.verbs].join(' ').split(' '))];
  const syll = ['ka', 'ro', 'mi', 'tan', 'sel', 'dor', 'vi', 'nu', 'bar', 'esh', 'lo', 'zen'];
  const faSyll = ['کا', 'رو', 'می', 'تن', 'سل', 'در', 'وی', 'نو', 'بر', 'اش', 'لو', 'زن'];
  const made = (s: string[]): string => Array.from({ length: 2 + Math.floor(r() * 2) }, () => pick(r, s)).join('');
  const claims: IndexableClaim[] = [];
  for (let c = 0; c < 1000; c++) {
    const phrasings: IndexableClaim['phrasings'][number][] = [];
    for (let k = 0; k < 5; k++) {
      const fa = k === 4;
      const len = 4 + Math.floor(r() * 6);
      // Like real claim wording: everyday news words around at least two distinctive ones (names, rare terms).
      const words = Array.from({ length: len }, (_, i) =>
        i < 2 || r() < 0.3 ? made(fa ? faSyll : syll) : pick(r, fa ? faWords : enWords),
      );
      for (let i = words.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [words[i], words[j]] = [words[j]!, words[i]!];
      }
      phrasings.push({ text: words.join(' '), lang: fa ? 'fa' : 'en', needsContext: k === 3 });
    }
    claims.push({ id: `synthetic-${c}`, phrasings, context: { cues: [{ text: made(syll), lang: 'en' }] } });
  }
  return claims;
}

// ---------- measurement ----------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(runs: number, f: () => T): { ms: number; value: T } {
  let value = f(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = f();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Row {
  dataset: string;
  lang: Lang;
  megabytes: number;
  blocks: number;
  phrasings: number;
  indexBytes: number;
  indexBuildMs: number;
  indexLoadMs: number;
  normalizeMs: number;
  matchMs: number;
  matches: number;
  regexCompileMs: number;
  regexScanMs: number;
  regexMatches: number;
  regexSampledBlocks: number | null;
  fuseMsExtrapolated: number;
  fuseSample: string;
  plantedExact: number;
  plantedFuzzy: number;
  engineFoundExact: number;
  engineFoundFuzzy: number;
  regexFoundExact: number;
  regexFoundFuzzy: number;
  matchVsRegex: number;
  lexiconTerms: number;
  lexiconRegexMs: number;
  lexiconRegexMatches: number;
  matchVsLexiconRegex: number;
  matchVsFuse: number;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Every lexicon term, incident cue and hint, speaker name and phrasing as plain text for the lexicon RegExp baseline: `word*` as the
 * word, `a ... b` as "a b" (a RegExp cannot follow our stemming, gaps or Persian letter folding).
 */
function lexiconStrings(claims: readonly IndexableClaim[], data: SignatureData): string[] {
  const terms = [
    ...(data.lexicons ?? []).flatMap((l) => Object.values(l.terms).flatMap((list) => list ?? [])),
    ...(data.incidents ?? []).flatMap((i) => [...(i.cues ?? []), ...(i.hints ?? [])].map((c) => c.text)),
    ...claims.flatMap((c) => [
      ...c.phrasings.map((p) => p.text),
      ...(c.context?.cues ?? []).map((q) => q.text),
      ...(c.statements ?? []).flatMap((s) => speakerNames(s.who.name)),
    ]),
  ];
  return [...new Set(terms.map((t) => t.replace(/\*/g, '').replace(/\s*(\.\.\.|…)\s*/g, ' ').trim()).filter((t) => t.length > 0))];
}

function benchOne(name: string, claims: IndexableClaim[], lang: Lang, seed: number, data: SignatureData = {}): Row {
  const { blocks, planted } = generateText(seed, lang, claims);
  const bytes = blocks.reduce((n, b) => n + Buffer.byteLength(b, 'utf8') + 1, 0);

  const build = time(3, () => buildMatchIndex(claims, data));
  const json = JSON.stringify(build.value);
  const load = time(10, () => loadMatchIndex(JSON.parse(json)));
  const index: MatchIndex = load.value;
  const phrasings = index.json.phrasings;

  const norm = time(5, () => {
    let n = 0;
    for (const b of blocks) n += normalizeText(b).text.length;
    return n;
  });
  const match = time(5, () => matchBlocks(blocks, index));

  // Baseline 1: one RegExp alternation of every phrasing, exact (case-insensitive), per block.
  const alternation = [...new Set(phrasings.map((p) => p.text))]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
  const compile = time(3, () => new RegExp(alternation, 'gi')); // no 'u': 10× faster here, and phrasings need none
  const re = compile.value;
  // A 5,000-way alternation scans slowly (no common prefix to skip by), so time a sample of blocks first and
  // extrapolate when the whole text would take too long.
  const scan = (from: number, to: number): { block: number; start: number; end: number }[] => {
    const found: { block: number; start: number; end: number }[] = [];
    for (let i = from; i < to; i++) {
      for (const m of blocks[i]!.matchAll(re)) found.push({ block: i, start: m.index, end: m.index + m[0].length });
    }
    return found;
  };
  const probe = time(1, () => scan(0, Math.min(50, blocks.length)));
  const regexSampled = probe.ms * (blocks.length / Math.min(50, blocks.length)) > 5000;
  const regexSample = regexSampled ? Math.min(300, blocks.length) : blocks.length;
  const regexRun = time(regexSampled ? 1 : 3, () => scan(0, regexSample));
  const regex = { ms: regexRun.ms * (blocks.length / regexSample), value: regexRun.value };

  // Baseline 3 (engine v2): one RegExp alternation of every lexicon term, cue and phrasing, exact and
  // case-insensitive, over the whole text: the cheapest scan that merely spots the vocabulary the engine spots.
  const lexiconAlternation = lexiconStrings(claims, data)
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
  const lexiconRe = time(3, () => new RegExp(lexiconAlternation, 'gi'));
  const lexiconScan = time(3, () => {
    let n = 0;
    for (const b of blocks) for (const _ of b.matchAll(lexiconRe.value)) n++;
    return n;
  });

  // Baseline 2: fuse.js per paragraph — each phrasing searched in the paragraph. Far too slow for the whole
  // run, so a sample of paragraphs × phrasings is timed and extrapolated linearly.
  const sampleBlocks = blocks.slice(0, 20);
  const samplePhrasings = phrasings.slice(0, Math.min(phrasings.length, 50));
  const fuseSample = time(1, () => {
    let hits = 0;
    for (const b of sampleBlocks) {
      const fuse = new Fuse([b], { includeScore: true, ignoreLocation: true, threshold: 0.3 });
      for (const p of samplePhrasings) hits += fuse.search(p.text).length;
    }
    return hits;
  });
  const fuseMs = fuseSample.ms * (blocks.length / sampleBlocks.length) * (phrasings.length / samplePhrasings.length);

  const engineHit = (p: Planted): boolean =>
    match.value.some((m) => m.block === p.block && m.claimId === p.claimId && overlaps(m, p));
  const byBlock = new Map<number, { start: number; end: number }[]>();
  for (const f of regex.value) (byBlock.get(f.block) ?? byBlock.set(f.block, []).get(f.block)!).push(f);
  const regexHit = (p: Planted): boolean => (byBlock.get(p.block) ?? []).some((f) => overlaps(f, p));
  // Found-counts compare engine and RegExp on the same blocks (the RegExp's sample when it was sampled).
  const exact = planted.filter((p) => p.kind === 'exact' && p.block < regexSample);
  const fuzzy = planted.filter((p) => p.kind === 'fuzzy' && p.block < regexSample);

  return {
    dataset: name,
    lang,
    megabytes: Math.round((bytes / 1_000_000) * 100) / 100,
    blocks: blocks.length,
    phrasings: phrasings.length,
    indexBytes: json.length,
    indexBuildMs: round(build.ms),
    indexLoadMs: round(load.ms),
    normalizeMs: round(norm.ms),
    matchMs: round(match.ms),
    matches: match.value.length,
    regexCompileMs: round(compile.ms),
    regexScanMs: round(regex.ms),
    regexMatches: regex.value.length,
    regexSampledBlocks: regexSampled ? regexSample : null,
    fuseMsExtrapolated: Math.round(fuseMs),
    fuseSample: `${sampleBlocks.length} paragraphs × ${samplePhrasings.length} phrasings in ${round(fuseSample.ms)} ms`,
    plantedExact: exact.length,
    plantedFuzzy: fuzzy.length,
    engineFoundExact: exact.filter(engineHit).length,
    engineFoundFuzzy: fuzzy.filter(engineHit).length,
    regexFoundExact: exact.filter(regexHit).length,
    regexFoundFuzzy: fuzzy.filter(regexHit).length,
    matchVsRegex: round((regex.ms + compile.ms) / match.ms),
    lexiconTerms: lexiconAlternation.split('|').length,
    lexiconRegexMs: round(lexiconRe.ms + lexiconScan.ms),
    lexiconRegexMatches: lexiconScan.value,
    matchVsLexiconRegex: round((lexiconRe.ms + lexiconScan.ms) / match.ms),
    matchVsFuse: Math.round(fuseMs / match.ms),
  };
}

const round = (x: number): number => Math.round(x * 100) / 100;

function main(): void {
  const real = loadClaims(REPO_ROOT, (m) => console.error(`bench: ${m}`));
  const data = loadSignatureData(REPO_ROOT);
  const synthetic = syntheticClaims(SEED);
  const rows: Row[] = [];
  for (const [name, claims] of [
    ['real', real],
    ['synthetic-5000', synthetic],
  ] as const) {
    for (const lang of ['en', 'fa'] as const) rows.push(benchOne(name, claims, lang, SEED + (lang === 'en' ? 1 : 2), data));
  }

  const header = [
    'dataset', 'lang', 'MB', 'phrasings', 'index KB', 'load ms', 'normalise ms', 'match ms', 'regex ms',
    'fuse ms (extrap.)', 'vs regex', 'lexicon regex ms', 'vs lexicon regex', 'vs fuse', 'exact found eng/re', 'fuzzy found eng/re',
  ];
  const lines = rows.map((r) => [
    r.dataset, r.lang, r.megabytes.toFixed(2), String(r.phrasings), (r.indexBytes / 1024).toFixed(0),
    r.indexLoadMs.toFixed(2), r.normalizeMs.toFixed(1), r.matchMs.toFixed(1),
    (r.regexSampledBlocks ? '~' : '') + (r.regexCompileMs + r.regexScanMs).toFixed(1), String(r.fuseMsExtrapolated), `${r.matchVsRegex}×`,
    `${r.lexiconRegexMs.toFixed(1)} (${r.lexiconTerms})`, `${r.matchVsLexiconRegex}×`,
    `${r.matchVsFuse}×`, `${r.engineFoundExact}/${r.regexFoundExact} of ${r.plantedExact}`,
    `${r.engineFoundFuzzy}/${r.regexFoundFuzzy} of ${r.plantedFuzzy}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
  console.log(
    '\nmatch ms includes normalisation; regex ms = compile + scan of an exact, case-insensitive alternation;' +
      '\n(regex timed on a sample of blocks and extrapolated where marked "~"; found-counts then cover the sample);' +
      '\nlexicon regex = one alternation of every lexicon term, incident cue and phrasing (count in brackets), exact;' +
      '\nfuse = fuse.js per paragraph, every phrasing searched, timed on a sample and extrapolated;' +
      '\n"vs" = baseline time / engine match time; found = planted claim sentences found (engine/regex).',
  );

  writeBenchResults(REPO_ROOT, 'engine', {
    date: new Date().toISOString(),
    node: process.version,
    seed: SEED,
    aims: { matchMsPerMbAt5000Phrasings: 100, indexLoadMs: 20, matchVsLexiconRegexAtLeast: 1 },
    results: rows,
  });
}

if (!process.env.BENCH_NO_MAIN) main();
export { generateText, syntheticClaims, benchOne };
