/**
 * Why a match fired: the evidence every match carries, and a short line a reader understands.
 * Pure: no DOM, no `browser`. Offsets are UTF-16 indices into the original block text (matchBlocks) or the
 * whole text (matchText), end exclusive.
 */

/** One word or expression of the text that counted for the match. */
export interface WhyTerm {
  /** The concept it stands for (a lexicon id such as `suicide`), or null for a phrasing or claim-specific term. */
  concept: string | null;
  /** The words as they stand in the text. */
  text: string;
  start: number;
  end: number;
  /** The block the words are in, when not the match's own (a signature across a paragraph break). */
  block?: number;
}

/** Where the incident cue that tied the match to its claim was found. */
export type WhyPlace = 'same-sentence' | 'same-block' | 'nearby' | 'headline' | 'page';

export interface WhyContext {
  /** The cue as it stands in the text (a name, a place, an event). */
  text: string;
  where: WhyPlace;
  /**
   * True when the words only point to the incident (an official who spoke about it, the victim's age, the larger
   * event) without naming it; the claim was then the only one of its shape in reach.
   */
  hint?: boolean;
  /** Block index and offsets of the cue, when it is in the matched blocks (not for the page title). */
  block?: number;
  start?: number;
  end?: number;
}

export interface MatchWhy {
  /** `phrasing`: close to one of the claim's dataset phrasings; `signature`: its concepts co-occur with incident context. */
  kind: 'phrasing' | 'signature';
  /** The phrasing or signature id that fired. */
  rule: string;
  terms: WhyTerm[];
  context: WhyContext | null;
}

/** Words shown for where a cue was found, per interface language. */
export interface WhyLabels {
  /** e.g. "marked because:" */
  lead: string;
  places: Record<WhyPlace, string>;
  /** Said of a hint instead of a cue, e.g. "a lead" ("Rouhani (a lead, in the same sentence)"). */
  hint?: string;
  /** Joins the parts, e.g. " · ". */
  separator?: string;
}

const MAX_TERM_CHARS = 60;

function quoteTerm(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TERM_CHARS ? `${t.slice(0, MAX_TERM_CHARS - 1)}…` : t;
}

/**
 * The parts of the "why" line in reading order: the distinct matched words, then the context cue with where it
 * stood ("Sarina Esmailzadeh (in the headline)"). At most `maxTerms` words.
 */
export function whyParts(why: MatchWhy, labels: WhyLabels, maxTerms = 4): string[] {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const term of [...why.terms].sort((a, b) => a.start - b.start)) {
    const q = quoteTerm(term.text);
    const key = q.toLowerCase();
    if (!q || seen.has(key)) continue;
    seen.add(key);
    parts.push(q);
    if (parts.length >= maxTerms) break;
  }
  if (why.context) {
    const place = labels.places[why.context.where];
    const said = [why.context.hint ? labels.hint : undefined, place].filter((x) => x).join(', ');
    parts.push(said ? `${quoteTerm(why.context.text)} (${said})` : quoteTerm(why.context.text));
  }
  return parts;
}

/** One line: "marked because: took her own life · authorities say · Sarina Esmailzadeh (in the headline)". */
export function whyLine(why: MatchWhy, labels: WhyLabels, maxTerms = 4): string {
  return `${labels.lead} ${whyParts(why, labels, maxTerms).join(labels.separator ?? ' · ')}`;
}
