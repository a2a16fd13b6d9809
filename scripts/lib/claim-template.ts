import { SCHEMA_REF } from '../../data/validate-dataset';

export { IdSchema } from '../../data/schema/index';
export const SCHEMA_REF_CLAIM = SCHEMA_REF.claims;

/**
 * A new claim with every field present and a TODO where an editor must write. It fails data:check until all
 * TODOs are replaced; once filled with real values it passes the schema.
 */
export function claimTemplate(id: string, today: Date): Record<string, unknown> {
  return {
    $schema: SCHEMA_REF.claims,
    id,
    title: 'TODO: one neutral line naming the claim',
    kind: 'denial',
    incident: 'todo-incident-id',
    statements: [
      {
        who: { name: 'TODO: who said it', role: 'TODO: their role at the time' },
        date: 'TODO: YYYY, YYYY-MM or YYYY-MM-DD',
        venue: 'TODO: where it was said',
        summary: 'TODO: what was said, in our own words',
        quote: 'TODO: the exact words, only if the source prints them (otherwise delete quote and quoteLang)',
        quoteLang: 'en',
        status: 'verbatim',
        sources: ['todo-source-id'],
      },
    ],
    phrasings: [
      { text: 'TODO: a wording news copy uses', lang: 'en' },
      { text: 'TODO: a second wording', lang: 'en' },
      { text: 'TODO: a third wording', lang: 'en' },
    ],
    rebuttal: { en: 'TODO: what the evidence shows, in two or three sentences' },
    evidence: [{ source: 'todo-source-id', finding: 'TODO: what this source found, in our own words' }],
    strength: 'single-source',
    reviewed: today.toISOString().slice(0, 10),
    examples: {
      match: ['TODO: a news sentence that must match this claim', 'TODO: another one'],
      noMatch: ['TODO: a sentence with the same words about another story', 'TODO: another one'],
    },
  };
}
