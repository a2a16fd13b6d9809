import type { TabState } from './messages';

/**
 * Marks are reported per frame; the badge counts distinct claims over all
 * frames of the tab. Pure so that the counting rule is unit-tested.
 */
export interface FrameMarks {
  /** Frame id → claim ids marked in that frame. */
  frames: Record<string, string[]>;
  url: string;
}

/** Records one frame's report; a new top-frame URL starts the tab afresh. */
export function recordFrameMarks(
  previous: FrameMarks | undefined,
  frameId: number,
  url: string,
  claimIds: readonly string[],
): FrameMarks {
  const isTopFrame = frameId === 0;
  const startAfresh = previous === undefined || (isTopFrame && previous.url !== url);
  const frames = startAfresh ? {} : { ...previous.frames };
  frames[String(frameId)] = [...new Set(claimIds)].sort();
  return { frames, url: isTopFrame || previous === undefined ? url : previous.url };
}

/** The tab's distinct claims over all frames. */
export function tabStateOf(marks: FrameMarks | undefined): TabState {
  if (!marks) return { claimIds: [], url: '' };
  const all = new Set(Object.values(marks.frames).flat());
  return { claimIds: [...all].sort(), url: marks.url };
}

/** Badge text: the number of distinct claims, empty when there are none. */
export function badgeText(state: TabState): string {
  const count = state.claimIds.length;
  if (count === 0) return '';
  return count > 999 ? '999+' : String(count);
}
