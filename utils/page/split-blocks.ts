/**
 * Very long blocks (a 5 MB paragraph, one block of 100,000 text nodes) are cut into pieces before they reach
 * the engine, so that the annotator's time slices stay short: one engine call on a whole 5 MB block is one
 * task of most of a second. A piece is a TextBlock of its own whose segments are the block's, shifted (a text
 * node cut by a piece boundary belongs to both pieces, whole), so block-ranges.ts maps piece offsets to the
 * same DOM positions and still checks every node for staleness. Pieces end at a sentence end where one is
 * near the limit, else at white space, else anywhere but inside a surrogate pair. DOM only, never `browser`.
 */
import type { BlockSegment, TextBlock } from './extract-blocks';

/** Longest piece handed to the engine, in UTF-16 units (a few ms of matching). */
export const MAX_PIECE_CHARS = 20_000;

/** Where to cut `text` at or before `limit` (exclusive end of the piece), never before `from + 1`. */
function cutPoint(text: string, from: number, limit: number): number {
  if (limit >= text.length) return text.length;
  // A sentence end in the last quarter of the piece: matches and signatures stay within sentences.
  const floor = from + Math.floor((limit - from) * 0.75);
  for (let i = limit - 1; i > floor; i--) {
    if (/\s/.test(text[i]!) && /[.!?؟。\n]/.test(text[i - 1]!)) return i + 1;
  }
  for (let i = limit - 1; i > floor; i--) if (/\s/.test(text[i]!)) return i + 1;
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}

/** The block's segments overlapping [start, end), shifted to piece offsets. */
function pieceSegments(segments: readonly BlockSegment[], first: number, start: number, end: number): { segments: BlockSegment[]; next: number } {
  let i = first;
  while (i < segments.length && segments[i]!.end <= start) i++;
  const out: BlockSegment[] = [];
  let j = i;
  for (; j < segments.length && segments[j]!.start < end; j++) {
    const s = segments[j]!;
    out.push({ node: s.node, start: s.start - start, end: s.end - start });
  }
  // The next piece starts at `end`: the last segment may straddle it.
  return { segments: out, next: Math.max(i, j - 1) };
}

/** `block` itself when short enough, else its pieces in order (their texts concatenate to the block's text). */
export function splitBlock(block: TextBlock, maxChars = MAX_PIECE_CHARS): TextBlock[] {
  if (block.text.length <= maxChars) return [block];
  const pieces: TextBlock[] = [];
  let seg = 0;
  for (let start = 0; start < block.text.length; ) {
    const end = cutPoint(block.text, start, start + maxChars);
    const { segments, next } = pieceSegments(block.segments, seg, start, end);
    pieces.push({ text: block.text.slice(start, end), segments });
    seg = next;
    start = end;
  }
  return pieces;
}

/** The blocks of `blocks`, long ones cut into pieces, lazily. */
export function* splitLongBlocks(blocks: Iterator<TextBlock>, maxChars = MAX_PIECE_CHARS): Generator<TextBlock> {
  for (let step = blocks.next(); !step.done; step = blocks.next()) yield* splitBlock(step.value, maxChars);
}
