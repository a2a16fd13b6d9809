/**
 * Draws marks with the CSS Custom Highlight API: the page's DOM is never touched (no wrapper elements), so
 * the page's framework, selection and copy/paste behave as before. Two namespaced highlights: every mark,
 * and the current (keyboard-focused) mark on top. DOM only, never `browser`.
 */

/** Highlight name of every mark (`::highlight(right-to-truth-claim)`). */
export const CLAIM_HIGHLIGHT = 'right-to-truth-claim';
/** Highlight name of the current mark, drawn above the others. */
export const CURRENT_HIGHLIGHT = 'right-to-truth-current';
/** id of the fallback `<style>` element, used only where a constructed stylesheet cannot be adopted. */
export const STYLE_ELEMENT_ID = 'right-to-truth-highlight-style';

/**
 * Underline AND tint (colour is never the only signal); the current mark has a solid, thicker underline.
 * Forced colours use system colours; `prefers-contrast: more` gets an opaque tint and a thick underline.
 */
export const HIGHLIGHT_CSS = `
::highlight(${CLAIM_HIGHLIGHT}) {
  background-color: rgba(255, 183, 0, 0.28);
  text-decoration-line: underline;
  text-decoration-style: wavy;
  text-decoration-color: #b34700;
  text-decoration-thickness: 2px;
  text-underline-offset: 3px;
}
::highlight(${CURRENT_HIGHLIGHT}) {
  background-color: rgba(255, 140, 0, 0.5);
  text-decoration-line: underline;
  text-decoration-style: solid;
  text-decoration-color: #7a2e00;
  text-decoration-thickness: 3px;
  text-underline-offset: 3px;
}
@media (prefers-contrast: more) {
  ::highlight(${CLAIM_HIGHLIGHT}) {
    background-color: #ffe066;
    color: #000;
    text-decoration-style: solid;
    text-decoration-color: #000;
    text-decoration-thickness: 3px;
  }
  ::highlight(${CURRENT_HIGHLIGHT}) {
    background-color: #ffb000;
    color: #000;
    text-decoration-style: double;
    text-decoration-color: #000;
  }
}
@media (forced-colors: active) {
  ::highlight(${CLAIM_HIGHLIGHT}) {
    background-color: Mark;
    color: MarkText;
    text-decoration-style: solid;
    text-decoration-color: CanvasText;
    text-decoration-thickness: 2px;
  }
  ::highlight(${CURRENT_HIGHLIGHT}) {
    background-color: Highlight;
    color: HighlightText;
    text-decoration-style: double;
    text-decoration-color: HighlightText;
  }
}
`;

/** The part of `HighlightRegistry` we use (a Map of name → Highlight). */
export interface HighlightRegistryLike {
  get(name: string): unknown;
  set(name: string, highlight: never): unknown;
  delete(name: string): boolean;
}

/** The part of `Highlight` we use (a Set of ranges with a priority). */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  clear(): void;
  has(range: AbstractRange): boolean;
  readonly size: number;
  priority: number;
}

export interface HighlighterEnvironment {
  registry: HighlightRegistryLike;
  createHighlight: () => HighlightLike;
}

/** Draws the marks of one document. */
export interface Highlighter {
  /** Adds marks (idempotent per range). */
  add(ranges: Iterable<AbstractRange>): void;
  /** Removes marks. */
  remove(ranges: Iterable<AbstractRange>): void;
  /** Removes every mark. */
  clear(): void;
  /** Sets the current mark (drawn on top), or none. */
  setCurrent(range: AbstractRange | null): void;
  /**
   * Puts our highlights and stylesheet back if the page removed them (e.g. `CSS.highlights.clear()`).
   * Cheap; call it on each annotate pass and on a timer. Returns true if anything had to be restored.
   */
  ensureRegistered(): boolean;
  /** Removes our highlights and stylesheet. */
  dispose(): void;
}

/** The browser's highlight registry and constructor for `doc`, or null where the API is missing. */
export function highlightEnvironment(doc: Document): HighlighterEnvironment | null {
  const win = doc.defaultView as
    | (Window & { Highlight?: new (...ranges: AbstractRange[]) => Highlight; CSS?: { highlights?: HighlightRegistry } })
    | null;
  const registry = win?.CSS?.highlights;
  const HighlightCtor = win?.Highlight;
  if (!registry || typeof HighlightCtor !== 'function') return null;
  return {
    registry: registry as unknown as HighlightRegistryLike,
    createHighlight: () => new HighlightCtor() as unknown as HighlightLike,
  };
}

