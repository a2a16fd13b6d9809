// Forged and malformed messages: the protocol refuses anything not in it, whatever the value, and each
// message is accepted only from the context that sends it (a content script may only report its marks).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseMessage, parseMessageFrom, senderKind, type SenderInfo } from '../../utils/messages';

const OWN = { id: 'our-extension-id', origin: 'chrome-extension://our-extension-id/' };
const BACKGROUND: SenderInfo = { id: OWN.id, url: `${OWN.origin}background.js` };
const POPUP: SenderInfo = { id: OWN.id, url: `${OWN.origin}popup.html` };
const POPUP_IN_TAB: SenderInfo = { id: OWN.id, url: `${OWN.origin}popup.html`, tab: { id: 4 } };
const CONTENT: SenderInfo = { id: OWN.id, url: 'https://www.reuters.com/world/', tab: { id: 4 } };
const OTHER_EXTENSION: SenderInfo = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };
// A content script on a page whose address pretends to be ours in its path or query.
const CONTENT_SPOOF: SenderInfo = { id: OWN.id, url: `https://evil.example/${OWN.origin}`, tab: { id: 4 } };

const MARKS = { type: 'marks-changed', claimIds: ['a'] };
const TAB_STATE = { type: 'get-tab-state', tabId: 4 };
const COMMAND = { type: 'run-command', command: 'open-card' };

describe('message senders', () => {
  test.each([
    ['background', BACKGROUND, 'extension-page'],
    ['popup', POPUP, 'extension-page'],
    ['popup opened in a tab', POPUP_IN_TAB, 'extension-page'],
    ['content script', CONTENT, 'content-script'],
    ['content script on an address that quotes ours', CONTENT_SPOOF, 'content-script'],
    ['another extension', OTHER_EXTENSION, null],
    ['no id', { url: 'https://www.reuters.com/' }, null],
    ['a tab with no id', { id: OWN.id, url: 'https://x.example/', tab: {} }, null],
  ])('%s', (_, sender, kind) => expect(senderKind(sender as SenderInfo, OWN)).toBe(kind));

  test.each([
    ['marks from a content script', MARKS, CONTENT, true],
    ['marks from an extension page', MARKS, POPUP, false],
    ['tab state (every tab address) asked by a content script', TAB_STATE, CONTENT, false],
    ['tab state asked by a spoofing content script', TAB_STATE, CONTENT_SPOOF, false],
    ['tab state asked by the popup', TAB_STATE, POPUP, true],
    ['tab state asked by the popup in a tab', TAB_STATE, POPUP_IN_TAB, true],
    ['a command from the background', COMMAND, BACKGROUND, true],
    ['a command from a content script', COMMAND, CONTENT, false],
    ['marks from another extension', MARKS, OTHER_EXTENSION, false],
    ['open a card, from the popup', { type: 'open-claim', claimId: 'x' }, POPUP, true],
    ['open a card, from a content script', { type: 'open-claim', claimId: 'x' }, CONTENT, false],
    ['hide marks, from a content script', { type: 'set-marks-hidden', hidden: true }, CONTENT, false],
    ['visits for the log, from a content script', { type: 'claims-seen', claimIds: ['x'] }, CONTENT, true],
    ['visits for the log, from another extension', { type: 'claims-seen', claimIds: ['x'] }, OTHER_EXTENSION, false],
  ])('%s: accepted %s', (_, message, sender, accepted) => {
    expect(parseMessageFrom(message, sender, OWN) !== null).toBe(accepted);
  });
});

describe('message protocol on arbitrary values (property)', () => {
  const types = fc.constantFrom(
    'marks-changed', 'get-tab-state', 'run-command', 'open-claim', 'set-marks-hidden', 'check-now', 'get-page-state', 'claims-seen',
    'constructor', '__proto__', '',
  );
  const nearMessage = fc.record(
    { type: types, claimIds: fc.anything(), claimId: fc.anything(), hidden: fc.anything(), tabId: fc.anything(), command: fc.anything(), extra: fc.anything() },
    { requiredKeys: ['type'] },
  );
  const sender = fc.record(
    {
      id: fc.constantFrom(OWN.id, 'someone-else', ''),
      url: fc.oneof(fc.webUrl(), fc.constant(`${OWN.origin}popup.html`), fc.string()),
      tab: fc.record({ id: fc.integer({ min: -2, max: 9 }) }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );

  test('never throws, and whatever it accepts is exactly one of the declared messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nearMessage), sender, (value, from) => {
        const message = parseMessage(value);
        const checked = parseMessageFrom(value, from, OWN);
        if (checked) expect(checked).toEqual(message);
        if (!message) return;
        const keys = Object.keys(message).sort();
        if (message.type === 'marks-changed') {
          expect(keys).toEqual(['claimIds', 'type']);
          expect(message.claimIds.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 200)).toBe(true);
        } else if (message.type === 'get-tab-state') {
          expect(keys).toEqual(['tabId', 'type']);
          expect(Number.isInteger(message.tabId) && message.tabId >= 0).toBe(true);
        } else if (message.type === 'run-command') {
          expect(keys).toEqual(['command', 'type']);
          expect(['next-mark', 'previous-mark', 'open-card']).toContain(message.command);
        } else if (message.type === 'open-claim') {
          expect(keys).toEqual(['claimId', 'type']);
        } else if (message.type === 'set-marks-hidden') {
          expect(keys).toEqual(['hidden', 'type']);
        } else if (message.type === 'claims-seen') {
          expect(keys).toEqual(['claimIds', 'type']);
        } else {
          expect(keys).toEqual(['type']);
        }
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });
});
