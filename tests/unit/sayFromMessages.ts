// What browser.i18n.getMessage does in the extension, for unit tests: English for every
// test (tests/unit/setup.ts), Spanish for a test that asks. Test code only: the extension
// never bundles its messages a second time.
import type { Say } from '../../src/core/say';

export interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * A translator over one messages.json, following chrome.i18n.getMessage: `$NAME$` is
 * replaced by the placeholder's content (names match case-insensitively), whose `$1`…`$9`
 * are the substitutions; `$$` is a literal "$". A missing key comes back as the key itself.
 */
export function sayFromMessages(messages: Record<string, MessageEntry>): Say {
  const entries = new Map(Object.entries(messages).map(([key, entry]) => [key.toLowerCase(), entry]));
  return (key, substitutions = []) => {
    const entry = entries.get(key.toLowerCase());
    if (!entry) return key;
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
    );
    const positional = (text: string) =>
      text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    return entry.message.replace(/\$\$|\$([A-Za-z0-9_@]+)\$/g, (_whole, name: string | undefined) =>
      name === undefined ? '$' : positional(placeholders.get(name.toLowerCase()) ?? ''),
    );
  };
}
