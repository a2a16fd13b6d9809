import { z } from 'zod';
import { DaySchema, IdSchema, LangSchema, PartialDateSchema, TextSchema } from './common';

/**
 * denial: the event or a fact of it did not happen. deflection: someone else (foreigners, terrorists) did it.
 * justification: it happened and was right. relabelling: victims or protesters renamed (rioters, thugs).
 * attack-on-investigators: the people documenting it are biased, lying or serving enemies.
 */
export const ClaimKindSchema = z
  .enum(['denial', 'deflection', 'justification', 'relabelling', 'attack-on-investigators'])
  .describe('denial: it did not happen; deflection: someone else did it; justification: it happened and was right; relabelling: victims renamed (rioters, thugs); attack-on-investigators: those documenting it are biased or lying');
export type ClaimKind = z.infer<typeof ClaimKindSchema>;

/**
 * verbatim: the quoted words stand in the cited source. as-summarised-by-source: the words are the source's
 * summary of what was said (attribute them to the source). reportedly: the statement itself is only reported
 * (unnamed sources, disputed); show it as such.
 */
export const QuoteStatusSchema = z
  .enum(['verbatim', 'as-summarised-by-source', 'reportedly'])
  .describe('verbatim: the quote stands in the source; as-summarised-by-source: the words are the source\'s summary (give attribution); reportedly: only reported, show as such');
export type QuoteStatus = z.infer<typeof QuoteStatusSchema>;

export const StatementSchema = z
  .strictObject({
    who: z.strictObject({ name: TextSchema, role: TextSchema }),
    date: PartialDateSchema,
    venue: TextSchema,
    /** What was said, in our own neutral words. */
    summary: TextSchema,
    /** The words as the source prints them; only when the research marks them verbatim or as the source's summary. */
    quote: TextSchema.optional(),
    quoteLang: LangSchema.optional(),
    status: QuoteStatusSchema,
    /** How to credit the wording, e.g. "as summarised by Amnesty International UK". */
    attribution: TextSchema.optional(),
    sources: z.array(IdSchema).min(1, { error: 'name at least one source' }),
  })
  .check((ctx) => {
    const s = ctx.value;
    if (s.status === 'verbatim' && !s.quote) {
      ctx.issues.push({ code: 'custom', path: ['quote'], message: 'a "verbatim" statement needs its quote', input: s });
    }
    if (s.status === 'as-summarised-by-source' && !s.attribution) {
      ctx.issues.push({
        code: 'custom',
        path: ['attribution'],
        message: 'say whose summary it is, e.g. "as summarised by Amnesty International UK"',
        input: s,
      });
    }
  });
export type Statement = z.infer<typeof StatementSchema>;

export const PhrasingSchema = z.strictObject({
  text: TextSchema,
  lang: LangSchema,
  /** Generic wording that only counts with one of the claim's context cues nearby. */
  needsContext: z.boolean().optional().describe('true: only counts when one of context.cues appears nearby; required for one- or two-word phrasings'),
});
export type Phrasing = z.infer<typeof PhrasingSchema>;

export const CueSchema = z.strictObject({ text: TextSchema, lang: LangSchema });
export type Cue = z.infer<typeof CueSchema>;

export const ContextSchema = z.strictObject({
  cues: z.array(CueSchema).min(1, { error: 'add at least one cue' }),
  /** Characters either side of a phrasing in which a cue must appear; default 250. */
  window: z.number().int().min(20).max(2000).optional().describe('characters either side of a phrasing in which a cue must appear (default 250)'),
});
export type Context = z.infer<typeof ContextSchema>;

/**
 * One slot of a signature: "@concept" (a lexicon in data/lexicons/), or a claim-specific word or expression
 * (a name, a place, a figure), or a list of such alternatives, any of which fills the slot.
 */
export const SignatureSlotSchema = z.union([TextSchema, z.array(TextSchema).min(2, { error: 'list at least two alternatives, or write the slot as one string' })]);
export type SignatureSlot = z.infer<typeof SignatureSlotSchema>;

/**
 * A claim signature: what must co-occur for the claim to be recognised in any wording.
 * Every slot of `all` must be filled within `within` (one sentence, or a sentence and its neighbour); with
 * `context` "incident" (the default) one of the incident's cues (data/incidents/<id>.json `cues`, shared by
 * every claim of the incident; the claim's own context.cues only when its incident has none) must also
 * stand in the same block, a nearby block or the headline. A slot of `unless` in the same
 * window stops the match (e.g. a rebuttal word).
 */
export const SignatureSchema = z.strictObject({
  id: IdSchema,
  all: z.array(SignatureSlotSchema).min(2, { error: 'a signature needs at least two slots' }),
  within: z.enum(['sentence', 'neighbours']).optional().describe('sentence (default): all slots in one sentence; neighbours: in a sentence and the next'),
  context: z.enum(['incident', 'none']).optional().describe('incident (default): a cue of the claim or its incident must appear nearby; none: the slots identify the claim alone'),
  unless: z.array(SignatureSlotSchema).min(1).optional().describe('slots that stop the match when found in the same window'),
});
export type Signature = z.infer<typeof SignatureSchema>;

export const EvidenceSchema = z.strictObject({
  source: IdSchema,
  /** What this source found, in our own words. */
  finding: TextSchema,
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One known official claim. One file per claim: data/claims/<id>.json. */
export const ClaimSchema = z.strictObject({
  $schema: z.string().optional(),
  id: IdSchema,
  /** One neutral line naming the claim. */
  title: TextSchema,
  kind: ClaimKindSchema,
  incident: IdSchema,
  statements: z.array(StatementSchema).min(1, { error: 'add at least one statement' }),
  phrasings: z
    .array(PhrasingSchema)
    .min(3, { error: 'add at least 3 phrasings' })
    .refine((list) => list.filter((p) => p.lang === 'en').length >= 3, {
      error: 'add at least 3 English phrasings',
    }),
  context: ContextSchema.optional(),
  /** Concept co-occurrence rules that recognise the claim in reported speech and paraphrase. */
  signatures: z.array(SignatureSchema).min(1).optional(),
  rebuttal: z.strictObject({ en: TextSchema, fa: TextSchema.optional() }),
  evidence: z.array(EvidenceSchema).min(1, { error: 'add at least one evidence item' }),
  /** corroborated: two or more independent sources; single-source: one source or one chain of reposts. */
  strength: z
    .enum(['corroborated', 'single-source'])
    .describe('corroborated: statement and main counter-evidence each in two or more independent sources'),
  /** Caveats a reader must see (weak sourcing, disputed figures, discrepancies). */
  caveats: z.array(TextSchema).optional(),
  /** Day an editor last checked this entry against its sources. */
  reviewed: DaySchema,
  examples: z.strictObject({
    match: z.array(TextSchema).min(2, { error: 'add at least 2 sentences that must match' }),
    noMatch: z.array(TextSchema).min(2, { error: 'add at least 2 sentences that must not match' }),
  }),
});
export type Claim = z.infer<typeof ClaimSchema>;
