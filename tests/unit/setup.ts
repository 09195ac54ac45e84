// Unit tests run against an in-memory browser: @webext-core/fake-browser for the
// extension APIs, fake-indexeddb for history, and the real English messages.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { sayFromMessages, setSay } from '../../src/core/say';

type Entry = { message: string; placeholders?: Record<string, { content: string }> };

/** chrome.i18n.getMessage's substitution rules, enough for Hearth's messages. */
export function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = (messages as Record<string, Entry>)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) =>
    positional(entry.placeholders?.[name.toLowerCase()]?.content ?? ''),
  );
}

// Pure modules' sentences, in English, as the extension's edges provide them.
setSay(sayFromMessages(messages as Record<string, Entry>));

Object.assign(fakeBrowser.i18n, {
  getMessage: englishMessage,
  getUILanguage: () => 'en-US',
});

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
});
