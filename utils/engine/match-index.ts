/**
 * The prebuilt match index: built once from the dataset (scripts/generate.ts writes it to
 * generated/match-index.json), loaded by the content script without re-processing any phrasing.
 */
import { normalizeText } from './normalize-text';
import { isStopWord, NEGATION, tokenize } from './tokenize';

/** The fields of a dataset claim the engine reads (structurally compatible with `Claim` in data/schema). */
export interface IndexableClaim {
  id: string;
  phrasings: readonly { text: string; lang: string; needsContext?: boolean | undefined }[];
  context?: { cues: readonly { text: string; lang: string }[]; window?: number | undefined } | undefined;
}

export const MATCH_INDEX_VERSION = 4;
export const DEFAULT_CONTEXT_WINDOW = 250;

/** Serialisable index (plain JSON). Term ids index into `terms`. */
export interface MatchIndexJson {
  version: 4;
  /** Vocabulary of stems; `weights[i]` is the weight of `terms[i]` (rarer across phrasings = heavier). */
  terms: string[];
  weights: number[];
  claims: { id: string; window: number; cues: number[][] }[];
  phrasings: {
    /** Index into `claims`. */
    claim: number;
    text: string;
    lang: string;
    /**
     * Needs one of the claim's cues nearby: marked so in the dataset, or judged generic here (see
     * {@link isGeneric}) when the claim has cues.
     */
    needsContext: boolean;
    /** Normalised phrasing text, for the near-verbatim (edit distance) check. */
    norm: string;
    /** Content term ids in phrasing order (stop words removed). */
    terms: number[];
  }[];
  /**
   * Inverted index in CSR form: phrasings containing term t are postings[postingStart[t] .. postingStart[t+1]).
   */
  postingStart: number[];
  postings: number[];
}

/** A loaded index, ready for {@link matchBlocks}. Treat as opaque outside the engine. */
export interface MatchIndex {
  json: MatchIndexJson;
  termIds: Map<string, number>;
  postingStart: Int32Array;
  postings: Int32Array;
  /** Anchor hits each phrasing needs in a block to be examined. */
  anchorHitsNeeded: Uint8Array;
  /** Each phrasing's distinct term ids. */
  distinctTerms: Int32Array[];
  /** Total weight of each phrasing's distinct terms. */
  phrasingWeight: Float64Array;
  negationId: number;
}

function contentTerms(text: string): string[] {
  return tokenize(normalizeText(text).text)
    .map((t) => t.term)
    .filter((t) => t.length > 0);
}

/** Build the serialisable index from dataset claims. Deterministic for the same input. */
export function buildMatchIndex(claims: readonly IndexableClaim[]): MatchIndexJson {
  const terms: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = terms.length;
      terms.push(t);
      ids.set(t, id);
    }
    return id;
  };
  idOf(NEGATION);
  const outClaims: MatchIndexJson['claims'] = [];
  const phrasings: MatchIndexJson['phrasings'] = [];
  claims.forEach((claim, ci) => {
    outClaims.push({
      id: claim.id,
      window: claim.context?.window ?? DEFAULT_CONTEXT_WINDOW,
      cues: (claim.context?.cues ?? []).map((c) => contentTerms(c.text).map(idOf)).filter((c) => c.length > 0),
    });
    const seen = new Set<string>();
    for (const p of claim.phrasings) {
      const norm = normalizeText(p.text).text.trim();
      if (seen.has(norm)) continue;
      seen.add(norm);
      const t = contentTerms(p.text).map(idOf);
      if (t.length === 0) continue;
      const cues = outClaims[ci]!.cues.length > 0;
      const needsContext = p.needsContext === true || (cues && isGeneric(p.text, contentTerms(p.text)));
      phrasings.push({ claim: ci, text: p.text, lang: p.lang, needsContext, norm, terms: t });
    }
  });
  // Document frequency over phrasings → weight. Terms shared by many phrasings say less.
  const df = new Array<number>(terms.length).fill(0);
  const lists: number[][] = terms.map(() => []);
  phrasings.forEach((p, pi) => {
    for (const t of new Set(p.terms)) {
      df[t]!++;
      lists[t]!.push(pi);
    }
  });
  const total = Math.max(phrasings.length, 1);
  const weights = df.map((d) => round3(1 + Math.log(1 + total / Math.max(d, 1)) / 4));
  // Postings list every phrasing under each of its distinct terms; the matcher counts, per block, how many
  // of a phrasing's terms occur (typed-array counters) and examines only phrasings reaching
  // anchorHitsFor(n) — the fewest exact terms any match can have — so common words cost a counter bump each.
  const postingStart: number[] = [0];
  const postings: number[] = [];
  for (const l of lists) {
    postings.push(...l);
    postingStart.push(postings.length);
  }
  return { version: MATCH_INDEX_VERSION, terms, weights, claims: outClaims, phrasings, postingStart, postings };
}

