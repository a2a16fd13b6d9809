/**
 * The prebuilt match index: built once from the dataset (scripts/generate.ts writes it to
 * generated/match-index.json), loaded by the content script without re-processing any phrasing.
 */
import { compileTerm, conceptRef, type CompiledTerm } from './concepts';
import { normalizeText } from './normalize-text';
import { isStopWord, NEGATION, tokenize } from './tokenize';

/** The fields of a dataset claim the engine reads (structurally compatible with `Claim` in data/schema). */
export interface IndexableClaim {
  id: string;
  /** The incident's id: claims of one incident share its cues as context for their signatures. */
  incident?: string | undefined;
  phrasings: readonly { text: string; lang: string; needsContext?: boolean | undefined }[];
  context?: { cues: readonly { text: string; lang: string }[]; window?: number | undefined } | undefined;
  signatures?: readonly IndexableSignature[] | undefined;
  /** Who made the claim: their names are hints of its incident (see SignatureData.incidents' hints). */
  statements?: readonly { who: { name: string } }[] | undefined;
}

/** A claim signature (see data/schema/claim.ts SignatureSchema). */
export interface IndexableSignature {
  id: string;
  all: readonly (string | readonly string[])[];
  within?: 'sentence' | 'neighbours' | undefined;
  context?: 'incident' | 'none' | undefined;
  unless?: readonly (string | readonly string[])[] | undefined;
}

/** What the signatures need besides the claims: the concept lexicons and the incidents' cues. */
export interface SignatureData {
  lexicons?: readonly { id: string; terms: Readonly<Record<string, readonly string[] | undefined>> }[];
  incidents?: readonly {
    id: string;
    cues?: readonly { text: string; lang: string }[] | undefined;
    hints?: readonly { text: string; lang: string }[] | undefined;
    partOf?: string | undefined;
  }[];
}

export const MATCH_INDEX_VERSION = 6;
export const DEFAULT_CONTEXT_WINDOW = 250;

/** Serialisable index (plain JSON). Term ids index into `terms`. */
export interface MatchIndexJson {
  version: 6;
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
  sig: SignatureIndexJson;
}

/**
 * Concepts and signatures. A concept is a lexicon ("@suicide" → "suicide"), a claim-specific literal
 * ("=reuters"), or an incident's context ("#2022-death-of-sarina-esmailzadeh"); every expression of every
 * concept is spotted in one pass per block.
 */
export interface SignatureIndexJson {
  concepts: string[];
  /** Expressions: words (stems, or prefixes where bit k of `prefix` is set), gaps, and the concept. */
  exprs: (CompiledTerm & { concept: number })[];
  signatures: {
    claim: number;
    id: string;
    /** Each slot: the concepts any of which fills it. */
    slots: number[][];
    unless: number[][];
    /** 0: one sentence; 1: a sentence and the next. */
    within: 0 | 1;
    /** The context concept that must appear nearby, or -1 when the signature needs none. */
    context: number;
    /** The hint concept that may stand in for the context (weaker, see SignatureData), or -1. */
    hint: number;
    /** Names that point to this and two or more other incidents: weaker still, or -1. */
    sharedHint: number;
  }[];
  /** Per claim: its context concept (its incident's and its own cues), or -1. */
  claimContext: number[];
  /** Per claim: the context concept of the larger event its incident is part of, or -1. */
  claimParent: number[];
  /** Per claim: its incident's group (the larger event it is part of, or itself), for overlaps; -1 when none. */
  claimGroup: number[];
}

export interface ExprAnchor {
  expr: number;
  /** Which of the expression's words is the anchor. */
  slot: number;
  /** For a prefix anchor: the prefix. */
  prefix?: string;
}

/** The anchor slot of an expression: its first word that is no stop word and no prefix, else its first word. */
function anchorSlot(e: CompiledTerm): number {
  for (let k = 0; k < e.words.length; k++) if (!(e.prefix & (1 << k)) && !isStopWord(e.words[k]!)) return k;
  for (let k = 0; k < e.words.length; k++) if (!(e.prefix & (1 << k))) return k;
  return 0;
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
  /**
   * Expressions by their anchor word — the first word that is neither a stop word nor a prefix (so "the
   * enemy" is looked up under "enemy", not under every "the"): exact anchor stem → [expression, anchor slot].
   */
  exprByAnchor: Map<string, ExprAnchor[]>;
  /** Expressions whose anchor is a prefix (`fabricat*`), by the prefix's first three letters. */
  exprByPrefix3: Map<string, ExprAnchor[]>;
  /** Per concept: the signatures naming it in a slot. */
  signaturesByConcept: number[][];
}

