// npm run eval
// Runs the engine over the labelled passages in tests/corpus/*.jsonl (one JSON object a line:
// {id, lang: "en"|"fa", text, expected: [claimId...]}; expected [] marks a hard negative) and prints
// precision, recall and F1 overall and per language, then every miss and false alarm.
// Counting is per (passage, claim): a claim found and expected is a true positive, found and not expected a
// false alarm, expected and not found a miss.
// Exit codes: 0 ok, 1 below precision 0.95 or recall 0.90, 2 corpus or data error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { matchText } from '../utils/engine/index';
import { loadIndex, REPO_ROOT } from './lib/engine-data';

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;
const CORPUS_DIR = join(REPO_ROOT, 'tests', 'corpus');

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

  const overall = figures(tallies.get('overall')!);
  const ok = overall.precision >= MIN_PRECISION && overall.recall >= MIN_RECALL;
  console.log(
    `\n${ok ? 'PASS' : 'FAIL'}: precision ${overall.precision.toFixed(3)} (min ${MIN_PRECISION}), ` +
      `recall ${overall.recall.toFixed(3)} (min ${MIN_RECALL})`,
  );
  process.exit(ok ? 0 : 1);
}

main();
