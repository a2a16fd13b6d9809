// Pure validation of the whole dataset: takes file texts, returns the parsed dataset and every problem found.
// No file system, DOM or extension API here, so the same code runs in data:check, vitest and the extension build.
import Fuse from 'fuse.js';
import type { z } from 'zod';
import { compileTerm, conceptRef } from '../utils/engine/concepts';
import { normalizeText } from '../utils/engine/normalize-text';
import { stem, tokenize } from '../utils/engine/tokenize';
import { ClaimSchema, IncidentSchema, LexiconSchema, SourceSchema } from './schema/index';
import type { Claim, Dataset, Incident, Lexicon, Source } from './schema/index';

export interface DataFile {
  /** Path relative to the repo root, e.g. 'data/claims/x.json'. */
  path: string;
  text: string;
}

export interface DataProblem {
  path: string;
  /** Field path inside the file, e.g. 'statements[0].date'; '(file)' for the file as a whole. */
  field: string;
  message: string;
}

export interface ValidateOptions {
  /** URLs allowed in sources (from ../shared/research/sources.tsv); when absent URLs are not checked against a list. */
  knownUrls?: Set<string>;
  /** Skip the fuzzy near-duplicate check of phrasings (slow; data:check runs it, the matching tools need not). */
  skipNearDuplicates?: boolean;
}

/** The `$schema` value each data file carries, relative to its own folder. */
export const SCHEMA_REF = {
  claims: '../schema/claim.schema.json',
  sources: '../schema/source.schema.json',
  incidents: '../schema/incident.schema.json',
  lexicons: '../schema/lexicon.schema.json',
} as const;

type Folder = keyof typeof SCHEMA_REF;

/** Phrasings of one or two words are too generic to stand alone. */
export const GENERIC_MAX_WORDS = 2;

/** Fuse.js score (0 = identical, 1 = unrelated) under which two phrasings count as near-duplicates. */
const NEAR_DUPLICATE_SCORE = 0.05;

/** Shorter-to-longer length ratio (0–1) below which two phrasings are never near-duplicates. */
const NEAR_DUPLICATE_MIN_LENGTH_RATIO = 0.85;

function lengthRatio(a: { normalized: string }, b: { normalized: string }): number {
  return Math.min(a.normalized.length, b.normalized.length) / Math.max(a.normalized.length, b.normalized.length);
}

/** The canonical text of a data file: 2-space JSON in the key order it was written, with a final newline. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Lower-case, unify Arabic/Persian letter forms and zero-width joiners, drop punctuation, collapse spaces. */
export function normalizePhrasing(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u064A\u0649]/g, '\u06CC') // Arabic yeh / alef maksura → Persian yeh
    .replace(/\u0643/g, '\u06A9') // Arabic kaf → Persian kaf
    .replace(/\u200C|\u200D|\u200E|\u200F/g, ' ') // joiners and direction marks (alternation: a class would join them)
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function wordCount(text: string): number {
  const normalized = normalizePhrasing(text);
  return normalized === '' ? 0 : normalized.split(' ').length;
}

/** Field path in the style `statements[0].date`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(file)' : out;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Zod issues turned into plain words for data editors. */
function issueProblems(path: string, issues: readonly z.core.$ZodIssue[], value: unknown): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const issue of issues) {
    const field = formatFieldPath(issue.path);
    switch (issue.code) {
      case 'invalid_type': {
        const actual = valueAt(value, issue.path);
        const message =
          actual === undefined
            ? 'missing: this field is required'
            : `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}, not ${describeType(actual)}`;
        problems.push({ path, field, message });
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          problems.push({
            path,
            field: formatFieldPath([...issue.path, key]),
            message: `unknown field "${key}" (check its spelling in data/README.md)`,
          });
        }
        break;
      case 'invalid_value':
        problems.push({ path, field, message: `use one of: ${issue.values.map((v) => String(v)).join(', ')}` });
        break;
      case 'too_small':
        problems.push({
          path,
          field,
          message: issue.message.startsWith('Too small') ? `too short or too few (at least ${String(issue.minimum)})` : issue.message,
        });
        break;
      case 'too_big':
        problems.push({ path, field, message: `too large (at most ${String(issue.maximum)})` });
        break;
      default:
        problems.push({ path, field, message: issue.message });
    }
  }
  return problems;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function folderOf(path: string): { folder: Folder; baseName: string } | null {
  const match = /^data\/(claims|sources|incidents|lexicons)\/([^/]+)\.json$/.exec(path);
  if (!match) return null;
  return { folder: match[1] as Folder, baseName: match[2] as string };
}

interface Parsed<T> {
  path: string;
  value: T;
}

/**
 * Validate every data file and the references between them.
 * @returns the dataset (null when schema or reference errors make it unusable) and all problems, sorted by path.
 */
