import { z } from 'zod';

/**
 * The one message protocol between the content script, the background and the
 * popup. Every message is checked on arrival, and so is its sender: a page
 * cannot reach these listeners, but a malformed message from an old content
 * script after an update must not corrupt the tab state, and a content script
 * (which shares a process with a possibly hostile page) may only report its
 * own marks.
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

/** The part of `runtime.MessageSender` the checks read. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
}

/** Which of our contexts sent a message: a content script (in a web page) or an extension page (popup, background). */
export type SenderKind = 'content-script' | 'extension-page';

/** Who may send each message. A content script lives in a hostile page's process, so it gets the least. */
const ALLOWED_SENDER: Record<Message['type'], SenderKind> = {
  'marks-changed': 'content-script',
  // Tab state holds every tab's address: only our own pages may read it.
  'get-tab-state': 'extension-page',
  'run-command': 'extension-page',
  // The popup drives the page: open a claim's card, hide or show the marks, check it now, read its state.
  'open-claim': 'extension-page',
  'set-marks-hidden': 'extension-page',
  'check-now': 'extension-page',
  'get-page-state': 'extension-page',
  // The private log's visits come from the page that saw them.
  'claims-seen': 'content-script',
};

/**
 * Which of our contexts `sender` is, or null when it is not ours (another extension). `own.origin` is our
 * extension's origin with its trailing slash (`runtime.getURL('')`). A sender with no tab is the background or
 * another extension page; one with a tab is a content script unless its address is ours (an extension page
 * opened in a tab).
 */
export function senderKind(sender: SenderInfo, own: { id: string; origin: string }): SenderKind | null {
  if (sender.id === undefined || sender.id !== own.id) return null;
  if (!sender.tab) return 'extension-page';
  if (sender.url?.startsWith(own.origin)) return 'extension-page';
  return sender.tab.id !== undefined && sender.tab.id >= 0 ? 'content-script' : null;
}

/** Parses a message and checks that it came from the context allowed to send it; null otherwise. */
export function parseMessageFrom(value: unknown, sender: SenderInfo, own: { id: string; origin: string }): Message | null {
  const message = parseMessage(value);
  if (!message) return null;
  return senderKind(sender, own) === ALLOWED_SENDER[message.type] ? message : null;
}
