// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { blockRange } from '../../utils/page/block-ranges';
import { extractBlocks } from '../../utils/page/extract-blocks';
import { MAX_PIECE_CHARS, splitBlock } from '../../utils/page/split-blocks';

afterEach(() => {
  document.body.innerHTML = '';
});

const WORDS = ['word', 'x', 'End.', 'why?', 'ایران.', '😀', 'e\u0301', '\u00a0', 'long-one-without-spaces-at-all'];

describe('splitBlock', () => {
  it('leaves a block within the limit as it is', () => {
    document.body.innerHTML = '<p>short text</p>';
    const [b] = extractBlocks(document.body);
    expect(splitBlock(b!)).toEqual([b]);
    expect(MAX_PIECE_CHARS).toBeGreaterThan(1_000);
  });

  it('cuts at a sentence end near the limit', () => {
    document.body.innerHTML = `<p>${'Aaaa bbbb. '.repeat(20)}</p>`;
    const [b] = extractBlocks(document.body);
    const pieces = splitBlock(b!, 50);
    for (const p of pieces.slice(0, -1)) expect(p.text).toMatch(/\. $/);
  });

  it('pieces concatenate to the block, stay within the limit, and map to the same DOM ranges (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom('', 'b', 'span', 'br'), fc.constantFrom(' ', '', '\n')), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 8, max: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
        (parts, max, spans) => {
          document.body.innerHTML = `<p>${parts.map(([w, tag, gap]) => (tag === 'br' ? `${w}<br>` : tag ? `<${tag}>${w}</${tag}>${gap}` : `${w}${gap}`)).join('')}</p>`;
          const [b] = extractBlocks(document.body);
          if (!b) return;
          const pieces = splitBlock(b, max);
          expect(pieces.map((p) => p.text).join('')).toBe(b.text);
          let offset = 0;
          for (const piece of pieces) {
            expect(piece.text.length).toBeLessThanOrEqual(max);
            expect(piece.text.length).toBeGreaterThan(0);
            // Never between the halves of a surrogate pair.
            expect(/^[\udc00-\udfff]/.test(piece.text) && /[\ud800-\udbff]$/.test(b.text.slice(0, offset))).toBe(false);
            for (const [x, y] of spans) {
              const s = x % piece.text.length;
              const e = s + 1 + (y % (piece.text.length - s));
              const mine = blockRange(piece, s, e);
              const whole = blockRange(b, offset + s, offset + e);
              expect(mine?.toString() ?? null).toBe(whole?.toString() ?? null);
            }
            offset += piece.text.length;
          }
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it('keeps a text node cut by a piece boundary whole in both pieces, so staleness is still checked', () => {
    document.body.innerHTML = `<p>${'abcdefghij'.repeat(10)}</p>`;
    const [b] = extractBlocks(document.body);
    const [first, second] = splitBlock(b!, 30);
    expect(first!.segments[0]!.node).toBe(second!.segments[0]!.node);
    expect(blockRange(second!, 0, 5)?.toString()).toBe(b!.text.slice(30, 35));
    (b!.segments[0]!.node as Text).data += '!';
    expect(blockRange(second!, 0, 5)).toBeNull();
  });
});
