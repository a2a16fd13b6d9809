// npm run eval
// Runs the engine over the labelled passages in tests/corpus/*.jsonl (one JSON object a line:
// {id, lang: "en"|"fa", text, expected: [claimId...]}; expected [] marks a hard negative) and prints
// precision, recall and F1 overall and per language, then every miss and false alarm.
// Counting is per (passage, claim): a claim found and expected is a true positive, found and not expected a
// false alarm, expected and not found a miss.
// Then, when ../shared/realtext/dev.jsonl exists (real passages from public pages, labelled by hand; for
// measurement only), it scores those too, as ../shared/realtext/score.mjs does: per passage, a positive is
// found when a match names one of its labelled claims, a negative with any match is a false alarm; P, R, F1
// overall, per language and per claim, and each miss and false alarm by passage id and claim. The real set is
// reported, not gated: it is the project's measure of recognition, the own corpus is the regression gate.
// Exit codes: 0 ok, 1 below precision 0.95 or recall 0.90 on the own corpus, 2 corpus or data error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchText, type MatchIndex } from '../utils/engine/index';
import { loadIndex, REPO_ROOT } from './lib/engine-data';

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;
const CORPUS_DIR = join(REPO_ROOT, 'tests', 'corpus');
const REAL_DEV = process.env.RTT_REALTEXT ?? join(REPO_ROOT, '..', 'shared', 'realtext', 'dev.jsonl');

interface Passage {
  id: string;
  lang: string;
  text: string;
  expected: string[];
}

function readCorpus(): Passage[] {
  const passages: Passage[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(CORPUS_DIR, name), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `tests/corpus/${name}:${i + 1}`;
      let v: Partial<Passage>;
      try {
        v = JSON.parse(line) as Partial<Passage>;
      } catch (error) {
        throw new Error(`${where}: invalid JSON (${(error as Error).message})`);
      }
      if (typeof v.id !== 'string' || typeof v.lang !== 'string' || typeof v.text !== 'string') {
        throw new Error(`${where}: needs string "id", "lang" and "text"`);
      }
      if (!Array.isArray(v.expected) || !v.expected.every((e) => typeof e === 'string')) {
        throw new Error(`${where}: "expected" must be an array of claim ids ([] for a negative)`);
      }
      if (ids.has(v.id)) throw new Error(`${where}: duplicate id ${v.id}`);
      ids.add(v.id);
      passages.push(v as Passage);
    });
  }
  return passages;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

