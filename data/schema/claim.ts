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
