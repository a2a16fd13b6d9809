import type { Source } from '../data/schema/index';

const VIA = /^(?:via|copy on|copy at|repost on|repost by|hosted by|excerpt hosted by|mirror on)\s+(.+)$/i;

/**
 * Splits a dataset publisher such as "Reuters (via Channel NewsAsia)" into the original author and the
 * host named after "via" (or "copy on", "repost on"…). A parenthetical that names no host, e.g.
 * "Arab News (Pakistan edition)", leaves the publisher whole.
 */
export function splitPublisher(publisher: string): { origin: string; host?: string } {
  const m = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(publisher);
  const via = m ? VIA.exec((m[2] ?? '').trim()) : null;
  if (!m || !via) return { origin: publisher };
  return { origin: m[1] ?? publisher, host: via[1] };
}

/**
 * Where a mirror copy is hosted, for the "Mirror copy via …" flag: the host named in the publisher's
 * "(via …)", otherwise the link's host name. Undefined when the source is not a mirror.
 */
export function mirrorHost(source: Source): string | undefined {
  if (!source.mirror) return undefined;
  const named = splitPublisher(source.publisher).host;
  if (named) return named;
  try {
    return new URL(source.url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * How many different original publishers the sources come from: reposts of one agency story count once
 * ("Reuters (via A)" and "Reuters (via B)" are one). Errs low, never inflates independence.
 */
export function countOriginalPublishers(sources: readonly Source[]): number {
  return new Set(sources.map((s) => splitPublisher(s.publisher).origin.trim().toLowerCase())).size;
}