function contentTerms(text: string): string[] {
  return tokenize(normalizeText(text).text)
    .map((t) => t.term)
    .filter((t) => t.length > 0);
}

/** Build the serialisable index from dataset claims. Deterministic for the same input. */
export function buildMatchIndex(claims: readonly IndexableClaim[], data: SignatureData = {}): MatchIndexJson {
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
  const sig = buildSignatureIndex(claims, data);
  return { version: MATCH_INDEX_VERSION, terms, weights, claims: outClaims, phrasings, postingStart, postings, sig };
}

/**
 * Compile lexicons, literals and incident cues into one expression table, and signatures into slots of
 * concept ids. Unknown concepts and terms that cannot match are skipped here (data:check reports them).
 */
function buildSignatureIndex(claims: readonly IndexableClaim[], data: SignatureData): SignatureIndexJson {
  const concepts: string[] = [];
  const conceptIds = new Map<string, number>();
  const exprs: SignatureIndexJson['exprs'] = [];
  const exprKeys = new Set<string>();
  const addExprs = (concept: number, texts: readonly string[]) => {
    for (const text of texts) {
      const compiled = compileTerm(text);
      if ('error' in compiled) continue;
      for (const v of compiled.variants) {
        const key = `${concept}|${v.words.join(' ')}|${v.prefix}|${v.gap}`;
        if (exprKeys.has(key)) continue;
        exprKeys.add(key);
        exprs.push({ ...v, concept });
      }
    }
  };
  const conceptId = (name: string, texts: () => readonly string[]): number => {
    let id = conceptIds.get(name);
    if (id === undefined) {
      id = concepts.length;
      concepts.push(name);
      conceptIds.set(name, id);
      addExprs(id, texts());
    }
    return id;
  };
  const lexicons = new Map((data.lexicons ?? []).map((l) => [l.id, l]));
  const slotConcept = (slot: string): number | null => {
    const ref = conceptRef(slot);
    if (ref === null) return conceptId(`=${normalizeText(slot).text.trim()}`, () => [slot]);
    const lexicon = lexicons.get(ref);
    if (!lexicon) return null;
    return conceptId(`@${ref}`, () => Object.values(lexicon.terms).flatMap((list) => list ?? []));
  };
  const slotOf = (slot: string | readonly string[]): number[] =>
    (typeof slot === 'string' ? [slot] : slot).map(slotConcept).filter((c): c is number => c !== null);

  // Context: the incident's cues, shared by every claim about it; a claim whose incident has none uses its own.
  const incidents = new Map((data.incidents ?? []).map((i) => [i.id, i]));
  const incidentCues = new Map<string, string[]>();
  for (const incident of data.incidents ?? []) {
    if (incident.cues?.length) incidentCues.set(incident.id, incident.cues.map((c) => c.text));
  }
  const claimContext = claims.map((claim) => {
    const shared = claim.incident ? incidentCues.get(claim.incident) : undefined;
    if (shared) return conceptId(`#${claim.incident}`, () => shared);
    const own = (claim.context?.cues ?? []).map((c) => c.text);
    return own.length > 0 ? conceptId(`#claim:${claim.id}`, () => own) : -1;
  });
  // Hints: the incident's hints and the names of everyone the dataset quotes about it. They stand in for a
  // missing cue only where the claim's shape is the only one in its sentences (match-claims settleHints).
  const speakers = new Map<string, Set<string>>();
  for (const claim of claims) {
    if (!claim.incident) continue;
    const set = speakers.get(claim.incident) ?? speakers.set(claim.incident, new Set()).get(claim.incident)!;
    for (const s of claim.statements ?? []) for (const name of speakerNames(s.who.name)) set.add(name);
  }
  // A name quoted about three incidents or more (the Supreme Leader on every protest wave) points to each of them
  // only weakly: a "shared" hint, which gives way to a specific one (settleHints).
  const speakerIncidents = new Map<string, number>();
  for (const set of speakers.values()) for (const name of set) speakerIncidents.set(name, (speakerIncidents.get(name) ?? 0) + 1);
  const named = (id: string, shared: boolean) => [...(speakers.get(id) ?? [])].filter((name) => speakerIncidents.get(name)! >= 3 === shared);
  const hintTexts = (id: string): string[] => [...(incidents.get(id)?.hints ?? []).map((h) => h.text), ...named(id, false)];
  const claimHint = claims.map((claim) => {
    const texts = claim.incident ? hintTexts(claim.incident) : [];
    return texts.length > 0 ? conceptId(`~${claim.incident}`, () => texts) : -1;
  });
  const claimSharedHint = claims.map((claim) => {
    const texts = claim.incident ? named(claim.incident, true) : [];
    return texts.length > 0 ? conceptId(`~~${claim.incident}`, () => texts) : -1;
  });
  const claimParent = claims.map((claim) => {
    const parent = claim.incident ? incidents.get(claim.incident)?.partOf : undefined;
    const cues = parent ? incidentCues.get(parent) : undefined;
    return parent && cues ? conceptId(`#${parent}`, () => cues) : -1;
  });
  const groupIds = new Map<string, number>();
  const claimGroup = claims.map((claim) => {
    if (!claim.incident) return -1;
    const group = incidents.get(claim.incident)?.partOf ?? claim.incident;
    return groupIds.get(group) ?? groupIds.set(group, groupIds.size).get(group)!;
  });

  const signatures: SignatureIndexJson['signatures'] = [];
  claims.forEach((claim, ci) => {
    for (const s of claim.signatures ?? []) {
      const slots = s.all.map(slotOf);
      if (slots.some((slot) => slot.length === 0)) continue;
      const needsContext = (s.context ?? 'incident') === 'incident';
      if (needsContext && claimContext[ci]! < 0) continue; // no cue can ever be found: data:check says so
      signatures.push({
        claim: ci,
        id: s.id,
        slots,
        unless: (s.unless ?? []).map(slotOf).filter((slot) => slot.length > 0),
        within: s.within === 'neighbours' ? 1 : 0,
        context: needsContext ? claimContext[ci]! : -1,
        hint: needsContext ? claimHint[ci]! : -1,
        sharedHint: needsContext ? claimSharedHint[ci]! : -1,
      });
    }
  });
  return { concepts, exprs, signatures, claimContext, claimParent, claimGroup };
}

