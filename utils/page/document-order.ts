/**
 * Document order of DOM points across shadow boundaries (Range methods throw for points in different
 * trees, so marks in open shadow roots need the composed order). DOM only, never `browser`.
 */

/** Chain from the outermost tree inward: [host in document, host in its shadow root, …, node]. */
function composedChain(node: Node): Node[] {
  const chain: Node[] = [node];
  let root = node.getRootNode();
  while (root.nodeType === 11 && 'host' in root && (root as ShadowRoot).host) {
    const host = (root as ShadowRoot).host;
    chain.push(host);
    root = host.getRootNode();
  }
  return chain.reverse();
}

/**
 * Compares two DOM points in composed document order: negative if (a, aOffset) comes first, 0 if equal,
 * positive if it comes after. Points in unrelated trees compare as equal.
 */
export function compareDocumentPoints(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a.getRootNode() === b.getRootNode()) return compareSameTree(a, aOffset, b, bOffset);
  const ca = composedChain(a);
  const cb = composedChain(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  const na = ca[i];
  const nb = cb[i];
  // One chain ends at a host the other descends into: the host's own position comes first.
  if (!na) return -1;
  if (!nb) return 1;
  if (na.getRootNode() !== nb.getRootNode()) return 0;
  // Points at the hosts themselves: a point inside a host's shadow tree counts as at the host's start.
  return compareSameTree(na, na === a ? aOffset : 0, nb, nb === b ? bOffset : 0);
}

function compareSameTree(a: Node, aOffset: number, b: Node, bOffset: number): number {
  if (a === b) return aOffset - bOffset;
  const doc = a.ownerDocument ?? (a as Document);
  const range = doc.createRange();
  try {
    range.setStart(a, aOffset);
    // comparePoint: -1 if b is before the (collapsed) range, 1 if after.
    return -range.comparePoint(b, bOffset);
  } catch {
    return 0;
  }
}

/** `ancestor` contains `node`, looking through shadow roots to their hosts. */
export function composedContains(ancestor: Node, node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (ancestor.contains(current)) return true;
    const root = current.getRootNode();
    current = root.nodeType === 11 && 'host' in root ? (root as ShadowRoot).host : null;
  }
  return false;
}