/** Distinct terms of a phrasing a block must contain before the phrasing is examined (one may be a typo). */
export function anchorHitsFor(nTerms: number): number {
  return nTerms >= 3 ? minTermsFor(nTerms) - 1 : nTerms;
}

/**
 * How many of a phrasing's distinct terms a match needs (exact or typo-completed): short phrasings are
 * specific only as a whole; long ones may be abridged.
 */
export function minTermsFor(nTerms: number): number {
  if (nTerms <= 4) return nTerms;
  if (nTerms <= 7) return nTerms - 1;
  return Math.ceil(nTerms * 0.65);
}

/**
 * Short everyday wording says nothing about which event it is about: no name or number, and three content
 * words or fewer ("suffered a heart attack", "no one touched her"), or a bare four-word phrase without a
 * negation ("suffered sudden heart failure"). A four-word denial ("this airplane was not hit by a missile")
 * or a longer clause ("caused by suicide from a fall from the roof") is specific enough. English only:
 * Persian has no capitals to tell names by.
 */
function isGeneric(text: string, terms: readonly string[]): boolean {
  if (!/\p{Script=Latin}/u.test(text) || /\p{N}/u.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.some((w) => /^\p{Lu}/u.test(w) && !isStopWord(w.toLowerCase()))) return false;
  const distinct = new Set(terms);
  if (distinct.size <= 3) return true;
  return distinct.size === 4 && !distinct.has(NEGATION) && words.length <= 5;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Load a prebuilt index (e.g. the parsed generated/match-index.json). Throws on a wrong shape or version. */
export function loadMatchIndex(json: unknown): MatchIndex {
  if (!isRecord(json) || json.version !== MATCH_INDEX_VERSION) {
    throw new Error(`match index: expected version ${MATCH_INDEX_VERSION}; rebuild it with \`npm run generate\``);
  }
  for (const key of ['terms', 'weights', 'claims', 'phrasings', 'postingStart', 'postings']) {
    if (!Array.isArray(json[key])) throw new Error(`match index: "${key}" missing or not an array`);
  }
  const idx = json as unknown as MatchIndexJson;
  const termIds = new Map<string, number>();
  idx.terms.forEach((t, i) => termIds.set(t, i));
  const phrasingWeight = new Float64Array(idx.phrasings.length);
  idx.phrasings.forEach((p, i) => {
    let w = 0;
    for (const t of new Set(p.terms)) w += idx.weights[t]!;
    phrasingWeight[i] = w;
  });
  return {
    json: idx,
    termIds,
    postingStart: Int32Array.from(idx.postingStart),
    postings: Int32Array.from(idx.postings),
    phrasingWeight,
    distinctTerms: idx.phrasings.map((p) => Int32Array.from(new Set(p.terms))),
    anchorHitsNeeded: Uint8Array.from(idx.phrasings, (p) => anchorHitsFor(new Set(p.terms).size)),
    negationId: termIds.get(NEGATION) ?? -1,
  };
}