export interface HighlighterOptions {
  /**
   * Register the highlights and adopt the stylesheet only when the first mark is drawn, so that a page
   * without claims finds nothing of ours (no highlight name, no style sheet) by which to detect the extension.
   */
  registerOnFirstMark?: boolean;
}

/**
 * Creates the highlighter of `doc`. Returns null where the Custom Highlight API is missing (then nothing is
 * drawn; the caller may still report claims). `env` is injectable for tests.
 */
export function createHighlighter(
  doc: Document,
  env: HighlighterEnvironment | null = highlightEnvironment(doc),
  options: HighlighterOptions = {},
): Highlighter | null {
  if (!env) return null;
  const claims = env.createHighlight();
  const current = env.createHighlight();
  claims.priority = 0;
  current.priority = 1;
  let style: InjectedStyle | null = null;
  let disposed = false;
  let active = !options.registerOnFirstMark;

  const register = (): boolean => {
    if (!active) return false;
    let restored = style === null;
    style ??= createStyle(doc);
    if (env.registry.get(CLAIM_HIGHLIGHT) !== claims) {
      env.registry.set(CLAIM_HIGHLIGHT, claims as never);
      restored = true;
    }
    if (env.registry.get(CURRENT_HIGHLIGHT) !== current) {
      env.registry.set(CURRENT_HIGHLIGHT, current as never);
      restored = true;
    }
    return style.ensure() || restored;
  };
  const activate = () => {
    if (active || disposed) return;
    active = true;
    register();
  };
  register();

  return {
    add(ranges) {
      for (const r of ranges) claims.add(r);
      if (claims.size > 0) activate();
    },
    remove(ranges) {
      for (const r of ranges) {
        claims.delete(r);
        current.delete(r);
      }
    },
    clear() {
      claims.clear();
      current.clear();
    },
    setCurrent(range) {
      current.clear();
      if (range) {
        current.add(range);
        activate();
      }
    },
    ensureRegistered() {
      return disposed ? false : register();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      claims.clear();
      current.clear();
      if (env.registry.get(CLAIM_HIGHLIGHT) === claims) env.registry.delete(CLAIM_HIGHLIGHT);
      if (env.registry.get(CURRENT_HIGHLIGHT) === current) env.registry.delete(CURRENT_HIGHLIGHT);
      style?.remove();
    },
  };
}

interface InjectedStyle {
  /** Re-attaches the style if the page removed it; true if it had to. */
  ensure(): boolean;
  remove(): void;
}

/**
 * A constructed stylesheet adopted by the document (no DOM node, not subject to the page's style-src CSP);
 * where adopting fails (old engines, cross-compartment wrappers in some content-script worlds), a `<style>`
 * element with a namespaced id in `<head>`, the one unavoidable DOM addition.
 */
function createStyle(doc: Document): InjectedStyle {
  const win = doc.defaultView;
  let sheet: CSSStyleSheet | null = null;
  try {
    if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
      const candidate = new win.CSSStyleSheet();
      candidate.replaceSync(HIGHLIGHT_CSS);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, candidate];
      if (doc.adoptedStyleSheets.includes(candidate)) sheet = candidate;
    }
  } catch {
    sheet = null;
  }
  if (sheet) {
    const adopted = sheet;
    return {
      ensure() {
        if (doc.adoptedStyleSheets.includes(adopted)) return false;
        try {
          doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, adopted];
        } catch {
          // The page froze or replaced the array in a way we cannot undo; marks stay registered.
        }
        return true;
      },
      remove() {
        try {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== adopted);
        } catch {
          // nothing left to do
        }
      },
    };
  }
  const element = doc.createElement('style');
  element.id = STYLE_ELEMENT_ID;
  element.textContent = HIGHLIGHT_CSS;
  const attach = (): boolean => {
    if (element.isConnected) return false;
    (doc.head ?? doc.documentElement).append(element);
    return true;
  };
  attach();
  return { ensure: attach, remove: () => element.remove() };
}
