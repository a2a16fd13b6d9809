import { z } from 'zod';

/**
 * The one message protocol between the content script, the background and the
 * popup. Every message is checked on arrival: a page cannot reach these
 * listeners, but a malformed message from an old content script after an
 * update must not corrupt the tab state.
 */

const claimId = z.string().min(1).max(200);

/** Keyboard commands declared in the manifest and forwarded to the tab. */
export const MARK_COMMANDS = ['next-mark', 'previous-mark', 'open-card'] as const;
export type MarkCommand = (typeof MARK_COMMANDS)[number];

/** Content script → background: the distinct claims now marked in this frame. */
const marksChanged = z.object({
  type: z.literal('marks-changed'),
  claimIds: z.array(claimId).max(10_000),
});

/** Popup → background: what is marked on a tab. */
const getTabState = z.object({
  type: z.literal('get-tab-state'),
  tabId: z.number().int().nonnegative(),
});

/** Background → content script: a keyboard command for the focused tab. */
const runCommand = z.object({
  type: z.literal('run-command'),
  command: z.enum(MARK_COMMANDS),
});

/** Popup → content script: scroll to this claim's first mark and open its card. */
const openClaim = z.object({ type: z.literal('open-claim'), claimId });

/** Popup → content script: hide (or show again) the marks on this page. */
const setMarksHidden = z.object({ type: z.literal('set-marks-hidden'), hidden: z.boolean() });

/** Popup → content script: annotate now, even where the site is switched off. */
const checkNow = z.object({ type: z.literal('check-now') });

/** Popup → content script: whether it annotates and whether the marks are hidden ({@link PageStateSchema}). */
const getPageState = z.object({ type: z.literal('get-page-state') });

/** Content script → background: claims seen on this page, for the private log (kept only when it is on). */
const claimsSeen = z.object({ type: z.literal('claims-seen'), claimIds: z.array(claimId).max(10_000) });

export const MessageSchema = z.discriminatedUnion('type', [
  marksChanged,
  getTabState,
  runCommand,
  openClaim,
  setMarksHidden,
  checkNow,
  getPageState,
  claimsSeen,
]);
export type Message = z.infer<typeof MessageSchema>;
export type MarksChangedMessage = z.infer<typeof marksChanged>;
export type GetTabStateMessage = z.infer<typeof getTabState>;
export type RunCommandMessage = z.infer<typeof runCommand>;

/** What the background knows about a tab; the reply to `get-tab-state`. */
export const TabStateSchema = z.object({
  /** Distinct claim ids marked on the tab, over all its frames, sorted. */
  claimIds: z.array(claimId),
  /** URL of the top frame when the marks were last reported. */
  url: z.string(),
});
export type TabState = z.infer<typeof TabStateSchema>;

/** The content script's reply to `get-page-state`. */
export const PageStateSchema = z.object({ annotating: z.boolean(), hidden: z.boolean(), url: z.string().max(10_000) });
export type PageState = z.infer<typeof PageStateSchema>;

/** Parses an incoming message; returns null for anything not in the protocol. */
export function parseMessage(value: unknown): Message | null {
  const parsed = MessageSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
