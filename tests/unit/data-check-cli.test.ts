// Runs the real data:check and data:new commands on a temporary copy of data/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const temps: string[] = [];

function tempCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rtt-data-'));
  temps.push(dir);
  cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
  return dir;
}

function run(script: string, args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(TSX, [join(ROOT, 'scripts', script), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Each case spawns tsx up to four times; on a loaded two-core machine that can pass the 5 s default.
describe('npm run data:check', { timeout: 60_000 }, () => {
  it('passes on a clean copy and prints a one-line summary', () => {
    const result = run('data-check.ts', ['--root', tempCopy()]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^data:check: ok: \d+ claims \(\d+ with Persian phrasings\), \d+ sources, \d+ incidents/);
  });

  it('exits 1 and names the broken file and field', () => {
    const dir = tempCopy();
    const file = join(dir, 'data/claims/ps752-not-hit-by-missile.json');
    const claim = JSON.parse(readFileSync(file, 'utf8')) as { statements: { date: string }[] };
    claim.statements[0]!.date = '9 January 2020';
    writeFileSync(file, JSON.stringify(claim, null, 2) + '\n');
    const result = run('data-check.ts', ['--root', dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('data/claims/ps752-not-hit-by-missile.json: statements[0].date: use YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('exits 2 on a usage error', () => {
    expect(run('data-check.ts', ['--bogus']).status).toBe(2);
    expect(run('data-check.ts', ['--root', join(tmpdir(), 'rtt-no-such-dir')]).status).toBe(2);
  });
});

describe('npm run data:new', { timeout: 60_000 }, () => {
  it('scaffolds a claim that data:check rejects until its TODOs are filled, and refuses to overwrite', () => {
    const dir = tempCopy();
    const first = run('data-new.ts', ['my-new-claim'], dir);
    expect(first.status).toBe(0);
    const check = run('data-check.ts', ['--root', dir]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('data/claims/my-new-claim.json: title: fill this in: it still says TODO');
    expect(run('data-new.ts', ['my-new-claim'], dir).status).toBe(2);
    expect(run('data-new.ts', ['Not A Slug'], dir).status).toBe(2);
  });
});
