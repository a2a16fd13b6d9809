// Least privilege and no remote anything, read from the two built extensions (what a store would ship):
// the manifests ask for `storage` and the curated news sites only, and the bundles carry no code that could
// reach the network, no remote script, style, font or icon, and no address except the dataset's sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, REPO_ROOT, requireBuild } from './harness';

const SITES = (JSON.parse(readFileSync(join(REPO_ROOT, 'data/sites.json'), 'utf8')) as { sites: string[] }).sites;
const SOURCE_URLS = (JSON.parse(readFileSync(join(REPO_ROOT, 'generated/dataset.json'), 'utf8')) as { sources: { url: string }[] }).sources.map(
  (s) => s.url,
);
const SOURCE_HOSTS = new Set(SOURCE_URLS.map((u) => new URL(u).hostname));
/** Identifiers that look like addresses but are never fetched: the SVG/XHTML namespaces, JSON Schema's `$schema`. */
// Names, never fetched: XML and JSON-Schema namespaces, the schema.org vocabulary of the ClaimReview
// JSON-LD a reader may copy, and the ClaimReview placeholder base (.invalid never resolves; RFC 2606).
const IDENTIFIER_HOSTS = new Set(['www.w3.org', 'json-schema.org', 'schema.org', 'right-to-truth.invalid']);
/** What would grant access to every site (or every site of a scheme). */
const EVERY_SITE = /^(<all_urls>|\*:\/\/\*\/|https?:\/\/\*\/|\*:\/\/\*\.\*|file:\/\/)/;

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  icons?: Record<string, string>;
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const builds = [
  { name: 'Chromium (MV3)', dir: CHROME_BUILD, command: 'npm run build' },
  { name: 'Firefox (MV2)', dir: FIREFOX_BUILD, command: 'npm run build:firefox' },
];

describe.each(builds)('the $name build', ({ dir, command }) => {
  const root = requireBuild(dir, command);
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest;
  const code = files(root)
    .filter((f) => /\.(js|html|css)$/.test(f))
    .map((f) => ({ file: relative(root, f), text: readFileSync(f, 'utf8') }));

  test('asks for storage, the context menu, the active tab and scripting only, and at install for no site beyond the curated list', () => {
    // storage: settings, local claims, the opt-in log; contextMenus: "Check quote"; activeTab + scripting: the
    // quote check and "check this page now" on the one tab the reader acts on, only when they act.
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'activeTab', 'scripting']);
    // Granted at install: never every site. (Optional permissions are only ever granted one request at a time.)
    for (const pattern of [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])]) expect(pattern).not.toMatch(EVERY_SITE);
    // The host access a reader grants at install: the content script's news sites, each with its subdomains.
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    expect(matches.length).toBeGreaterThan(0);
    expect(new Set(matches)).toEqual(new Set(SITES.map((site) => `*://*.${site}/*`)));
    for (const pattern of matches) expect(pattern).not.toMatch(EVERY_SITE);
    // Optional: host access only, which the options page and popup request for one site at a time (and release).
    const optional = [...(manifest.optional_host_permissions ?? []), ...(manifest.optional_permissions ?? [])];
    expect(new Set(optional)).toEqual(new Set(['http://*/*', 'https://*/*']));
  });

  test('exposes nothing to web pages and loosens no security policy', () => {
    // No web-accessible resource: a page can neither load a file of ours nor use one to detect the extension.
    expect(manifest.web_accessible_resources).toBeUndefined();
    // No page may message the extension.
    expect(manifest.externally_connectable).toBeUndefined();
    // The browsers' default extension CSP stands (no remote script, no eval); no self-hosted update channel.
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.update_url).toBeUndefined();
    // Firefox: the add-on declares that it collects no data.
    const gecko = (manifest.browser_specific_settings as { gecko?: { data_collection_permissions?: unknown } } | undefined)?.gecko;
    if (gecko) expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  test('carries no code that reaches the network, and no remote script, style, font or icon', () => {
    for (const { file, text } of code) {
      expect(text, file).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|RTCPeerConnection/);
      expect(text, file).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)=["']?(https?:)?\/\//i);
      expect(text, file).not.toMatch(/@import|@font-face|url\(\s*["']?(https?:)?\/\//i);
    }
    // Icons, if declared, are files in the package.
    for (const icon of Object.values(manifest.icons ?? {})) {
      expect(icon).not.toMatch(/^[a-z]+:/);
      expect(statSync(join(root, icon)).isFile()).toBe(true);
    }
  });

  test('names no address except the dataset sources a reader may open', () => {
    const strange: string[] = [];
    for (const { file, text } of code) {
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'`<>()\\]+/g)) {
        let host: string;
        try {
          host = new URL(url).hostname;
        } catch {
          continue; // a template such as `http://[${host}]` in the URL validator, not an address
        }
        if (!SOURCE_HOSTS.has(host) && !IDENTIFIER_HOSTS.has(host)) strange.push(`${file}: ${url}`);
      }
    }
    expect(strange).toEqual([]);
  });
});
