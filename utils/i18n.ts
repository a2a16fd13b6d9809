import type { MessageKey } from './i18n-keys';

/** One entry of a WebExtension `_locales/<lang>/messages.json` file. */
export interface LocaleMessage {
  message: string;
  description?: string;
  /** Named placeholders, referenced in `message` as `$name$`; `content` is usually `$1`…`$9`. */
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type LocaleMessages = Record<string, LocaleMessage>;

/** Same shape as the `t` prop of the UI components. */
export type Translate = (key: MessageKey, substitutions?: string[]) => string;

/**
 * Builds a `t` from a parsed messages.json, resolving substitutions the way
 * `browser.i18n.getMessage` does: named placeholders (`$name$` → their `content`),
 * then positional `$1`…`$9`, and `$$` for a literal dollar sign. Pure: lets tests,
 * the demo and the maintainers' scripts render the UI in either locale without a browser.
 *
 * An unknown key returns the key itself, so a missing string is visible rather than blank.
 */
export function createTranslator(messages: Readonly<Record<string, { message: string }>>): Translate {
  return (key, substitutions = []) => {
    const entry = messages[key] as LocaleMessage | undefined;
    if (!entry) return key;
    return resolveMessage(entry, substitutions);
  };
}

/** Expands placeholders and `$n` substitutions in one message (see {@link createTranslator}). */
export function resolveMessage(entry: LocaleMessage, substitutions: readonly string[] = []): string {
  const placeholders = entry.placeholders ?? {};
  // Placeholder names are case-insensitive in the WebExtension format.
  const byName = new Map(Object.entries(placeholders).map(([name, p]) => [name.toLowerCase(), p.content]));
  const withNamed = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = byName.get(name.toLowerCase());
    return content === undefined ? whole : content;
  });
  // One pass, so a substituted value that itself contains "$1" is not expanded again.
  return withNamed.replace(/\$(\$|[1-9])/g, (_whole, what: string) => {
    if (what === '$') return '$';
    return substitutions[Number(what) - 1] ?? '';
  });
}
