import { z } from 'zod';
import { CueSchema } from './claim';
import { IdSchema, PartialDateSchema, TextSchema } from './common';

export const FigureSchema = z.strictObject({
  /** What is counted, e.g. "People killed 15–19 Nov 2019". */
  label: TextSchema,
  /** The figure as the sources give it; a range or several values where they disagree. */
  value: TextSchema,
  sources: z.array(IdSchema).min(1, { error: 'name at least one source' }),
  note: TextSchema.optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** A documented event that claims deny or deflect. One file per incident: data/incidents/<id>.json. */
export const IncidentSchema = z.strictObject({
  $schema: z.string().optional(),
  id: IdSchema,
  title: TextSchema,
  dates: z.strictObject({ start: PartialDateSchema, end: PartialDateSchema.optional() }),
  place: TextSchema,
  /** Short neutral summary in our own words. */
  summary: TextSchema,
  figures: z.array(FigureSchema),
  /**
   * Words that tie text to this incident (victims' names in each script and spelling, places, dates, event
   * names). Every claim about the incident uses them as context for its signatures.
   */
  cues: z.array(CueSchema).min(1).optional(),
  /**
   * The larger event this one is part of (a victim's death within a protest wave). Claims about this incident
   * take the larger event's cues and hints as hints of their own.
   */
  partOf: IdSchema.optional(),
  /**
   * Words that point to this incident without naming it: officials in office or speaking at the time, a victim's
   * age and description, the wave's own vocabulary. A signature whose incident has no cue in reach may still be
   * marked on a hint, at a lower score, but only when no claim of another incident fits the same sentence.
   */
  hints: z.array(CueSchema).min(1).optional(),
});
export type Incident = z.infer<typeof IncidentSchema>;
