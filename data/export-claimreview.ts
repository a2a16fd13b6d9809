// schema.org ClaimReview JSON-LD for every claim (https://schema.org/ClaimReview). Pure: no I/O.
import type { Claim, ClaimKind, Dataset, Source, Statement } from './schema/index';

/** Placeholder base for review URLs until the project has a public site (.invalid is reserved, never resolves). */
export const DEFAULT_REVIEW_BASE_URL = 'https://right-to-truth.invalid/claims/';

export const REVIEWER = { '@type': 'Organization', name: 'Right to Truth' } as const;

/** How each kind of claim is rated: 1 = worst on a 1–5 scale. */
const RATINGS: Record<ClaimKind, { ratingValue: number; alternateName: string }> = {
  denial: { ratingValue: 1, alternateName: 'False: contradicted by documented evidence' },
  deflection: { ratingValue: 1, alternateName: 'False: documented evidence points to state forces' },
  justification: { ratingValue: 2, alternateName: 'Misleading: contradicted by documented evidence' },
  relabelling: { ratingValue: 2, alternateName: 'Misleading: documented evidence describes largely peaceful protesters' },
  'attack-on-investigators': { ratingValue: 2, alternateName: 'Unsupported: the findings rest on documented evidence' },
};

export interface ClaimReviewJsonLd {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  datePublished: string;
  author: typeof REVIEWER;
  publisher: typeof REVIEWER;
  reviewRating: { '@type': 'Rating'; ratingValue: number; bestRating: number; worstRating: number; alternateName: string };
  reviewBody: string;
  itemReviewed: {
    '@type': 'Claim';
    author: { '@type': 'Person' | 'Organization'; name: string; jobTitle?: string };
    datePublished?: string;
    appearance: { '@type': 'CreativeWork'; url: string; publisher?: { '@type': 'Organization'; name: string } }[];
  };
  citation: { '@type': 'CreativeWork'; url: string; name: string }[];
}

/** What the claim said: the quote when the source prints one, otherwise our summary. */
function claimText(statement: Statement): string {
  return statement.quote && statement.status !== 'reportedly' ? statement.quote : statement.summary;
}

/** Speakers that are institutions rather than people (heuristic on the name). */
function isOrganization(name: string): boolean {
  return /\b(police|media|officials|organization|organisation|foundation|council|ministry|judiciary|board|agency|IRNA|state)\b/i.test(name);
}

/** One ClaimReview per claim, in dataset order. `baseUrl` ends with a slash; each review's url is baseUrl + id. */
export function toClaimReviews(dataset: Dataset, baseUrl: string = DEFAULT_REVIEW_BASE_URL): ClaimReviewJsonLd[] {
  const sources = new Map<string, Source>(dataset.sources.map((s) => [s.id, s]));
  const source = (id: string): Source => {
    const found = sources.get(id);
    if (!found) throw new Error(`unknown source "${id}"`);
    return found;
  };
  return dataset.claims.map((claim: Claim) => {
    const first = claim.statements[0];
    if (!first) throw new Error(`claim "${claim.id}" has no statement`);
    const who = first.who;
    return {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: baseUrl + claim.id,
      claimReviewed: claimText(first),
      datePublished: claim.reviewed,
      author: REVIEWER,
      publisher: REVIEWER,
      reviewRating: { '@type': 'Rating', ...RATINGS[claim.kind], bestRating: 5, worstRating: 1 },
      reviewBody: claim.rebuttal.en,
      itemReviewed: {
        '@type': 'Claim',
        author: isOrganization(who.name)
          ? { '@type': 'Organization', name: who.name }
          : { '@type': 'Person', name: who.name, jobTitle: who.role },
        datePublished: first.date,
        appearance: first.sources.map((id) => {
          const s = source(id);
          return { '@type': 'CreativeWork', url: s.url, publisher: { '@type': 'Organization', name: s.publisher } };
        }),
      },
      citation: claim.evidence.map((e) => {
        const s = source(e.source);
        return { '@type': 'CreativeWork', url: s.url, name: s.title };
      }),
    };
  });
}