export function validateDataset(
  files: DataFile[],
  options: ValidateOptions = {},
): { dataset: Dataset | null; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  let fatal = false;
  const claims: Parsed<Claim>[] = [];
  const sources: Parsed<Source>[] = [];
  const incidents: Parsed<Incident>[] = [];
  const lexicons: Parsed<Lexicon>[] = [];

  for (const file of files) {
    const where = folderOf(file.path);
    if (!where) {
      problems.push({ path: file.path, field: '(file)', message: 'data files belong in data/claims, data/sources, data/incidents or data/lexicons and end in .json' });
      fatal = true;
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(file.text);
    } catch (error) {
      problems.push({ path: file.path, field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
      fatal = true;
      continue;
    }
    problems.push(...placeholders(file.path, raw, []));
    if (file.text !== canonicalJson(raw)) {
      problems.push({ path: file.path, field: '(file)', message: 'not in canonical form; run npm run data:format' });
    }
    const schema = { claims: ClaimSchema, sources: SourceSchema, incidents: IncidentSchema, lexicons: LexiconSchema }[where.folder];
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push(...issueProblems(file.path, result.error.issues, raw));
      fatal = true;
      continue;
    }
    const value = result.data;
    if (value.$schema !== SCHEMA_REF[where.folder]) {
      problems.push({ path: file.path, field: '$schema', message: `should be "${SCHEMA_REF[where.folder]}"` });
    }
    if (value.id !== where.baseName) {
      problems.push({ path: file.path, field: 'id', message: `must equal the file name "${where.baseName}"` });
      fatal = true;
    }
    if (where.folder === 'claims') claims.push({ path: file.path, value: value as Claim });
    else if (where.folder === 'sources') sources.push({ path: file.path, value: value as Source });
    else if (where.folder === 'incidents') incidents.push({ path: file.path, value: value as Incident });
    else lexicons.push({ path: file.path, value: value as Lexicon });
  }

  for (const list of [claims, sources, incidents, lexicons] as Parsed<{ id: string }>[][]) {
    const seen = new Map<string, string>();
    for (const item of list) {
      const first = seen.get(item.value.id);
      if (first) {
        problems.push({ path: item.path, field: 'id', message: `id "${item.value.id}" is already used by ${first}` });
        fatal = true;
      } else seen.set(item.value.id, item.path);
    }
  }

  const sourceIds = new Set(sources.map((s) => s.value.id));
  const incidentIds = new Set(incidents.map((i) => i.value.id));
  const usedSources = new Set<string>();
  const usedIncidents = new Set<string>();
  const missingSource = (path: string, field: string, id: string): void => {
    problems.push({ path, field, message: `no source "${id}": add data/sources/${id}.json or fix the id` });
    fatal = true;
  };

  for (const { path, value: claim } of claims) {
    usedIncidents.add(claim.incident);
    if (!incidentIds.has(claim.incident)) {
      problems.push({ path, field: 'incident', message: `no incident "${claim.incident}": add data/incidents/${claim.incident}.json or fix the id` });
      fatal = true;
    }
    claim.statements.forEach((statement, i) =>
      statement.sources.forEach((id, j) => {
        usedSources.add(id);
        if (!sourceIds.has(id)) missingSource(path, `statements[${i}].sources[${j}]`, id);
      }),
    );
    claim.evidence.forEach((item, i) => {
      usedSources.add(item.source);
      if (!sourceIds.has(item.source)) missingSource(path, `evidence[${i}].source`, item.source);
    });
    claim.phrasings.forEach((phrasing, i) => {
      if (wordCount(phrasing.text) <= GENERIC_MAX_WORDS && !phrasing.needsContext) {
        problems.push({
          path,
          field: `phrasings[${i}].needsContext`,
          message: 'a one- or two-word phrasing is too generic alone; set "needsContext": true and add context cues',
        });
      }
    });
    if (claim.phrasings.some((p) => p.needsContext) && !claim.context) {
      problems.push({ path, field: 'context', message: 'some phrasings need context; add context.cues (words that must appear nearby)' });
    }
  }

  for (const { path, value: incident } of incidents) {
    if (!usedIncidents.has(incident.id)) {
      problems.push({ path, field: 'id', message: 'no claim refers to this incident; remove the file or use it' });
    }
    incident.figures.forEach((figure, i) =>
      figure.sources.forEach((id, j) => {
        // A figure's source counts as used only when a claim shows this incident.
        if (usedIncidents.has(incident.id)) usedSources.add(id);
        if (!sourceIds.has(id)) missingSource(path, `figures[${i}].sources[${j}]`, id);
      }),
    );
  }

  const byUrl = new Map<string, string>();
  for (const { path, value: source } of sources) {
    const first = byUrl.get(source.url);
    if (first) problems.push({ path, field: 'url', message: `source "${first}" already has this URL; cite that id instead` });
    else byUrl.set(source.url, source.id);
    if (!usedSources.has(source.id)) {
      problems.push({ path, field: 'id', message: 'no claim uses this source; remove the file or cite it' });
    }
    if (options.knownUrls && !options.knownUrls.has(source.url)) {
      problems.push({ path, field: 'url', message: 'this URL is not in ../shared/research/sources.tsv; copy it byte-exact from there' });
    }
  }

  problems.push(...phrasingClashes(claims, options.skipNearDuplicates === true));
  problems.push(...signatureProblems(claims, incidents, lexicons));

  problems.sort((a, b) => (a.path === b.path ? 0 : a.path < b.path ? -1 : 1));
  const dataset: Dataset | null = fatal
    ? null
    : {
        claims: claims.map((c) => c.value),
        sources: sources.map((s) => s.value),
        incidents: incidents.map((i) => i.value),
        lexicons: lexicons.map((l) => l.value),
      };
  return { dataset, problems };
}

/** Text still holding a scaffold placeholder ("TODO") anywhere in the file. */
function placeholders(path: string, value: unknown, at: PropertyKey[]): DataProblem[] {
  if (typeof value === 'string') {
    return /\bTODO\b/i.test(value) ? [{ path, field: formatFieldPath(at), message: 'fill this in: it still says TODO' }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholders(path, item, [...at, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => placeholders(path, item, [...at, key]));
  }
  return [];
}

interface PhrasingEntry {
  path: string;
  claimId: string;
  index: number;
  text: string;
  normalized: string;
}

/** Exact collisions across claims and near-duplicates anywhere (Fuse.js fuzzy score). */
function phrasingClashes(claims: Parsed<Claim>[], exactOnly: boolean): DataProblem[] {
  const problems: DataProblem[] = [];
  const entries: PhrasingEntry[] = claims.flatMap(({ path, value }) =>
    value.phrasings.map((p, index) => ({ path, claimId: value.id, index, text: p.text, normalized: normalizePhrasing(p.text) })),
  );
  const byText = new Map<string, PhrasingEntry>();
  for (const entry of entries) {
    const first = byText.get(entry.normalized);
    if (!first) {
      byText.set(entry.normalized, entry);
      continue;
    }
    const where = first.claimId === entry.claimId ? `phrasings[${first.index}] of this claim` : `claim "${first.claimId}"`;
    problems.push({ path: entry.path, field: `phrasings[${entry.index}].text`, message: `"${entry.text}" is also a phrasing of ${where}` });
  }

  if (exactOnly) return problems;
  const unique = [...byText.values()];
  const reported = new Set<string>();
  for (const entry of unique) {
    // Compare whole phrasings only: a short phrasing contained in a longer one is not a near-duplicate. Only
    // phrasings of similar length are searched, so the fuzzy pass stays cheap as the dataset grows.
    const similar = unique.filter((other) => other !== entry && lengthRatio(entry, other) >= NEAR_DUPLICATE_MIN_LENGTH_RATIO);
    if (similar.length === 0) continue;
    const fuse = new Fuse(similar, { keys: ['normalized'], includeScore: true, threshold: NEAR_DUPLICATE_SCORE, ignoreLocation: true, isCaseSensitive: true });
    for (const hit of fuse.search(entry.normalized)) {
      const other = hit.item;
      const key = [entry, other].map((e) => `${e.claimId}#${e.index}`).sort().join('|');
      if (reported.has(key)) continue;
      reported.add(key);
      const where = other.claimId === entry.claimId ? `phrasings[${other.index}] of this claim` : `"${other.text}" in claim "${other.claimId}"`;
      problems.push({
        path: entry.path,
        field: `phrasings[${entry.index}].text`,
        message: `"${entry.text}" nearly duplicates ${where}; keep one or make them clearly different`,
      });
    }
  }
  return problems;
}

/** A term that cannot match anything, as a problem at `field`; null when it compiles. */
function termProblem(path: string, field: string, text: string): DataProblem | null {
  const compiled = compileTerm(text);
  return 'error' in compiled ? { path, field, message: `"${text}": ${compiled.error}` } : null;
}

/**
 * A cue or hint is a name: a one-word Persian name the stemmer shortens is matched on a common word
 * («امینی» as «امین», «پزشکیان» as «پزشک», «اوکراینی» as «اوکراین»). Written with a final * it is matched as written.
 */
function nameProblem(path: string, field: string, text: string): DataProblem | null {
  const problem = termProblem(path, field, text);
  if (problem) return problem;
  if (!/[\u0600-\u06ff]/.test(text) || text.trim().endsWith('*')) return null;
  const tokens = tokenize(normalizeText(text).text);
  if (tokens.length !== 1) return null;
  const word = tokens[0]!.word;
  const folded = stem(word);
  if (folded === word) return null;
  return {
    path,
    field,
    message: `"${text}" is matched on its stem «${folded}», which other words share; write "${text}*" to match the name as written`,
  };
}

/**
 * Lexicon terms that compile, signature slots that name known concepts or readable literals, and a context
 * for every signature that needs one.
 */
function signatureProblems(claims: Parsed<Claim>[], incidents: Parsed<Incident>[], lexicons: Parsed<Lexicon>[]): DataProblem[] {
  const problems: DataProblem[] = [];
  const known = new Set(lexicons.map((l) => l.value.id));
  const used = new Set<string>();
  for (const { path, value } of lexicons) {
    const seen = new Map<string, string>();
    for (const [lang, list] of Object.entries(value.terms)) {
      (list ?? []).forEach((term, i) => {
        const field = `terms.${lang}[${i}]`;
        const problem = termProblem(path, field, term);
        if (problem) return problems.push(problem);
        const key = term.toLowerCase().replace(/\s+/g, ' ');
        const first = seen.get(key);
        if (first) problems.push({ path, field, message: `"${term}" is listed twice (also ${first})` });
        else seen.set(key, field);
      });
    }
  }
  const incidentCues = new Map(incidents.map((i) => [i.value.id, (i.value.cues ?? []).length]));
  for (const { path, value: claim } of claims) {
    claim.context?.cues.forEach((cue, i) => {
      const problem = termProblem(path, `context.cues[${i}].text`, cue.text);
      if (problem) problems.push(problem);
    });
    (claim.signatures ?? []).forEach((signature, si) => {
      const checkSlot = (slot: string | string[], field: string) => {
        (typeof slot === 'string' ? [slot] : slot).forEach((text, k) => {
          const at = typeof slot === 'string' ? field : `${field}[${k}]`;
          const ref = conceptRef(text);
          if (ref === null) {
            const problem = termProblem(path, at, text);
            if (problem) problems.push(problem);
          } else if (!known.has(ref)) {
            problems.push({ path, field: at, message: `unknown concept "${text}": add data/lexicons/${ref}.json or fix the name` });
          } else used.add(ref);
        });
      };
      signature.all.forEach((slot, k) => checkSlot(slot, `signatures[${si}].all[${k}]`));
      (signature.unless ?? []).forEach((slot, k) => checkSlot(slot, `signatures[${si}].unless[${k}]`));
      const needsContext = (signature.context ?? 'incident') === 'incident';
      if (needsContext && !claim.context?.cues.length && !incidentCues.get(claim.incident)) {
        problems.push({
          path,
          field: `signatures[${si}].context`,
          message: `needs incident context, but neither this claim (context.cues) nor its incident "${claim.incident}" (cues) has any cue`,
        });
      }
    });
    const ids = new Set<string>();
    (claim.signatures ?? []).forEach((signature, si) => {
      if (ids.has(signature.id)) problems.push({ path, field: `signatures[${si}].id`, message: `signature id "${signature.id}" is used twice in this claim` });
      ids.add(signature.id);
    });
  }
  const byId = new Map(incidents.map((i) => [i.value.id, i.value]));
  for (const { path, value } of incidents) {
    (value.cues ?? []).forEach((cue, i) => {
      const problem = nameProblem(path, `cues[${i}].text`, cue.text);
      if (problem) problems.push(problem);
    });
    const cueKeys = new Set((value.cues ?? []).map((c) => c.text.toLowerCase()));
    (value.hints ?? []).forEach((hint, i) => {
      const problem = nameProblem(path, `hints[${i}].text`, hint.text);
      if (problem) problems.push(problem);
      else if (cueKeys.has(hint.text.toLowerCase())) {
        problems.push({ path, field: `hints[${i}].text`, message: `"${hint.text}" is already a cue of this incident; a word that names the event is a cue, not a hint` });
      }
    });
    if (value.partOf !== undefined) {
      const parent = byId.get(value.partOf);
      if (value.partOf === value.id) problems.push({ path, field: 'partOf', message: 'an incident cannot be part of itself' });
      else if (!parent) problems.push({ path, field: 'partOf', message: `no incident "${value.partOf}": add data/incidents/${value.partOf}.json or fix the id` });
      else if (parent.partOf !== undefined) {
        problems.push({ path, field: 'partOf', message: `"${value.partOf}" is itself part of "${parent.partOf}"; name the larger event directly (one level only)` });
      }
    }
  }
  for (const { path, value } of lexicons) {
    if (!used.has(value.id)) problems.push({ path, field: 'id', message: 'no claim signature uses this concept; remove the file or use it' });
  }
  return problems;
}
