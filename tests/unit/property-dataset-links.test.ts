// Dataset links end up as <a href> in the card, on hostile pages too: the schema lets through http(s) only,
// however the scheme is spelt or hidden, and every link in the built dataset is one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { HttpUrlSchema, urlProblem } from '../../data/schema/index';
import { REPO_ROOT } from '../../scripts/lib/engine-data';

const SCHEMES = ['javascript', 'data', 'vbscript', 'file', 'blob', 'about', 'chrome', 'moz-extension', 'chrome-extension', 'ftp', 'ws', 'mailto', 'http', 'https'];
/** Spellings a browser still reads as the scheme: mixed case, leading spaces and controls, tabs or line breaks inside. */
const disguise = (scheme: string) =>
  fc
    .tuple(fc.array(fc.boolean(), { minLength: scheme.length, maxLength: scheme.length }), fc.constantFrom('', ' ', '\t', '\u0000', '\n '), fc.nat(), fc.constantFrom('', '\t', '\n', '\r'))
    .map(([upper, lead, at, inside]) => {
      const cased = [...scheme].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('');
      const i = at % (cased.length + 1);
      return lead + cased.slice(0, i) + inside + cased.slice(i);
    });
const candidate = fc.oneof(
  fc.webUrl(),
  fc.tuple(fc.constantFrom(...SCHEMES).chain(disguise), fc.constantFrom(':', '://', ':////'), fc.string({ unit: 'binary', maxLength: 30 })).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...SCHEMES), fc.webUrl()).map(([scheme, url]) => url.replace(/^https?/, scheme)),
);

describe('dataset links (property)', () => {
  test('anything the schema accepts is an http(s) link, as the browser will read it', () => {
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (value) => {
        const ok = HttpUrlSchema.safeParse(value).success;
        expect(ok).toBe(urlProblem(value) === null);
        if (!ok) return;
        accepted++;
        // What an <a href> resolves it to: WHATWG URL parsing, as in the page.
        expect(['http:', 'https:']).toContain(new URL(value).protocol);
      }),
      { numRuns: 3_000, seed: 11 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  test.each(['JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:alert(1)', '\u0000javascript:alert(1)', 'data:text/html,<script>alert(1)</script>'])(
    'refuses %j',
    (value) => expect(HttpUrlSchema.safeParse(value).success).toBe(false),
  );

  test('every link in the built dataset is http(s)', () => {
    const dataset = JSON.parse(readFileSync(join(REPO_ROOT, 'generated/dataset.json'), 'utf8')) as { sources: { url: string }[] };
    expect(dataset.sources.length).toBeGreaterThan(0);
    for (const { url } of dataset.sources) expect(['http:', 'https:'], url).toContain(new URL(url).protocol);
  });
});
