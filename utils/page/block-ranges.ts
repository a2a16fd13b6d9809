/**
 * Block offsets → DOM positions and Ranges, across inline element boundaries (`<a>`, `<b>`, `<span>`…).
 * DOM only, never `browser`.
 */
import type { TextBlock } from './extract-blocks';

/** A point in the DOM: a Text node and a UTF-16 offset into its data. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * Maps a block offset to a text position. `side` decides offsets that fall on a segment boundary or in a
 * gap (a `<br>`): a range start binds to the following text (`'start'`), a range end to the preceding
 * text (`'end'`), so a range never begins or ends in an element it does not cover.
 * Returns null when the offset is outside the block's text.
 */
export function blockOffsetToPoint(block: TextBlock, offset: number, side: 'start' | 'end'): TextPoint | null {
  const i = segmentIndexAt(block, offset, side);
  if (i < 0) return null;
  const seg = block.segments[i]!;
  return side === 'start'
    ? { node: seg.node, offset: Math.max(0, offset - seg.start) }
    : { node: seg.node, offset: Math.min(seg.end, offset) - seg.start };
}

/** Index of the segment {@link blockOffsetToPoint} binds `offset` to, or -1. */
function segmentIndexAt(block: TextBlock, offset: number, side: 'start' | 'end'): number {
  const segments = block.segments;
  if (segments.length === 0 || offset < 0 || offset > block.text.length) return -1;
  // start: first segment ending after `offset`; end: last segment starting before `offset`.
  const i = side === 'start' ? lowerBound(segments, (s) => s.end > offset) : lowerBound(segments, (s) => s.start >= offset) - 1;
  return i >= 0 && i < segments.length ? i : -1;
}

/**
 * A live Range over block text `[start, end)` (UTF-16 offsets, end exclusive). Returns null when the
 * span is empty or out of bounds, or when the page changed one of its text nodes since extraction (the
 * node left the document or its length changed), so a stale block can never mark the wrong words.
 */
export function blockRange(block: TextBlock, start: number, end: number): Range | null {
  if (!(start < end)) return null;
  const first = segmentIndexAt(block, start, 'start');
  const last = segmentIndexAt(block, end, 'end');
  if (first < 0 || last < first) return null;
  const from = blockOffsetToPoint(block, start, 'start')!;
  const to = blockOffsetToPoint(block, end, 'end')!;
  for (let i = first; i <= last; i++) {
    const seg = block.segments[i]!;
    if (!seg.node.isConnected || seg.node.data.length !== seg.end - seg.start) return null;
  }
  if (first === last && from.offset >= to.offset) return null;
  const doc = from.node.ownerDocument;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text nodes a block span covers, in order (for checking later whether a mark went stale). */
export function blockSpanNodes(block: TextBlock, start: number, end: number): Text[] {
  const out: Text[] = [];
  for (const seg of block.segments) {
    if (seg.end > start && seg.start < end) out.push(seg.node);
  }
  return out;
}

/** Index of the first element satisfying a monotonic predicate (false…false true…true); length if none. */
function lowerBound<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
