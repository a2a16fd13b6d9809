/**
 * Which came first: an official's claim or the published evidence against it?
 *
 * Dates in the dataset have year, month or day precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), so each
 * date is an interval of days, and an order is only stated when the intervals do not overlap:
 * "2022" versus "2022-10" stays unclear rather than guessed. Evidence dates are the publication dates
 * of the sources listed (some are reposts), so the wording built on this speaks of "the earliest
 * source listed", not of when the facts became known.
 */

/** A calendar date of known precision, as the interval of days (UTC, inclusive) it may stand for. */
export interface DateSpan {
  /** The date as written in the data, e.g. "2022-09". */
  text: string;
  precision: 'year' | 'month' | 'day';
  /** First possible day, in days since 1970-01-01. */
  start: number;
  /** Last possible day, in days since 1970-01-01. */
  end: number;
}

const DAY_MS = 86_400_000;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Returns null for anything else (missing, "n.d.",
 * free text, impossible dates such as 2023-02-30) — an unknown date takes no part in the comparison.
 */
export function parsePartialDate(text: string | null | undefined): DateSpan | null {
  if (typeof text !== 'string') return null;
  const m = PARTIAL_DATE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return null;
  const days = (y: number, mo: number, d: number) => Date.UTC(y, mo - 1, d) / DAY_MS;
  if (month === undefined) {
    return { text: m[0], precision: 'year', start: days(year, 1, 1), end: days(year + 1, 1, 1) - 1 };
  }
  if (day === undefined) {
    return { text: m[0], precision: 'month', start: days(year, month, 1), end: days(year, month + 1, 1) - 1 };
  }
  const at = days(year, month, day);
  // Date.UTC rolls 2023-02-30 over to March; such a date is a typo, not a date.
  if (day < 1 || new Date(at * DAY_MS).getUTCMonth() !== month - 1) return null;
  return { text: m[0], precision: 'day', start: at, end: at };
}

export type Chronology =
  /** Every statement certainly precedes every dated source. */
  | { order: 'before'; firstClaimDate: string; lastClaimDate: string; evidenceDate: string }
  /** The first statement certainly comes after the earliest dated source. */
  | { order: 'after'; firstClaimDate: string; lastClaimDate: string; evidenceDate: string }
  /** Made before the earliest source (firstClaimDate), and made again after it (lastClaimDate). */
  | { order: 'repeated-after'; firstClaimDate: string; lastClaimDate: string; evidenceDate: string }
  /**
   * Dates overlap at their precision: no order can honestly be stated. `lastEvidenceDate` (the latest
   * dated source) lets the reader see how far the evidence reaches beyond the claim.
   */
  | { order: 'unclear'; firstClaimDate: string; lastClaimDate: string; evidenceDate: string; lastEvidenceDate: string };

/**
 * Compares the dates of a claim's statements with the publication dates of its evidence sources.
 * Unparseable or missing dates are ignored; returns null when either side has no usable date.
 *
 * `evidenceDate` is the earliest source date that makes the stated order true (for "before", the
 * source that starts first; otherwise the one that certainly ended first).
 */
export function compareChronology(
  statementDates: readonly (string | null | undefined)[],
  evidenceDates: readonly (string | null | undefined)[],
): Chronology | null {
  const statements = statementDates.map(parsePartialDate).filter((d): d is DateSpan => d !== null);
  const evidence = evidenceDates.map(parsePartialDate).filter((d): d is DateSpan => d !== null);
  if (statements.length === 0 || evidence.length === 0) return null;

  const first = minBy(statements, (d) => d.start, (d) => d.end);
  const latestStart = maxBy(statements, (d) => d.start, (d) => d.end);
  const latestEnd = maxBy(statements, (d) => d.end, (d) => d.start);
  const evidenceFirstStart = minBy(evidence, (d) => d.start, (d) => d.end);
  const evidenceFirstEnd = minBy(evidence, (d) => d.end, (d) => d.start);

  if (latestEnd.end < evidenceFirstStart.start) {
    return { order: 'before', firstClaimDate: first.text, lastClaimDate: latestEnd.text, evidenceDate: evidenceFirstStart.text };
  }
  if (first.start > evidenceFirstEnd.end) {
    return { order: 'after', firstClaimDate: first.text, lastClaimDate: latestStart.text, evidenceDate: evidenceFirstEnd.text };
  }
  const firstEndsBefore = statements.some((d) => d.end < evidenceFirstStart.start);
  if (firstEndsBefore && latestStart.start > evidenceFirstEnd.end) {
    const earliestCertain = minBy(
      statements.filter((d) => d.end < evidenceFirstStart.start),
      (d) => d.start,
      (d) => d.end,
    );
    return {
      order: 'repeated-after',
      firstClaimDate: earliestCertain.text,
      lastClaimDate: latestStart.text,
      // Certainly before this one too: it cannot start earlier than evidenceFirstStart.
      evidenceDate: evidenceFirstEnd.text,
    };
  }
  return {
    order: 'unclear',
    firstClaimDate: first.text,
    lastClaimDate: latestEnd.text,
    evidenceDate: evidenceFirstStart.text,
    lastEvidenceDate: maxBy(evidence, (d) => d.end, (d) => d.start).text,
  };
}

/** "2022-09" or, for several statements, "2022-09 – 2024-03". */
export function formatDateRange(first: string, last: string): string {
  return first === last ? first : `${first} – ${last}`;
}

function minBy<T>(items: readonly T[], key: (t: T) => number, tie: (t: T) => number): T {
  let best = items[0] as T;
  for (const item of items) {
    if (key(item) < key(best) || (key(item) === key(best) && tie(item) < tie(best))) best = item;
  }
  return best;
}

function maxBy<T>(items: readonly T[], key: (t: T) => number, tie: (t: T) => number): T {
  let best = items[0] as T;
  for (const item of items) {
    if (key(item) > key(best) || (key(item) === key(best) && tie(item) > tie(best))) best = item;
  }
  return best;
}
