/**
 * Match a whole plain text (e.g. a file): split into blocks at line breaks, match each block, report
 * offsets into the whole text. Used by the CLI and the evaluation.
 */
import type { MatchIndex } from './match-index';
import { matchBlocks, type MatchOptions } from './match-claims';
import type { MatchWhy } from './why';

export interface TextMatch {
  claimId: string;
  phrasing: string;
  /** UTF-16 offsets into the whole text, end exclusive. */
  start: number;
  end: number;
  /** Between 0 and 1. */
  score: number;
  /** Why it fired; offsets into the whole text. */
  why: MatchWhy;
}

/** Split at line breaks (\n, \r\n, \r, U+2028, U+2029); blank lines give empty blocks. */
export function splitBlocks(text: string): { text: string; offset: number }[] {
  const blocks: { text: string; offset: number }[] = [];
  const re = /\r\n|[\n\r\u2028\u2029]/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ text: text.slice(last, m.index), offset: last });
    last = m.index + m[0].length;
  }
  blocks.push({ text: text.slice(last), offset: last });
  return blocks;
}

/** All matches in `text`, ordered by start offset. */
export function matchText(text: string, index: MatchIndex, options?: MatchOptions): TextMatch[] {
  const blocks = splitBlocks(text);
  // The first non-empty line stands for the headline: its incident cues count for every block.
  const headline = blocks.find((b) => b.text.trim().length > 0)?.text;
  return matchBlocks(
    blocks.map((b) => b.text),
    index,
    { ...(headline ? { headline } : {}), ...options },
  ).map((m) => {
    const offset = blocks[m.block]!.offset;
    const shift = <T extends { start?: number; end?: number; block?: number }>(x: T): T => {
      if (x.start === undefined || x.end === undefined) return x;
      const o = blocks[x.block ?? m.block]!.offset;
      return { ...x, start: x.start + o, end: x.end + o };
    };
    const why: MatchWhy = {
      ...m.why,
      terms: m.why.terms.map(shift),
      context: m.why.context ? shift(m.why.context) : null,
    };
    return { claimId: m.claimId, phrasing: m.phrasing, start: m.start + offset, end: m.end + offset, score: m.score, why };
  });
}
