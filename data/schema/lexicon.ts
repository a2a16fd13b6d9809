import { z } from 'zod';
import { IdSchema, TextSchema } from './common';

/**
 * A term of a concept lexicon: a word or a multi-word expression, written as the language writes it.
 * `*` at the end of the last word matches any ending ("fabricat*": fabricated, fabrication, fabrications);
 * `...` between words allows up to three words in between ("fell ... building": fell from the roof of a building).
 */
export const LexiconTermSchema = TextSchema;

/** Terms per language. English is required; Persian wherever the concept is matched in Persian text. */
export const LexiconTermsSchema = z.strictObject({
  en: z.array(LexiconTermSchema).min(1, { error: 'add at least one English term' }),
  fa: z.array(LexiconTermSchema).min(1, { error: 'add at least one Persian term, or leave "fa" out' }).optional(),
  ar: z.array(LexiconTermSchema).min(1, { error: 'add at least one Arabic term, or leave "ar" out' }).optional(),
});

/**
 * A named concept the matcher recognises in page text (denial words, official attribution, suicide, ...):
 * general vocabulary, never a sentence lifted from an article. One file per concept: data/lexicons/<id>.json.
 * Claims' signatures name concepts as "@<id>".
 */
export const LexiconSchema = z.strictObject({
  $schema: z.string().optional(),
  id: IdSchema,
  /** What the concept means, for editors. */
  description: TextSchema,
  terms: LexiconTermsSchema,
});
export type Lexicon = z.infer<typeof LexiconSchema>;
