import { z } from 'zod';
import { HttpUrlSchema, IdSchema, PartialDateSchema, TextSchema } from './common';

export const SourceKindSchema = z.enum([
  'ngo-report',
  'un-document',
  'court-judgment',
  'tribunal',
  'news-report',
  'official-statement',
  'state-media',
  'encyclopedia',
  'advocacy',
  'commentary',
]);
export type SourceKind = z.infer<typeof SourceKindSchema>;

/** One page we cite. One file per source: data/sources/<id>.json. */
export const SourceSchema = z.strictObject({
  $schema: z.string().optional(),
  id: IdSchema,
  /** Original author or agency, plus "(via …)" when the page is a mirror or repost. */
  publisher: TextSchema,
  title: TextSchema,
  /** Byte-exact copy of the URL in ../shared/research/sources.tsv. */
  url: HttpUrlSchema.describe('copied byte-exact from ../shared/research/sources.tsv; http(s) only'),
  /** Publication date with honest precision; leave out when unknown. */
  date: PartialDateSchema.optional(),
  /** The date as the research lists it when it is approximate or disputed (e.g. "2023-02-06/07"). */
  dateNote: TextSchema.optional(),
  kind: SourceKindSchema,
  /** The page is a repost, mirror or copy of another publisher's text. */
  mirror: z.boolean().describe('true when the page reposts or mirrors another publisher\'s text'),
  /** The publisher is a party to the story (Iranian state, MEK-linked, US government, victims' association…). */
  interestedParty: z.boolean().describe('true for a party to the story: Iranian state media, MEK-linked sites, US government, victims\' associations'),
  /** Caution for the reader or editor (e.g. "single low-quality source"). */
  note: TextSchema.optional(),
});
export type Source = z.infer<typeof SourceSchema>;
