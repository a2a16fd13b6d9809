/**
 * Styles of the extension's own pages (popup, options, quote check). Focus is always visible; colour is
 * never the only signal; logical properties so the Persian (RTL) layout mirrors.
 */
export const uiStyles = `
:root { color-scheme: light; --fg: #1a1a1a; --muted: #4a4a4a; --accent: #5b2a86; --line: #c8c8c8; --bg: #fff; --warn: #8a1c00; }
body { font: 14px/1.45 system-ui, "Vazirmatn", "Noto Naskh Arabic", sans-serif; margin: 0; color: var(--fg); background: var(--bg); }
h1 { font-size: 17px; margin: 0 0 8px; }
h2 { font-size: 15px; margin: 14px 0 6px; }
p { margin: 6px 0; }
a { color: var(--accent); }
button, input, select, textarea { font: inherit; }
button { border: 1px solid var(--accent); background: #f6f1fa; color: #2d1045; border-radius: 4px; padding: 4px 10px; cursor: pointer; }
button:hover { background: #ebe0f5; }
:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
input[type="search"], input[type="text"], textarea, select { border: 1px solid #767676; border-radius: 4px; padding: 4px 6px; background: #fff; color: var(--fg); }
textarea { inline-size: 100%; box-sizing: border-box; font-family: ui-monospace, monospace; font-size: 12px; }
ul.rtt-list { list-style: none; padding: 0; margin: 6px 0; }
ul.rtt-list > li { border-block-end: 1px solid var(--line); padding: 6px 0; }
.rtt-meta { color: var(--muted); font-size: 12.5px; }
.rtt-row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.rtt-problems { color: var(--warn); }
.rtt-problems li { font-family: ui-monospace, monospace; font-size: 12px; }
.rtt-switch { display: flex; gap: 8px; align-items: flex-start; margin: 6px 0; }
.rtt-visually-hidden { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { border-collapse: collapse; inline-size: 100%; font-size: 12.5px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: start; overflow-wrap: anywhere; }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 8px 0; }
.rtt-score { font-variant-numeric: tabular-nums; font-weight: 600; }
`;
