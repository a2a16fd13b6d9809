/**
 * Every UI string key: the keys of the English messages file, which is the reference locale
 * (a test checks that the Persian file has exactly the same keys). Type-only import, so no JSON
 * is bundled by this file.
 */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');
