import { render } from 'preact';
import { ClaimCard, type ClaimCardProps } from '../../components/ClaimCard';
import { claimCardStyles } from '../../components/claim-card-styles';
import { OWN_UI_ATTRIBUTE } from '../../utils/page/extract-blocks';

/**
 * The evidence card's place in the page: one host element, created on first use, with a closed shadow
 * root (the page can see that the host exists, never what it shows). The host carries our own-UI attribute,
 * so the annotator never reads or marks it.
 */
export interface CardHost {
  /** Shows the card for a mark whose box is `anchor` (viewport coordinates). */
  open(props: ClaimCardProps, anchor: DOMRect, options: { focus: boolean }): void;
  /** Moves the card next to a mark that moved (scrolling). */
  reposition(anchor: DOMRect): void;
  /** Hides the card; gives focus back to where it was when the card took it. */
  close(options?: { restoreFocus: boolean }): void;
  isOpen(): boolean;
  /** Whether an event happened inside the card. */
  containsEvent(event: Event): boolean;
  /** Removes the host element. */
  destroy(): void;
}

const HOST_TAG = 'right-to-truth-card';
/** Gap between the mark and the card, CSS pixels. */
const GAP = 8;
const MARGIN = 8;
const WIDTH = 400;

export function createCardHost(doc: Document): CardHost {
  let host: HTMLElement | null = null;
  let container: HTMLElement | null = null;
  let open = false;
  let returnFocus: Element | null = null;

  /** Our inline styles, all !important: page CSS cannot hide, move or restyle the host. */
  const HOST_STYLE = [
    ['all', 'initial'],
    ['position', 'fixed'],
    ['z-index', '2147483647'],
    ['display', 'none'],
    ['width', `min(${WIDTH}px, calc(100vw - ${2 * MARGIN}px))`],
    ['max-height', `calc(100vh - ${2 * MARGIN}px)`],
    ['overflow', 'auto'],
  ] as const;

  const ensureHost = (): HTMLElement => {
    if (host && container) {
      // The page may have removed the host or moved it into a hidden container.
      if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
      return container;
    }
    // Made in a document with no custom-element registry: a page that defined our tag as its own element
    // cannot construct it (and give it a shadow root of its own) before ours is attached.
    const inert = doc.implementation.createHTMLDocument('');
    host = inert.createElement(HOST_TAG);
    host.setAttribute(OWN_UI_ATTRIBUTE, '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = inert.createElement('style');
    style.textContent = claimCardStyles;
    container = inert.createElement('div');
    shadow.append(style, container);
    doc.documentElement.append(host);
    return container;
  };

  /**
   * Puts the host back as we made it: only our attribute, only our inline styles (what the page added, such
   * as `hidden`, a class, or inline !important styles, is dropped), `display` as given, then `place` again.
   */
  let lastAnchor: DOMRect | null = null;
  const restore = (display: 'block' | 'none') => {
    if (!host) return;
    for (const name of host.getAttributeNames()) if (name !== OWN_UI_ATTRIBUTE) host.removeAttribute(name);
    const s = host.style;
    for (const [name, value] of HOST_STYLE) s.setProperty(name, value, 'important');
    s.setProperty('display', display, 'important');
    if (lastAnchor) place(lastAnchor);
  };

  const place = (anchor: DOMRect) => {
    if (!host) return;
    const win = doc.defaultView!;
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    const width = Math.min(WIDTH, vw - 2 * MARGIN);
    const left = Math.max(MARGIN, Math.min(anchor.left, vw - width - MARGIN));
    const below = vh - anchor.bottom;
    const s = host.style;
    if (below >= Math.min(320, vh / 2) || below >= anchor.top) {
      s.setProperty('top', `${Math.max(MARGIN, anchor.bottom + GAP)}px`, 'important');
      s.setProperty('bottom', 'auto', 'important');
      s.setProperty('max-height', `${Math.max(160, vh - anchor.bottom - GAP - MARGIN)}px`, 'important');
    } else {
      s.setProperty('top', 'auto', 'important');
      s.setProperty('bottom', `${Math.max(MARGIN, vh - anchor.top + GAP)}px`, 'important');
      s.setProperty('max-height', `${Math.max(160, anchor.top - GAP - MARGIN)}px`, 'important');
    }
    s.setProperty('left', `${left}px`, 'important');
  };

  return {
    open(props, anchor, { focus }) {
      const root = ensureHost();
      if (!open) returnFocus = doc.activeElement;
      render(<ClaimCard {...props} />, root);
      lastAnchor = anchor;
      restore('block');
      open = true;
      if (focus) (root.querySelector('.rtt-card') as HTMLElement | null)?.focus({ preventScroll: true });
      // A page that reacts to the card appearing (a MutationObserver hiding or moving it) gets undone once, a
      // frame later, after its observers have seen our re-attaching; a page determined to fight on could win
      // anyway, so there is no endless tug of war (and no loop that could hang the page).
      doc.defaultView?.requestAnimationFrame(() => {
        if (!open || !host) return;
        if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
        queueMicrotask(() => {
          if (open) restore('block');
        });
      });
    },
    reposition(anchor) {
      if (!open) return;
      lastAnchor = anchor;
      place(anchor);
    },
    close({ restoreFocus } = { restoreFocus: true }) {
      if (!open || !host || !container) return;
      open = false;
      render(null, container);
      host.style.setProperty('display', 'none', 'important');
      const target = returnFocus as HTMLElement | null;
      returnFocus = null;
      if (restoreFocus && target?.isConnected && typeof target.focus === 'function') target.focus({ preventScroll: true });
    },
    isOpen: () => open,
    containsEvent(event) {
      return host !== null && event.composedPath().includes(host);
    },
    destroy() {
      if (container) render(null, container);
      host?.remove();
      host = null;
      container = null;
      open = false;
    },
  };
}
