import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toClaimReviews } from '../../data/export-claimreview';
import { validateDataset } from '../../data/validate-dataset';
import { readDataFiles } from '../../scripts/lib/read-data-files';

const ROOT = join(import.meta.dirname, '..', '..');

/** The fields schema.org ClaimReview needs (Google's fact-check markup requirements plus our own). */
const ClaimReviewRequired = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  url: z.url({ protocol: /^https?$/ }),
  claimReviewed: z.string().min(1),
  datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  author: z.object({ '@type': z.literal('Organization'), name: z.string().min(1) }),
  publisher: z.object({ '@type': z.literal('Organization'), name: z.string().min(1) }),
  reviewRating: z
    .object({
      '@type': z.literal('Rating'),
      ratingValue: z.number().int(),
      bestRating: z.number().int(),
      worstRating: z.number().int(),
      alternateName: z.string().min(1),
    })
    .refine((r) => r.worstRating <= r.ratingValue && r.ratingValue <= r.bestRating, 'ratingValue out of range'),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    author: z.object({ '@type': z.enum(['Person', 'Organization']), name: z.string().min(1) }),
    datePublished: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/).optional(),
    appearance: z.array(z.object({ '@type': z.literal('CreativeWork'), url: z.url({ protocol: /^https?$/ }) })).min(1),
  }),
});

describe('ClaimReview export', () => {
  const { dataset } = validateDataset(readDataFiles(ROOT));
  if (!dataset) throw new Error('dataset invalid; run npm run data:check');
  const reviews = toClaimReviews(dataset, 'https://example.org/claims/');

  it('writes one review per claim', () => {
    expect(reviews).toHaveLength(dataset.claims.length);
    expect(new Set(reviews.map((r) => r.url)).size).toBe(reviews.length);
  });

  it.each(dataset.claims.map((c, i) => [c.id, i] as const))('%s has every required field', (_id, i) => {
    const result = ClaimReviewRequired.safeParse(reviews[i]);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('uses the review base URL and the claim date', () => {
    const claim = dataset.claims[0]!;
    expect(reviews[0]!.url).toBe(`https://example.org/claims/${claim.id}`);
    expect(reviews[0]!.itemReviewed.datePublished).toBe(claim.statements[0]!.date);
    expect(reviews[0]!.datePublished).toBe(claim.reviewed);
  });

  it('never presents a "reportedly" statement as a quote', () => {
    dataset.claims.forEach((claim, i) => {
      const first = claim.statements[0]!;
      if (first.status === 'reportedly') expect(reviews[i]!.claimReviewed).toBe(first.summary);
    });
  });
});
