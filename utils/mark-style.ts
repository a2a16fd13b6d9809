import { CLAIM_HIGHLIGHT, CURRENT_HIGHLIGHT } from './page/highlights';
import type { MarkStyle } from './settings';

/**
 * The reader's mark style, as CSS laid over the highlighter's own (utils/page/highlights.ts), hence
 * `!important`. The default (underline and tint) needs no override unless high contrast is on. Colour is
 * never the only signal: "background only" still draws a thin solid underline on the current mark.
 */
export function markStyleCss(style: MarkStyle, highContrast: boolean): string {
  const rules: string[] = [];
  const all = `::highlight(${CLAIM_HIGHLIGHT})`;
  const current = `::highlight(${CURRENT_HIGHLIGHT})`;
  if (style === 'underline') {
    rules.push(`${all} { background-color: transparent !important; }`, `${current} { background-color: transparent !important; text-decoration-thickness: 4px !important; }`);
  } else if (style === 'background') {
    rules.push(`${all} { text-decoration-line: none !important; }`, `${current} { text-decoration-line: underline !important; text-decoration-style: solid !important; }`);
  }
  if (highContrast) {
    const bg = style === 'underline' ? 'transparent' : '#ffe066';
    const bgCurrent = style === 'underline' ? 'transparent' : '#ffb000';
    rules.push(
      `${all} { background-color: ${bg} !important; color: #000 !important; text-decoration-color: #000 !important; text-decoration-style: solid !important; }`,
      `${current} { background-color: ${bgCurrent} !important; color: #000 !important; text-decoration-color: #000 !important; text-decoration-style: double !important; }`,
    );
  }
  return rules.join('\n');
}