function figures(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = ratio(t.tp, t.tp + t.fp);
  const recall = ratio(t.tp, t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const clip = (s: string, n = 110): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function main(): void {
  let passages: Passage[];
  let index;
  try {
    passages = readCorpus();
    index = loadIndex(REPO_ROOT, (m) => console.error(`eval: ${m}`));
  } catch (error) {
    console.error(`eval: ${(error as Error).message}`);
    process.exit(2);
  }
  const known = new Set(index.json.claims.map((c) => c.id));
  const tallies = new Map<string, Tally>([['overall', { tp: 0, fp: 0, fn: 0 }]]);
  const misses: string[] = [];
  const alarms: string[] = [];

  for (const p of passages) {
    const found = matchText(p.text, index);
    const foundIds = new Set(found.map((m) => m.claimId));
    const expected = new Set(p.expected);
    if (!tallies.has(p.lang)) tallies.set(p.lang, { tp: 0, fp: 0, fn: 0 });
    const buckets = [tallies.get('overall')!, tallies.get(p.lang)!];
    for (const id of expected) {
      const hit = foundIds.has(id);
      for (const b of buckets) {
        if (hit) b.tp++;
        else b.fn++;
      }
      if (!hit) {
        const note = known.has(id) ? '' : ' (claim not in the dataset)';
        misses.push(`  ${p.id} [${p.lang}] expected ${id}${note}\n      "${clip(p.text)}"`);
      }
    }
    for (const m of found) {
      if (expected.has(m.claimId)) continue;
      for (const b of buckets) b.fp++;
      alarms.push(
        `  ${p.id} [${p.lang}] ${m.claimId} (${m.score.toFixed(2)}) on "${p.text.slice(m.start, m.end)}"\n      "${clip(p.text)}"`,
      );
    }
  }

  const positives = passages.filter((p) => p.expected.length > 0).length;
  const langs = [...new Set(passages.map((p) => p.lang))].sort();
  console.log(
    `corpus: ${passages.length} passages (${positives} positive, ${passages.length - positives} negative; ` +
      langs.map((l) => `${l} ${passages.filter((p) => p.lang === l).length}`).join(', ') +
      `) against ${index.json.claims.length} claims, ${index.json.phrasings.length} phrasings`,
  );
  console.log('');
  console.log('           precision  recall     F1    TP   FP   FN');
  for (const [name, t] of tallies) {
    const f = figures(t);
    console.log(
      `  ${name.padEnd(8)}  ${f.precision.toFixed(3).padStart(9)}  ${f.recall.toFixed(3).padStart(6)}  ${f.f1
        .toFixed(3)
        .padStart(5)}  ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}`,
    );
  }
  console.log(`\nmisses (${misses.length}):${misses.length ? '\n' + misses.join('\n') : ' none'}`);
  console.log(`\nfalse alarms (${alarms.length}):${alarms.length ? '\n' + alarms.join('\n') : ' none'}`);

  realDevSet(index);

  const overall = figures(tallies.get('overall')!);
  const ok = overall.precision >= MIN_PRECISION && overall.recall >= MIN_RECALL;
  console.log(
    `\n${ok ? 'PASS' : 'FAIL'}: precision ${overall.precision.toFixed(3)} (min ${MIN_PRECISION}), ` +
      `recall ${overall.recall.toFixed(3)} (min ${MIN_RECALL})`,
  );
  process.exit(ok ? 0 : 1);
}

interface RealPassage {
  id: string;
  lang: string;
  label: 'positive' | 'negative';
  claims: string[];
  text: string;
}

const pct = (t: Tally): string => {
  const f = figures(t);
  return `P ${f.precision.toFixed(3)}  R ${f.recall.toFixed(3)}  F1 ${f.f1.toFixed(3)}  (TP ${t.tp}, FP ${t.fp}, FN ${t.fn})`;
};

/** Score the real dev set, when present. Prints only ids, claims and figures, never the passages. */
function realDevSet(index: MatchIndex): void {
  console.log('');
  if (!existsSync(REAL_DEV)) {
    console.log(`real dev set: not found at ${REAL_DEV}; skipped (set RTT_REALTEXT to its path)`);
    return;
  }
  const rows: RealPassage[] = readFileSync(REAL_DEV, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as RealPassage);
  const tallies = new Map<string, Tally>([['overall', { tp: 0, fp: 0, fn: 0 }]]);
  const perClaim = new Map<string, { hit: number; n: number }>();
  const misses: string[] = [];
  const alarms: string[] = [];
  for (const r of rows) {
    const got = new Set(matchText(r.text, index).map((m) => m.claimId));
    if (!tallies.has(r.lang)) tallies.set(r.lang, { tp: 0, fp: 0, fn: 0 });
    const buckets = [tallies.get('overall')!, tallies.get(r.lang)!];
    if (r.label === 'positive') {
      const found = r.claims.some((c) => got.has(c));
      for (const b of buckets) {
        if (found) b.tp++;
        else b.fn++;
      }
      for (const c of r.claims) {
        const k = perClaim.get(c) ?? { hit: 0, n: 0 };
        k.n++;
        if (got.has(c)) k.hit++;
        perClaim.set(c, k);
      }
      if (!found) misses.push(`  ${r.id} [${r.lang}] expected ${r.claims.join(', ')}${got.size ? `; marked ${[...got].join(', ')}` : ''}`);
    } else if (got.size > 0) {
      for (const b of buckets) b.fp++;
      alarms.push(`  ${r.id} [${r.lang}] marked ${[...got].join(', ')}`);
    }
  }
  const positives = rows.filter((r) => r.label === 'positive').length;
  console.log(`real dev set (${REAL_DEV}): ${rows.length} passages, ${positives} positive, ${rows.length - positives} negative`);
  for (const [name, t] of tallies) console.log(`  ${name.padEnd(8)}  ${pct(t)}`);
  const claims = [...perClaim.entries()].sort((a, b) => a[1].hit / a[1].n - b[1].hit / b[1].n || a[0].localeCompare(b[0]));
  console.log(`  per claim (found/labelled): ${claims.map(([id, k]) => `${id} ${k.hit}/${k.n}`).join(', ')}`);
  console.log(`  misses (${misses.length}):${misses.length ? '\n' + misses.join('\n') : ' none'}`);
  console.log(`  false alarms (${alarms.length}):${alarms.length ? '\n' + alarms.join('\n') : ' none'}`);
}

main();
