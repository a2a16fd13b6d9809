/**
 * Page text → blocks, with a map from block offsets back to DOM text nodes.
 *
 * One pass with a TreeWalker per tree (the document and each open shadow root), no getComputedStyle:
 * block boundaries come from tag names, hidden regions from attributes. A block is the run of inline
 * text between two block-level boundaries; the engine never matches across blocks.
 *
 * DOM only, never `browser`: runs in happy-dom, a plain page and the content script alike.
 */

/** A run of one Text node inside a block. `start`/`end` are UTF-16 offsets into the block's text. */
export interface BlockSegment {
  node: Text;
  /** Offset in the block text of the node's first character. */
  start: number;
  /** `start + node.data.length` at extraction time. */
  end: number;
}

export interface TextBlock {
  /** The block's text: its text nodes' data, in order, with `\n` for each `<br>` (a gap no node owns). */
  text: string;
  /** Sorted by `start`, non-overlapping. Gaps between segments are `<br>` line breaks. */
  segments: BlockSegment[];
}

export interface ExtractOptions {
  /** Attribute marking our own UI (its subtree is never read). Default {@link OWN_UI_ATTRIBUTE}. */
  ownUiAttribute?: string;
  /** Called for every open shadow root walked, so a caller can observe it for mutations. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** The attribute on the host element of everything we inject into a page. */
export const OWN_UI_ATTRIBUTE = 'data-right-to-truth';

/**
 * Elements whose subtree is never page prose: code, form fields, editable regions, templates, graphics,
 * embedded documents and explicitly hidden elements. `aria-hidden` is deliberately not skipped: its text is
 * still on screen for sighted readers. Inline `display:none` is caught here; other hidden text is left for
 * the annotator's per-match visibility check, which is cheap because matches are rare.
 */
const SKIP_TAG_LIST = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'canvas',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'head',
];
const SKIP_TAGS: ReadonlySet<string> = new Set(SKIP_TAG_LIST);
const INLINE_DISPLAY_NONE = /display\s*:\s*none/i;
const SKIP_SELECTOR_BASE = [
  ...SKIP_TAG_LIST,
  '[hidden]',
  '[contenteditable]:not([contenteditable="false" i])',
  '[style*="display:none" i]',
  '[style*="display: none" i]',
].join(',');

/** Builds the selector of subtrees never read (see {@link SKIP_SELECTOR_BASE}) plus our own UI. */
export function skipSelector(ownUiAttribute: string = OWN_UI_ATTRIBUTE): string {
  return `${SKIP_SELECTOR_BASE},[${ownUiAttribute}]`;
}

/**
 * Tags that start and end a block. Everything else (a, b, span, custom elements without a shadow root…)
 * is inline: its text joins the surrounding block. A `<div>` is treated as block without asking for its
 * computed display, which is right for nearly all news markup and costs nothing.
 */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'search',
]);

/**
 * Tags known to be inline. Used by the annotator when a node is added: an added inline node changes the
 * block around it, anything else (block tags, unknown and custom elements) is scanned on its own.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'label', 'mark',
  'q', 'rp', 'rt', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** The only elements `attachShadow` accepts besides custom elements (a `-` in the name). */
const SHADOW_HOST_TAGS: ReadonlySet<string> = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);

const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A root the extractor can walk: a document, an element or a shadow root. */
export type ExtractRoot = Document | Element | ShadowRoot;

/** Reads every block under `root` (see {@link iterateBlocks}). */
export function extractBlocks(root: ExtractRoot, options: ExtractOptions = {}): TextBlock[] {
  return [...iterateBlocks(root, options)];
}

/**
 * Yields the blocks under `root` in document order (composed: open shadow roots are read in place of their
 * host's children, slotted nodes where their slot is). Lazy, so a caller can stop after any block and
 * resume in a later task. Whitespace-only blocks are not yielded. The root's own ancestors are not
 * checked: callers that scan a subtree check {@link isInSkippedRegion} first.
 */
export function* iterateBlocks(root: ExtractRoot, options: ExtractOptions = {}): Generator<TextBlock> {
  const skip = skipTest(options.ownUiAttribute ?? OWN_UI_ATTRIBUTE);
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return;
  if (doc.designMode === 'on') return; // the whole document is editable
  const builder = new BlockBuilder();
  if (isShadowRoot(root)) {
    yield* walkShadow(root, doc, skip, builder, options);
  } else {
    const start: Node | null = root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : root;
    if (!start) return;
    if (start.nodeType === ELEMENT_NODE && skip(start as Element)) return;
    yield* walkTree(start, doc, skip, builder, options);
  }
  const last = builder.flush();
  if (last) yield last;
}

/**
 * A block of this many text nodes ends early, at the next text node ending a sentence (twice as many: ending
 * in white space; four times: any), so that reading one block of 100,000 nodes is not one long task: the
 * walk yields every few thousand nodes. Such a cut could split a phrase only in blocks no prose has.
 */
export const SOFT_MAX_SEGMENTS = 1_024;

/** Accumulates the current block. */
class BlockBuilder {
  private parts: string[] = [];
  private length = 0;
  private segments: BlockSegment[] = [];
  private hasText = false;

