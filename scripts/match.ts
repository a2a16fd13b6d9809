// npm run -s match -- FILE|-            human-readable matches
// npm run -s match -- --json FILE|-     JSON array of {claimId, start, end, score, text, why}
// npm run -s match -- --jsonl           stdin: JSON lines {"id", "text"}; stdout: one line per input,
//                                       {"id", "matches": [{claimId, start, end, score, why}]}
// `why` says what made a match fire: {kind: "phrasing"|"signature", rule, terms: [{concept, text, start, end}],
// context: {text, where, start?, end?} | null}; its offsets are into the whole text too.
// Offsets are UTF-16 indices into the whole text; blocks are split at line breaks.
// In --jsonl mode all input is validated before anything is written: one bad line → error on stderr naming
// the line, exit 1, empty stdout. Exit codes: 0 ok, 1 bad input, 2 usage or I/O error.
import { readFileSync } from 'node:fs';
import { matchText, type MatchIndex, type MatchWhy } from '../utils/engine/index';
import { loadIndex } from './lib/engine-data';

const USAGE = 'usage: npm run -s match -- [--json] FILE|-   or   npm run -s match -- --jsonl < input.jsonl';

function fail(code: 1 | 2, message: string): never {
  process.stderr.write(`match: ${message}\n`);
  if (code === 2) process.stderr.write(`${USAGE}\n`);
  process.exit(code);
}

function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    fail(2, `cannot read ${file === '-' ? 'stdin' : file}: ${(error as Error).message}`);
  }
}

function index(): MatchIndex {
  try {
    return loadIndex(undefined, (m) => process.stderr.write(`match: ${m}\n`));
  } catch (error) {
    fail(2, `cannot build the match index from data/: ${(error as Error).message}`);
  }
}

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

function human(file: string): void {
  const text = readInput(file);
  const matches = matchText(text, index());
  const lines = matches.map(
    (m) => `${lineAndColumn(text, m.start)}\t${m.score.toFixed(2)}\t${m.claimId}\t"${text.slice(m.start, m.end)}"`,
  );
  lines.push(`${matches.length} match${matches.length === 1 ? '' : 'es'}`);
  process.stdout.write(lines.join('\n') + '\n');
}

/** The match's evidence as the CLI prints it (block indices are internal to the engine and left out). */
function cliWhy(why: MatchWhy): MatchWhy {
  if (!why.context) return why;
  const { block: _block, ...context } = why.context;
  return { ...why, context };
}

function json(file: string): void {
  const text = readInput(file);
  const out = matchText(text, index()).map((m) => ({
    claimId: m.claimId,
    start: m.start,
    end: m.end,
    score: m.score,
    text: text.slice(m.start, m.end),
    why: cliWhy(m.why),
  }));
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

interface JsonlItem {
  id: string | number;
  text: string;
}

/** Parse every line first; blank lines are skipped. Throws on the first bad line, naming it (1-based). */
function parseJsonl(input: string): JsonlItem[] {
  const items: JsonlItem[] = [];
  const lines = input.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    const where = `stdin line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: invalid JSON (${(error as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new Error(`${where}: expected an object {"id": "...", "text": "..."}`);
    }
    const { id, text } = value as Record<string, unknown>;
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`${where}: "id" must be a string`);
    if (typeof text !== 'string') throw new Error(`${where}: "text" must be a string`);
    items.push({ id, text });
  });
  return items;
}

function jsonl(): void {
  const input = readInput('-');
  let items: JsonlItem[];
  try {
    items = parseJsonl(input);
  } catch (error) {
    fail(1, `${(error as Error).message}; nothing written`);
  }
  const idx = index();
  const out: string[] = [];
  for (const item of items) {
    const matches = matchText(item.text, idx).map((m) => ({
      claimId: m.claimId,
      start: m.start,
      end: m.end,
      score: m.score,
      why: cliWhy(m.why),
    }));
    out.push(JSON.stringify({ id: item.id, matches }));
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
}

function main(args: string[]): void {
  if (args.length === 1 && args[0] === '--jsonl') return jsonl();
  if (args.length === 2 && args[0] === '--json') return json(args[1]!);
  if (args.length === 1 && (args[0] === '-' || !args[0]!.startsWith('--'))) return human(args[0]!);
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  fail(2, args.length === 0 ? 'no input given' : `unexpected arguments: ${args.join(' ')}`);
}

main(process.argv.slice(2));
