import siteList from '../data/sites.json';

/** A bare host name such as `bbc.co.uk`: lower case, dot-separated labels, no scheme, port or path. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Checks one site-list entry; returns a plain-words problem, or null when it is fine. */
export function siteProblem(site: string): string | null {
  if (site !== site.trim().toLowerCase()) return `"${site}": write host names in lower case without spaces`;
  if (!HOST_NAME.test(site)) return `"${site}": not a bare host name (no scheme, port, path or wildcard)`;
  return null;
}

/**
 * Match patterns for a list of hosts, over http and https. In both Chrome and
 * Firefox `*.host` matches the host itself as well as its subdomains.
 */
export function sitesToMatchPatterns(sites: readonly string[]): string[] {
  const problems = sites.map(siteProblem).filter((p): p is string => p !== null);
  if (problems.length > 0) throw new Error(`data/sites.json: ${problems.join('; ')}`);
  return [...new Set(sites)].sort().map((site) => `*://*.${site}/*`);
}

/** The curated list of sites the content script runs on. */
export const NEWS_SITES: readonly string[] = siteList.sites;

/** Match patterns for the content script, from `data/sites.json`. */
export const NEWS_SITE_MATCH_PATTERNS: readonly string[] = sitesToMatchPatterns(NEWS_SITES);
