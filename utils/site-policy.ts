import { NEWS_SITES, siteProblem } from './sites';
import type { Settings } from './settings';

/**
 * Where the extension works: the curated list (data/sites.json) plus the hosts the reader added, less the
 * hosts the reader switched off. A list entry covers the host and its subdomains, as `*://*.host/*` does.
 */

/** The list entry of `list` that covers `host` (the host itself or a parent domain), or null. */
export function coveringSite(host: string, list: readonly string[]): string | null {
  const h = host.toLowerCase();
  let best: string | null = null;
  for (const site of list) {
    if ((h === site || h.endsWith(`.${site}`)) && (best === null || site.length > best.length)) best = site;
  }
  return best;
}

/** The host of an http(s) address, or null for other schemes and bad input. */
export function httpHost(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export interface SiteStatus {
  host: string;
  /** The list entry that covers the host (curated or the reader's), or null. */
  site: string | null;
  /** Whether the entry is in data/sites.json. */
  curated: boolean;
  /** Whether the extension marks this host on its own. */
  enabled: boolean;
}

export function siteStatus(host: string, settings: Settings, curated: readonly string[] = NEWS_SITES): SiteStatus {
  const curatedSite = coveringSite(host, curated);
  const userSite = coveringSite(host, settings.userSites);
  const site = curatedSite ?? userSite;
  const disabled = coveringSite(host, settings.disabledSites) !== null;
  return { host, site, curated: curatedSite !== null, enabled: site !== null && !disabled };
}

/** The host permission pattern for one site entry. */
export function originPattern(site: string): string {
  return `*://*.${site}/*`;
}

/** Reader's hosts to register the content script for: added, not switched off, not already curated. */
export function userSitePatterns(settings: Settings, curated: readonly string[] = NEWS_SITES): string[] {
  return settings.userSites
    .filter((s) => siteProblem(s) === null && coveringSite(s, curated) === null && !settings.disabledSites.includes(s))
    .map(originPattern)
    .sort();
}

/** Turns a host on or off in the settings (adding it to the reader's list when it is not curated). */
export function withSiteEnabled(settings: Settings, host: string, enabled: boolean, curated: readonly string[] = NEWS_SITES): Settings {
  const status = siteStatus(host, settings, curated);
  const site = status.site ?? host;
  const disabledSites = settings.disabledSites.filter((s) => coveringSite(host, [s]) === null);
  if (enabled) {
    const userSites = status.site ? settings.userSites : [...settings.userSites, host].sort();
    return { ...settings, userSites, disabledSites };
  }
  if (status.curated) return { ...settings, disabledSites: [...disabledSites, site].sort() };
  return { ...settings, userSites: settings.userSites.filter((s) => s !== site), disabledSites };
}
