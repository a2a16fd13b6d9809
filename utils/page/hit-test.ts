/**
 * Which mark is under a point: the caret position at the point narrows the candidates by a binary search
 * over the marks (sorted in document order), then the candidates' client rects confirm it. Cheap enough
 * for every pointer move; `highlightsFromPoint` is not used (not in Firefox, and it tests every highlight).
 * DOM only, never `browser`.
 */
import { compareDocumentPoints } from './document-order';

/** Anything carrying a live Range (marks sorted by range start in document order). */
export interface Ranged {
  range: Range;
}

/** Slack in CSS pixels around a rect: the underline sits just below the text box. */
const SLOP = 2;
/** How many marks before the caret are checked, for overlapping marks. */
const BACKTRACK = 4;

/** A caret position `{node, offset}` at viewport point (x, y), or null where unsupported or off text. */
export function caretAtPoint(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: readonly ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  try {
    if (typeof d.caretPositionFromPoint === 'function') {
      const pos = shadowRoots.length > 0
        ? d.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] })
        : d.caretPositionFromPoint(x, y);
      return pos?.offsetNode ? { node: pos.offsetNode, offset: pos.offset } : null;
    }
    if (typeof d.caretRangeFromPoint === 'function') {
      const r = d.caretRangeFromPoint(x, y);
      return r ? { node: r.startContainer, offset: r.startOffset } : null;
    }
  } catch {
    // Some engines throw for points outside the viewport.
  }
  return null;
}

/** True when (x, y) lies on one of the range's line boxes. */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (r.width === 0 && r.height === 0) continue;
    if (x >= r.left - SLOP && x <= r.right + SLOP && y >= r.top - SLOP && y <= r.bottom + SLOP) return true;
  }
  return false;
}

/**
 * The mark under viewport point (x, y), or null. `marks` must be sorted by range start in document order
 * (as the annotator keeps them). Without a caret API, falls back to testing every mark's rects.
 */
export function markAtPoint<T extends Ranged>(doc: Document, marks: readonly T[], x: number, y: number): T | null {
  if (marks.length === 0) return null;
  const caret = caretAtPoint(doc, x, y, shadowRootsOf(marks));
  if (!caret) {
    for (const m of marks) if (rangeContainsPoint(m.range, x, y)) return m;
    return null;
  }
  // First mark starting after the caret; candidates are the few just before it.
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = marks[mid]!.range;
    if (compareDocumentPoints(r.startContainer, r.startOffset, caret.node, caret.offset) > 0) hi = mid;
    else lo = mid + 1;
  }
  // The caret may sit just before the mark's first character (left half of it) → also try `lo`.
  const from = Math.max(0, lo - BACKTRACK);
  for (let i = Math.min(lo, marks.length - 1); i >= from; i--) {
    const m = marks[i]!;
    if (rangeContainsPoint(m.range, x, y)) return m;
  }
  return null;
}

function shadowRootsOf(marks: readonly Ranged[]): ShadowRoot[] {
  const roots = new Set<ShadowRoot>();
  for (const m of marks) {
    const root = m.range.startContainer.getRootNode();
    if (root.nodeType === 11 && 'host' in root) roots.add(root as ShadowRoot);
  }
  return [...roots];
}
