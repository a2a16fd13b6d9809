/** How closely the page text matched a known phrasing, in words a reader can weigh. */
export type MatchQuality = { level: 'exact' | 'close' | 'loose'; percent: number };

/**
 * @param score engine confidence between 0 and 1 (1 = the phrasing word for word, after normalising
 *   case, spacing and letter forms). Out-of-range values are clamped.
 */
export function describeMatchScore(score: number): MatchQuality {
  const clamped = Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
  if (clamped >= 0.995) return { level: 'exact', percent: 100 };
  return { level: clamped >= 0.85 ? 'close' : 'loose', percent: Math.round(clamped * 100) };
}

export interface WrongMatchReportInput {
  claimId: string;
  /** The dataset phrasing that matched. */
  phrasing: string;
  /** The text on the page that was marked. */
  matchedText: string;
  /** Engine confidence between 0 and 1. */
  score: number;
  /** Only when the caller chooses to include it; the report leaves the page out otherwise. */
  pageUrl?: string;
}

/** Longest page excerpt carried into a report, in characters; enough to judge, short enough to post. */
export const MAX_EXCERPT = 600;

/**
 * A ready-to-paste report of a wrong match, for an issue in the project's tracker. Building it sends
 * nothing anywhere; the reader decides where, and whether, to paste it. It holds only what the reader
 * can see in the card, plus the page address when the caller passes one, and reminds the reader to
 * check it before posting.
 */
export function buildWrongMatchReport(input: WrongMatchReportInput): string {
  const { level, percent } = describeMatchScore(input.score);
  const excerpt = oneLine(input.matchedText);
  const shown = excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT)}…` : excerpt;
  const lines = [
    'Right to Truth: wrong match report',
    '',
    `Claim id: ${input.claimId}`,
    `Known wording that matched: "${oneLine(input.phrasing)}"`,
    `Text marked on the page: "${shown}"`,
    `Match: ${level} (${percent}%, score ${roundScore(input.score)})`,
  ];
  if (input.pageUrl) lines.push(`Page: ${input.pageUrl}`);
  lines.push(
    '',
    'Why this is wrong (please describe):',
    '',
    '',
    '---',
    'Before posting: this text was made on your device and nothing has been sent.',
    input.pageUrl
      ? 'It includes the page address above; remove it if it could identify you.'
      : 'It does not include the page address.',
  );
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function roundScore(score: number): string {
  return Number.isFinite(score) ? (Math.round(score * 1000) / 1000).toString() : 'unknown';
}
