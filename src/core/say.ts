// The sentences pure modules show a parent come from public/_locales/<lang>/messages.json.
// Pure code can't call browser.i18n, so it asks `say`, which the extension's edges point at
// browser.i18n.getMessage once at start-up (src/i18n.ts). Unit tests point it at the
// English messages (tests/unit/setup.ts), so the messages are not bundled into the
// extension a second time.

export type Say = (key: string, substitutions?: string[]) => string;

// Before any edge has set it, a key stands for its sentence (never seen by a parent:
// src/i18n.ts sets the real one as it loads).
let current: Say = (key) => key;

/** Points every pure module's sentences at `fn` (the edges pass their browser.i18n `t`). */
export function setSay(fn: Say): void {
  current = fn;
}

/** The sentence for `key` in the parent's language. */
export const say: Say = (key, substitutions) => current(key, substitutions);

const ORDINAL_KEYS = [
  'coreOrdinal1',
  'coreOrdinal2',
  'coreOrdinal3',
  'coreOrdinal4',
  'coreOrdinal5',
  'coreOrdinal6',
  'coreOrdinal7',
  'coreOrdinal8',
  'coreOrdinal9',
  'coreOrdinal10',
];

/** "third", "21st" in English (a plain "3", "21" in Spanish, which reads "n.º 3"). */
export function sayOrdinal(n: number): string {
  const key = ORDINAL_KEYS[n - 1];
  if (key !== undefined) return say(key);
  const number = [String(n)];
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return say('coreOrdinalTh', number);
  switch (n % 10) {
    case 1:
      return say('coreOrdinalSt', number);
    case 2:
      return say('coreOrdinalNd', number);
    case 3:
      return say('coreOrdinalRd', number);
    default:
      return say('coreOrdinalTh', number);
  }
}
