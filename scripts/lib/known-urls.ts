import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The research sources list, relative to the repo root. */
export const SOURCES_TSV = '../shared/research/sources.tsv';

/** The seed article's URL, which the research allows beside sources.tsv. */
export const SEED_URLS = [
  'https://www.amnesty.org.uk/press-releases/iranian-diplomats-mounting-denial-and-misinformation-campaign-over-protests',
];

/** URLs allowed in data/sources (column 1 of sources.tsv plus the seed), or null when sources.tsv is absent. */
export function readKnownUrls(repoRoot: string): Set<string> | null {
  const file = join(repoRoot, SOURCES_TSV);
  if (!existsSync(file)) return null;
  const urls = new Set(SEED_URLS);
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const url = line.split('\t')[0];
    if (url) urls.add(url);
  }
  return urls;
}