  /** Whether the block is long enough to end at this text node (see {@link SOFT_MAX_SEGMENTS}). */
  full(): boolean {
    const n = this.segments.length;
    if (n < SOFT_MAX_SEGMENTS) return false;
    if (n >= 4 * SOFT_MAX_SEGMENTS) return true;
    const last = this.parts[this.parts.length - 1] ?? '';
    return n >= 2 * SOFT_MAX_SEGMENTS ? /\s$/.test(last) : /[.!?؟。]\s*$/.test(last);
  }

  addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    this.segments.push({ node, start: this.length, end: this.length + data.length });
    this.parts.push(data);
    this.length += data.length;
    if (!this.hasText && /\S/.test(data)) this.hasText = true;
  }

  addBreak(): void {
    if (this.length === 0) return;
    this.parts.push('\n');
    this.length += 1;
  }

  /** Ends the current block; returns it unless it holds only whitespace. */
  flush(): TextBlock | null {
    const block = this.hasText ? { text: this.parts.join(''), segments: this.segments } : null;
    this.parts = [];
    this.length = 0;
    this.segments = [];
    this.hasText = false;
    return block;
  }
}

function* walkTree(
  start: Node,
  doc: Document,
  skip: SkipTest,
  builder: BlockBuilder,
  options: ExtractOptions,
): Generator<TextBlock> {
  if (start.nodeType === TEXT_NODE) {
    builder.addText(start as Text);
    return;
  }
  // No NodeFilter: a JS filter callback per node costs ~10× the walk itself. Skipped subtrees are simply
  // not descended into.
  const walker = doc.createTreeWalker(start, SHOW_ELEMENT_AND_TEXT);
  let node: Node = start;
  // Depth-first with explicit enter/exit so block boundaries are seen on both sides of a block element.
  for (;;) {
    let descend = false;
    if (node.nodeType === TEXT_NODE) {
      builder.addText(node as Text);
      if (builder.full()) {
        const done = builder.flush();
        if (done) yield done;
      }
    } else if (node === start || !skip(node as Element)) {
      const el = node as Element;
      const tag = el.localName;
      if (tag === 'br') {
        builder.addBreak();
      } else {
        const block = BLOCK_TAGS.has(tag);
        const shadow = SHADOW_HOST_TAGS.has(tag) || tag.includes('-') ? (el as HTMLElement).shadowRoot : null;
        if (block || shadow) {
          const done = builder.flush();
          if (done) yield done;
        }
        if (shadow) {
          options.onShadowRoot?.(shadow);
          yield* walkShadow(shadow, doc, skip, builder, options);
          const done = builder.flush();
          if (done) yield done;
        } else if (tag === 'slot') {
          const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
          if (assigned.length > 0) {
            for (const child of assigned) {
              if (child.nodeType === ELEMENT_NODE && skip(child as Element)) continue;
              yield* walkTree(child, doc, skip, builder, options);
            }
          } else {
            descend = true; // fallback content
          }
        } else {
          descend = true;
        }
      }
    }
    if (descend && walker.firstChild()) {
      node = walker.currentNode;
      continue;
    }
    // Leave `node`, then climb until a next sibling exists.
    for (;;) {
      if (node !== start && node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName)) {
        const done = builder.flush();
        if (done) yield done;
      }
      if (node === start) return;
      if (walker.nextSibling()) {
        node = walker.currentNode;
        break;
      }
      if (!walker.parentNode()) return;
      node = walker.currentNode;
      if (node === start) {
        if (node.nodeType === ELEMENT_NODE && BLOCK_TAGS.has((node as Element).localName)) {
          const done = builder.flush();
          if (done) yield done;
        }
        return;
      }
    }
  }
}

function* walkShadow(
  shadow: ShadowRoot,
  doc: Document,
  skip: SkipTest,
  builder: BlockBuilder,
  options: ExtractOptions,
): Generator<TextBlock> {
  for (let child = shadow.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && skip(child as Element)) continue;
    if (child.nodeType !== ELEMENT_NODE && child.nodeType !== TEXT_NODE) continue;
    yield* walkTree(child, doc, skip, builder, options);
  }
}

type SkipTest = (el: Element) => boolean;

/**
 * The per-element form of {@link skipSelector}, without selector matching: a tag lookup, and attribute
 * reads only for elements that have attributes.
 */
function skipTest(ownUiAttribute: string): SkipTest {
  return (el) => {
    if (SKIP_TAGS.has(el.localName)) return true;
    if (!el.hasAttributes()) return false;
    if (el.hasAttribute('hidden') || el.hasAttribute(ownUiAttribute)) return true;
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    const style = el.getAttribute('style');
    return style !== null && INLINE_DISPLAY_NONE.test(style);
  };
}

/**
 * True when `node` sits inside a region never read (an editable region, a field, our own UI…), looking
 * through shadow boundaries to the hosts. Used before scanning a subtree on its own.
 */
export function isInSkippedRegion(node: Node, ownUiAttribute: string = OWN_UI_ATTRIBUTE): boolean {
  const selector = skipSelector(ownUiAttribute);
  const doc = node.ownerDocument;
  if (doc?.designMode === 'on') return true;
  let current: Node | null = node;
  while (current) {
    const el: Element | null = current.nodeType === ELEMENT_NODE ? (current as Element) : current.parentElement;
    if (el?.closest(selector)) return true;
    const root: Node = (el ?? current).getRootNode();
    current = isShadowRoot(root) ? root.host : null;
  }
  return false;
}

/** True for a ShadowRoot (checked structurally: works across realms, where `instanceof` does not). */
export function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node && !!(node as ShadowRoot).host;
}