/** A word of a person's name: capitalised, letters, hyphenated parts ("Ali-Asghar", "Mohseni-Ejei"). */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*$/u;
/** Capitalised words that name a body, not a person ("Prisons Organization"). */
const BODY_WORDS = new Set('organization organisation ministry council agency news office police judiciary media foundation committee court'.split(' '));

/**
 * The names a speaker is found by in text: the full name and the surname (and each part of a hyphenated
 * surname). Only a person's name counts, two or more capitalised words: "Ali Abedzadeh" gives "Ali Abedzadeh"
 * and "Abedzadeh"; "Tehran police", "Press TV" or "Ministry of Intelligence" give nothing.
 */
export function speakerNames(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || !words.every((w) => NAME_WORD.test(w) && !BODY_WORDS.has(w.toLowerCase()))) return [];
  const surname = words[words.length - 1]!;
  const parts = surname.includes('-') ? surname.split('-').filter((p) => p.length > 3) : [];
  return [words.join(' '), surname, ...parts];
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
  if (!isRecord(json.sig) || !Array.isArray(json.sig.exprs) || !Array.isArray(json.sig.signatures)) {
    throw new Error('match index: "sig" missing or malformed');
  }
  const idx = json as unknown as MatchIndexJson;
  const exprByAnchor = new Map<string, ExprAnchor[]>();
  const exprByPrefix3 = new Map<string, ExprAnchor[]>();
  idx.sig.exprs.forEach((e, i) => {
    const slot = anchorSlot(e);
    const word = e.words[slot]!;
    const isPrefix = (e.prefix & (1 << slot)) !== 0;
    const map = isPrefix ? exprByPrefix3 : exprByAnchor;
    const key = isPrefix ? word.slice(0, 3) : word;
    const entry: ExprAnchor = isPrefix ? { expr: i, slot, prefix: word } : { expr: i, slot };
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  });
  const signaturesByConcept: number[][] = idx.sig.concepts.map(() => []);
  idx.sig.signatures.forEach((s, i) => {
    for (const c of new Set(s.slots.flat())) signaturesByConcept[c]!.push(i);
  });
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
    exprByAnchor,
    exprByPrefix3,
    signaturesByConcept,
  };
}
