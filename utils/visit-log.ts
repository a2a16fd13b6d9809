import { z } from 'zod';

/**
 * The private log (opt-in): where and when each claim was seen. Kept in storage.local only; the reader
 * sees it in the options page, exports it as CSV or clears it. Pure.
 */
export const VisitEntrySchema = z.object({
  /** Page address without its #fragment. */
  url: z.string().max(2_000),
  site: z.string().max(253),
  /** When, as an ISO 8601 instant. */
  at: z.string().max(40),
  claimId: z.string().min(1).max(200),
});
export type VisitEntry = z.infer<typeof VisitEntrySchema>;

export const VisitLogSchema = z.object({ version: z.literal(1), entries: z.array(VisitEntrySchema) });
export type VisitLog = z.infer<typeof VisitLogSchema>;

/** Oldest entries are dropped beyond this many. */
export const MAX_VISITS = 5_000;

/**
 * Adds the claims seen on `url` at `now`; a claim already logged for the same page on the same day is
 * not logged again (the annotator reports a page's marks several times while it loads).
 */
export function addVisits(entries: readonly VisitEntry[], url: string, claimIds: readonly string[], now: Date): VisitEntry[] {
  const page = url.split('#')[0]!;
  let site = '';
  try {
    site = new URL(page).hostname;
  } catch {
    return [...entries];
  }
  const day = now.toISOString().slice(0, 10);
  const seen = new Set(entries.filter((e) => e.url === page && e.at.slice(0, 10) === day).map((e) => e.claimId));
  const added = [...new Set(claimIds)].filter((id) => !seen.has(id)).map((claimId) => ({ url: page, site, at: now.toISOString(), claimId }));
  return [...entries, ...added].slice(-MAX_VISITS);
}

function csvField(value: string): string {
  // A leading = + - @ would make spreadsheets run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a header row, CRLF line ends (RFC 4180). */
export function visitsToCsv(entries: readonly VisitEntry[]): string {
  const rows = [['date', 'site', 'url', 'claim'], ...entries.map((e) => [e.at, e.site, e.url, e.claimId])];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
