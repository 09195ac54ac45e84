// Unit tests run against an in-memory browser: @webext-core/fake-browser for the
// extension APIs, fake-indexeddb for history, and the real English messages.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { setSay } from '../../src/core/say';
import { sayFromMessages, type MessageEntry } from './sayFromMessages';

const english = messages as Record<string, MessageEntry>;
const sayEnglish = sayFromMessages(english);

/** browser.i18n.getMessage in English: '' for a key with no message, as the browser answers. */
export function englishMessage(key: string, substitutions?: string | string[]): string {
  if (!Object.hasOwn(english, key)) return '';
  return sayEnglish(key, substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions]);
}

// Pure modules' sentences, in English, as the extension's edges provide them.
setSay(sayEnglish);

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
