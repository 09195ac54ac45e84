// Every user-facing string comes from public/_locales/<lang>/messages.json.
import browser from 'webextension-polyfill';
import { writingLocale } from './core/locale';
import { whenWords } from './core/when';
import { setSay } from './core/say';

export type Substitutions = string | string[];

export function t(key: string, substitutions?: Substitutions): string {
  // An empty answer means a missing key: show the key so the gap is visible, never a blank.
  return browser.i18n.getMessage(key, substitutions) || key;
}

// Pure modules (src/core) word their sentences through `say`; every edge imports this
// file, so from here on they speak the browser's language too.
setSay(t);

// Pages say which language they are in (a screen reader picks its voice by it):
// the translation's own code, not the browser's, since an untranslated UI falls back to English.
if (typeof document !== 'undefined') document.documentElement.lang = t('htmlLang');

/** The locale times, dates and numbers are written in (core/locale.ts). */
export const formatLocale = (): string => writingLocale(browser.i18n.getUILanguage(), t('htmlLang'));

/** "7:30 pm" in the browser's own locale and clock style. */
export function formatTime(instant: number): string {
  return new Intl.DateTimeFormat(formatLocale(), {
    hour: 'numeric',
    minute: '2-digit',
  }).format(instant);
}

/** "Saturday" in the browser's locale. */
export function formatWeekday(instant: number): string {
  return new Intl.DateTimeFormat(formatLocale(), { weekday: 'long' }).format(instant);
}

/** "7:30 pm" today, "Saturday 12:00 am" on another day, as "until …" takes it (core/when.ts). */
export const formatWhen = (instant: number, now: number): string => whenWords(instant, now, formatLocale(), t);
