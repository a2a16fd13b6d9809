/**
 * Styles of the evidence card, as a string: the content script puts them in a <style> inside the shadow
 * root that hosts the card (a TS string works the same in WXT/Vite, vitest and the demo script).
 *
 * Every signal has a text label and a glyph besides its colour; logical properties make the same
 * rules serve right-to-left; forced-colors and prefers-contrast get their own rules.
 */
export const claimCardStyles = /* css */ `
.rtt-card {
  all: initial;
  --rtt-bg: #ffffff;
  --rtt-fg: #1a1a1a;
  --rtt-muted: #4a4a4a;
  --rtt-border: #8a8a8a;
  --rtt-accent: #0b5cad;
  --rtt-focus: #0b5cad;
  --rtt-warn-bg: #fff4d6;
  --rtt-warn-fg: #5c3c00;
  --rtt-ok-bg: #e3f3e6;
  --rtt-ok-fg: #1b4d26;
  --rtt-flag-bg: #eef0f3;
  display: block;
  box-sizing: border-box;
  inline-size: min(30rem, 100%); /* fills the host the content script sizes */
  max-block-size: min(85vh, 48rem);
  overflow: auto;
  padding: 1rem 1.125rem;
  background: var(--rtt-bg);
  color: var(--rtt-fg);
  border: 1px solid var(--rtt-border);
  border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  text-align: start;
}
.rtt-card[dir="rtl"] {
  font-family: Vazirmatn, "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, "Segoe UI", system-ui, sans-serif;
  line-height: 1.7;
}
.rtt-card *, .rtt-card *::before, .rtt-card *::after { box-sizing: border-box; }
.rtt-card :where(h2, h3, p, ul, ol, li, dl, dt, dd, blockquote) { margin: 0; padding: 0; }
.rtt-card :where(ul, ol) { list-style: none; }
.rtt-card :where(section) { margin-block-start: 0.9rem; }

.rtt-card__header { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; }
.rtt-card__kicker {
  font-size: 0.8rem; font-weight: 600; letter-spacing: 0.02em; color: var(--rtt-muted); text-transform: uppercase;
}
.rtt-card[dir="rtl"] .rtt-card__kicker { text-transform: none; letter-spacing: 0; }
.rtt-card__title { margin-block-start: 0.35rem; font-size: 1.2rem; line-height: 1.35; font-weight: 700; }
.rtt-card__incident { margin-block-start: 0.35rem; font-size: 0.875rem; color: var(--rtt-muted); }
.rtt-card h3 { font-size: 0.95rem; font-weight: 700; margin-block-end: 0.35rem; }

.rtt-card button {
  font: inherit; font-size: 0.875rem; line-height: 1.3; cursor: pointer;
  padding: 0.4rem 0.7rem; border-radius: 6px;
  border: 1px solid var(--rtt-border); background: var(--rtt-bg); color: var(--rtt-fg);
}
.rtt-card button:hover { background: var(--rtt-flag-bg); }
.rtt-card :is(button, a, [tabindex]):focus-visible {
  outline: 3px solid var(--rtt-focus); outline-offset: 2px;
}
.rtt-card:focus { outline: none; }
.rtt-card:focus-visible { outline: 3px solid var(--rtt-focus); outline-offset: -3px; }
.rtt-card__close { flex: none; }
.rtt-card a { color: var(--rtt-accent); text-decoration: underline; text-underline-offset: 2px; overflow-wrap: anywhere; }

.rtt-statement { padding-block: 0.5rem; border-block-start: 1px solid var(--rtt-flag-bg); }
.rtt-statement:first-child { border-block-start: 0; padding-block-start: 0; }
.rtt-statement__who { font-weight: 600; }
.rtt-statement__when, .rtt-statement__sources, .rtt-evidence__meta, .rtt-card__footer { font-size: 0.85rem; color: var(--rtt-muted); }
.rtt-statement__summary { margin-block-start: 0.25rem; }
.rtt-quote {
  margin-block-start: 0.35rem; padding-inline-start: 0.75rem;
  border-inline-start: 4px solid var(--rtt-border); font-style: italic;
}
.rtt-quote[lang="fa"], .rtt-quote[lang="ar"] { font-style: normal; }
.rtt-quote-status { margin-block-start: 0.25rem; font-size: 0.85rem; font-weight: 600; }
.rtt-credit { font-weight: 400; color: var(--rtt-muted); }

.rtt-badge, .rtt-flag, .rtt-strength, .rtt-match {
  display: inline-flex; align-items: baseline; gap: 0.3em;
  padding: 0.1rem 0.45rem; border-radius: 4px; border: 1px solid transparent;
  font-size: 0.8rem; font-weight: 600;
}
.rtt-badge--reportedly, .rtt-strength--single, .rtt-match--loose {
  background: var(--rtt-warn-bg); color: var(--rtt-warn-fg); border-color: currentColor; border-style: dashed;
}
.rtt-strength--corroborated, .rtt-match--exact, .rtt-match--close {
  background: var(--rtt-ok-bg); color: var(--rtt-ok-fg); border-color: currentColor;
}
.rtt-flag { background: var(--rtt-flag-bg); color: var(--rtt-fg); border-color: var(--rtt-border); font-weight: 500; }
.rtt-flags { display: flex; flex-wrap: wrap; gap: 0.35rem; margin-block-start: 0.25rem; }

.rtt-caveats li, .rtt-evidence li { padding-block: 0.4rem; }
.rtt-caveats li::before { content: "⚠ "; }
.rtt-evidence li { border-block-start: 1px solid var(--rtt-flag-bg); }
.rtt-evidence__finding { margin-block-end: 0.15rem; }
.rtt-note { font-size: 0.85rem; color: var(--rtt-muted); font-style: italic; }
.rtt-chronology { margin-block-start: 0.5rem; font-size: 0.9rem; }

.rtt-why dt { font-size: 0.85rem; color: var(--rtt-muted); }
.rtt-why dd { margin-block-end: 0.3rem; }

.rtt-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; margin-block-start: 1rem; }
.rtt-status { min-block-size: 1.5em; margin-block-start: 0.4rem; font-size: 0.85rem; }
.rtt-card__footer { margin-block-start: 0.6rem; padding-block-start: 0.5rem; border-block-start: 1px solid var(--rtt-flag-bg); }

.rtt-visually-hidden {
  position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}

@media (prefers-color-scheme: dark) {
  .rtt-card {
    --rtt-bg: #1e1f22; --rtt-fg: #f0f0f0; --rtt-muted: #c4c4c4; --rtt-border: #8d8d8d;
    --rtt-accent: #8cc4ff; --rtt-focus: #8cc4ff;
    --rtt-warn-bg: #3d2f00; --rtt-warn-fg: #ffe08a; --rtt-ok-bg: #15351d; --rtt-ok-fg: #b5ebc0; --rtt-flag-bg: #2e3035;
  }
}
@media (prefers-contrast: more) {
  .rtt-card { --rtt-muted: var(--rtt-fg); --rtt-border: var(--rtt-fg); border-width: 2px; }
  .rtt-card :is(.rtt-badge, .rtt-flag, .rtt-strength, .rtt-match, button) { border-width: 2px; }
  .rtt-card :is(button, a, [tabindex]):focus-visible { outline-width: 4px; }
}
@media (forced-colors: active) {
  .rtt-card { border: 2px solid CanvasText; box-shadow: none; }
  .rtt-card :is(.rtt-badge, .rtt-flag, .rtt-strength, .rtt-match) { border: 1px solid CanvasText; }
  .rtt-card button { border: 1px solid ButtonText; }
  .rtt-card :is(button, a, [tabindex]):focus-visible { outline: 3px solid Highlight; }
  .rtt-quote { border-inline-start-color: CanvasText; }
}
@media (prefers-reduced-motion: reduce) {
  .rtt-card * { transition: none !important; animation: none !important; }
}
`;
