// Which real dev positives hold a cue of their claim's incident at all (the ceiling for context-bound signatures).
import { readFileSync } from 'node:fs';
import { buildMatchIndex, loadMatchIndex, normalizeText } from './utils/engine/index';
import { spotConcepts } from './utils/engine/match-signatures';
import { stem, tokenize } from './utils/engine/tokenize';
import { loadClaims, loadSignatureData } from './scripts/lib/engine-data';
const claims = loadClaims();
const index = loadMatchIndex(buildMatchIndex(claims, loadSignatureData()));
const rows = readFileSync('../shared/realtext/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const byLang: Record<string, [number, number]> = {};
const perClaim: Record<string, [number, number]> = {};
for (const r of rows) {
  if (r.label !== 'positive') continue;
  const norm = normalizeText(r.text);
  const tokens = tokenize(norm.text);
  const sig = spotConcepts(norm.text, tokens, tokens.map((t) => stem(t.word)), index);
  const has = r.claims.some((c: string) => {
    const ci = index.json.claims.findIndex((x) => x.id === c);
    const ctx = index.json.sig.claimContext[ci];
    return ctx !== undefined && ctx >= 0 && sig.byConcept.has(ctx);
  });
  const l = (byLang[r.lang] ??= [0, 0]); l[1]++; if (has) l[0]++;
  for (const c of r.claims) { const k = (perClaim[c] ??= [0, 0]); k[1]++; if (has) k[0]++; }
}
console.log('positives with a cue of their incident:', JSON.stringify(byLang));
console.log(Object.entries(perClaim).map(([k, v]) => `${k} ${v[0]}/${v[1]}`).join(', '));
