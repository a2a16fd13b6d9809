import { z } from 'zod';

/** Languages a phrasing, cue or quote can be in. Arabic only where a source gives the Arabic form. */
export const LangSchema = z.enum(['en', 'fa', 'ar']);
export type Lang = z.infer<typeof LangSchema>;

/** Kebab-case slug: lower-case letters and digits separated by single hyphens. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'use a kebab-case id: lower-case letters, digits and single hyphens (e.g. 2019-death-tolls-are-pure-lies)',
  });

/** A date with honest precision: a year, a month or a day. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'use YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .describe('YYYY, YYYY-MM or YYYY-MM-DD: only as precise as the source');

/** A full calendar day, for review dates. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, { error: 'use YYYY-MM-DD' });

/** Hosts that look like a well-known domain but are not it (dossier Part H, item 14). */
const LOOKALIKE_HOSTS = new Set(['lranintl.com', 'www.lranintl.com']);

/**
 * Why a URL may not be shown to a reader, or null when it is fine.
 * Only http(s) is allowed; bare IP hosts, trailing-dot hosts and known look-alike domains are refused.
 */
export function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a valid URL; copy it exactly from sources.tsv';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `only https:// or http:// links are allowed, not "${url.protocol}"`;
  }
  const host = url.hostname;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.startsWith('[')) {
    return 'the link points to a bare IP address; leave this source out';
  }
  if (host.endsWith('.')) return 'the host name ends with a dot; leave this source out';
  if (LOOKALIKE_HOSTS.has(host)) return `"${host}" looks like a look-alike domain; leave this source out`;
  return null;
}

export const HttpUrlSchema = z.string().check((ctx) => {
  const problem = urlProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

/** A non-empty line of text with no leading or trailing spaces. */
export const TextSchema = z
  .string()
  .min(1, { error: 'must not be empty' })
  .refine((s) => s.trim() === s, { error: 'remove spaces at the start or end' });
