import { toClaimReviews } from '../data/export-claimreview';
import type { Claim, Source, Statement } from '../data/schema/index';

export type CitationFormat = 'plain' | 'markdown';
/** Every format a reader can copy: the two text citations and schema.org ClaimReview JSON-LD. */
export type CopyFormat = CitationFormat | 'claimreview';
export const COPY_FORMATS: readonly CopyFormat[] = ['plain', 'markdown', 'claimreview'];

/** The citation of `claim` in any copy format. ClaimReview is the same JSON-LD as `npm run data:export`. */
export function formatCopy(claim: Claim, sources: Readonly<Record<string, Source>>, format: CopyFormat): string {
  if (format !== 'claimreview') return formatCitation(claim, sources, format);
  const [review] = toClaimReviews({ claims: [claim], sources: Object.values(sources), incidents: [], lexicons: [] });
  return JSON.stringify(review, null, 2);
}

/**
 * A citation of one claim entry that a reader can paste into an article, a post or an issue: the claim's
 * title, who made it and when (with the quote and its status), the plain-words rebuttal, the evidence
 * strength, every source with its URL, and "Right to Truth dataset, reviewed <date>".
 *
 * English only: citations travel beyond the reader's own language. Source ids missing from `sources`
 * are left out rather than shown as broken links. URLs are reproduced byte for byte.
 */
export function formatCitation(claim: Claim, sources: Readonly<Record<string, Source>>, format: CitationFormat): string {
  const md = format === 'markdown';
  const text = md ? escapeMarkdown : (s: string) => s;
  const lines: string[] = [];

  lines.push(md ? `**${text(claim.title)}**` : claim.title);
  lines.push('');
  lines.push(md ? '**Said by:**' : 'Said by:');
  for (const st of claim.statements) lines.push(`- ${statementLine(st, text)}`);
  lines.push('');
  lines.push(md ? `**What the evidence shows:** ${text(claim.rebuttal.en)}` : `What the evidence shows: ${claim.rebuttal.en}`);
  const strength =
    claim.strength === 'corroborated' ? 'corroborated by two or more independent sources' : 'single source';
  lines.push(md ? `**Strength of evidence:** ${strength}` : `Strength of evidence: ${strength}`);
  for (const caveat of claim.caveats ?? []) lines.push(md ? `**Caveat:** ${text(caveat)}` : `Caveat: ${caveat}`);

  const evidenceIds = unique(claim.evidence.map((e) => e.source));
  const statementIds = unique(claim.statements.flatMap((s) => s.sources)).filter((id) => !evidenceIds.includes(id));
  pushSourceList(lines, md ? '**Evidence sources:**' : 'Evidence sources:', evidenceIds, sources, format);
  pushSourceList(lines, md ? '**Where the statements are recorded:**' : 'Where the statements are recorded:', statementIds, sources, format);

  lines.push('');
  const footer = `Right to Truth dataset, reviewed ${claim.reviewed} (claim ${claim.id}).`;
  lines.push(md ? `*Right to Truth dataset, reviewed ${claim.reviewed} (claim \`${claim.id}\`).*` : footer);
  return lines.join('\n');
}

function statementLine(st: Statement, text: (s: string) => string): string {
  const who = `${text(st.who.name)} (${text(st.who.role)}), ${st.date}, ${text(st.venue)}`;
  const words = st.quote ? `“${text(st.quote)}”` : text(st.summary);
  const credit = st.attribution ? `; ${text(st.attribution)}` : '';
  const status =
    st.status === 'verbatim'
      ? `verbatim${credit}`
      : st.status === 'reportedly'
        ? `reportedly; not confirmed${credit}`
        : text(st.attribution ?? 'as summarised by the source');
  // A summary in our own words is not a quote of anyone, so it gets no quote status.
  return st.quote || st.status === 'reportedly' ? `${who}: ${words} (${status})` : `${who}: ${words}`;
}

function pushSourceList(
  lines: string[],
  heading: string,
  ids: readonly string[],
  sources: Readonly<Record<string, Source>>,
  format: CitationFormat,
): void {
  const found = ids.map((id) => sources[id]).filter((s): s is Source => s !== undefined);
  if (found.length === 0) return;
  lines.push('');
  lines.push(heading);
  for (const s of found) lines.push(`- ${sourceLine(s, format)}`);
}

/** "Publisher, "Title", 2022-09-16. https://…" or the Markdown equivalent with a link. */
export function sourceLine(s: Source, format: CitationFormat): string {
  const date = s.date ?? s.dateNote ?? 'n.d.';
  const flags = [s.mirror ? 'mirror copy' : '', s.interestedParty ? 'interested party' : ''].filter(Boolean);
  const flagText = flags.length > 0 ? ` [${flags.join('; ')}]` : '';
  if (format === 'plain') return `${s.publisher}, “${s.title}”, ${date}. ${s.url}${flagText}`;
  return `${escapeMarkdown(s.publisher)}, [${escapeMarkdown(s.title)}](${escapeLinkDestination(s.url)}), ${escapeMarkdown(date)}${flags.length > 0 ? ` (${flags.join('; ')})` : ''}`;
}

/** Backslash-escapes the characters that would turn plain text into Markdown markup. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()<>#|!~]/g, '\\$&');
}

/** Parentheses would end a link destination early; backslash escapes keep the rendered URL byte-exact. */
function escapeLinkDestination(url: string): string {
  return url.replace(/[()\\]/g, '\\$&').replace(/ /g, '%20');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
