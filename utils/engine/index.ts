/**
 * Public API of the matching engine. Pure TypeScript: no DOM, no `browser`, no node:* imports, so it runs
 * unchanged in the content script, vitest and the CLI (scripts/match.ts).
 */
export { normalizeText, toOriginalRange, type NormalizedText } from './normalize-text';
export {
  buildMatchIndex,
  speakerNames,
  loadMatchIndex,
  DEFAULT_CONTEXT_WINDOW,
  MATCH_INDEX_VERSION,
  type IndexableClaim,
  type IndexableSignature,
  type SignatureData,
  type MatchIndex,
  type MatchIndexJson,
} from './match-index';
export { matchBlocks, DEFAULT_MIN_SCORE, NEARBY_BLOCKS, type BlockMatch, type MatchOptions } from './match-claims';
export { searchClaims, type ClaimSearchResult } from './search-claims';
export { splitBlocks, matchText, type TextMatch } from './match-text';
export { whyLine, whyParts, type MatchWhy, type WhyContext, type WhyLabels, type WhyPlace, type WhyTerm } from './why';
export { compileTerm, conceptRef, GAP_WORDS, type CompiledTerm } from './concepts';
export { segmentSentences } from './match-signatures';
