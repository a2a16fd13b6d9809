// The match CLI's contract, checked by spawning it exactly as maintainers and outside checks do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SENTENCE = 'Abedzadeh said: "This airplane was not hit by a missile."';

function run(args: string[], input = ''): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync('npm', ['run', '-s', 'match', '--', ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('match CLI', { timeout: 60_000 }, () => {
  test('--jsonl: one line per input, offsets into the whole text, nothing else on stdout', () => {
    const text = `Unrelated first line.\n\n${SENTENCE}`;
    const input = [
      JSON.stringify({ id: 'a', text }),
      JSON.stringify({ id: 'b', text: '' }),
      JSON.stringify({ id: 'c', text: 'نرخ ارز امروز ثابت ماند.' }),
    ].join('\n');
    const r = run(['--jsonl'], input + '\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const out = lines.map((l) => JSON.parse(l) as { id: string; matches: { claimId: string; start: number; end: number; score: number }[] });
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(out[0]!.matches.map((m) => m.claimId)).toEqual(['ps752-not-hit-by-missile']);
    const m = out[0]!.matches[0]!;
    // The contract's fields stay exactly as they were; `why` is the one field added (engine v2).
    expect(Object.keys(m).sort()).toEqual(['claimId', 'end', 'score', 'start', 'why']);
    const why = (m as unknown as { why: { kind: string; terms: { text: string; start: number; end: number }[] } }).why;
    expect(why.kind).toBe('phrasing');
    for (const t of why.terms) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(text.slice(m.start, m.end)).toBe('This airplane was not hit by a missile');
    expect(m.score).toBeGreaterThan(0);
    expect(m.score).toBeLessThanOrEqual(1);
    expect(out[1]!.matches).toEqual([]);
    expect(out[2]!.matches).toEqual([]);
  });

  test('--jsonl: an invalid line fails before anything is written, naming the line', () => {
    const input = [JSON.stringify({ id: 'a', text: SENTENCE }), '{"id": "b", "text": ', JSON.stringify({ id: 'c', text: 'x' })].join('\n');
    const r = run(['--jsonl'], input);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/line 2: invalid JSON/);
  });

  test.each([
    ['not an object', '[1, 2]', /line 2: expected an object/],
    ['text missing', '{"id": "x"}', /line 2: "text" must be a string/],
    ['id missing', '{"text": "x"}', /line 2: "id" must be a string/],
  ])('--jsonl: %s', (_name, line, message) => {
    const r = run(['--jsonl'], `${JSON.stringify({ id: 'ok', text: 'fine' })}\n${line}\n`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  test('--jsonl: empty input writes nothing and succeeds', () => {
    const r = run(['--jsonl'], '');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  test('--json FILE: array of {claimId, start, end, score, text}', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtt-cli-'));
    const file = join(dir, 'page.txt');
    writeFileSync(file, `Header\n${SENTENCE}\n`);
    const r = run(['--json', file]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { claimId: string; start: number; end: number; score: number; text: string }[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ claimId: 'ps752-not-hit-by-missile', text: 'This airplane was not hit by a missile' });
    expect(`Header\n${SENTENCE}\n`.slice(out[0]!.start, out[0]!.end)).toBe(out[0]!.text);
  });

  test('--json -: reads stdin; empty text gives []', () => {
    const r = run(['--json', '-'], '');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  test('human-readable from stdin', () => {
    const r = run(['-'], SENTENCE);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('ps752-not-hit-by-missile');
    expect(r.stdout).toContain('1 match');
  });

  test('usage errors exit 2', () => {
    expect(run([]).status).toBe(2);
    expect(run(['--nope', 'x']).status).toBe(2);
    const missing = run(['/definitely/not/here.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
