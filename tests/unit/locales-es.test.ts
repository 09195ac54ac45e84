// The Spanish locale: every English string, the prompt library included, has a
// Spanish message with the same placeholders, and reads kindly in Spanish too.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

type Entry = { message: string; description?: string; placeholders?: Record<string, { content: string; example?: string }> };
type Messages = Record<string, Entry>;

const read = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
const en = read('en');
const es = read('es');

const translatable = Object.keys(en);

/**
 * Messages that read the same in Spanish: the name, an example address, and pure
 * formats (placeholders, symbols, abbreviations Spanish shares).
 */
const SAME_IN_SPANISH = new Set([
  'extName', // "Hearth"
  'sitesAddressPlaceholder', // "app.slack.com"
  'dayAndTime', // "$DAY$ $TIME$"
  'scheduleTimeRange', // "$FROM$ – $TO$"
  'reflectionBarLabel', // "$DAY$: $AMOUNT$"
  'onboardingSummaryTime', // "$NAME$: $WHEN$"
  'reflectionShortUnderMinute', // "<1 min"
  'reflectionShortMinutes', // "$COUNT$ min"
  'reflectionShortHours', // "$COUNT$ h"
  'reflectionAxisHours', // "$COUNT$ h"
]);

/** `$NAME$` placeholders used in a message, as written. */
const placeholdersIn = (message: string) => [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!))].sort();

/** Pressure and shaming in Spanish: the tone check (src/core/tone.ts) knows only English. */
const SPANISH_SHAMING: readonly RegExp[] = [
  /\bdeber(?:ía|ías|íamos|ían|ás|é)?\b/iu,
  /\bdebes\b/iu,
  /\b(?:tienes|tiene|tenéis|tienen)\s+que\b/iu,
  /\bhay\s+que\b/iu,
  /\bfracas\p{L}*/iu,
  /\bfall(?:ar|as|aste|aron|ado|ida|ido|o|os)\b/iu,
  /\brachas?\b/iu,
  /\bperez(?:os[oa]s?|a)\b/iu,
  /\bvag[oa]s?\b/iu,
  /\bculp(?:a|as|able|ables)\b/iu,
  /\bvergüenza\b/iu,
  /\bego[ií]stas?\b/iu,
  /\bdescuid\p{L}*/iu,
  /\bexcusas?\b/iu,
  /\bdesperdici\p{L}*|\bmalgast\p{L}*/iu,
  /\bdecepcion\p{L}*/iu,
  /\b(?:quedado|quedando|quedarte)\s+atrás\b|\batrasad[oa]s?\b/iu,
  /\bno\s+(?:es|eres|fue|basta)\s+(?:\p{L}+\s+)?suficiente\b|\bno\s+basta\b/iu,
  /\b(?:mal|mala|pésim[oa]|peor)\s+(?:padre|madre|madres|padres)\b/iu,
];

describe('Spanish messages', () => {
  test('the English file has messages to translate', () => {
    expect(translatable.length).toBeGreaterThan(100);
  });

  test('every English key outside the prompt library has a Spanish message', () => {
    const missing = translatable.filter((key) => typeof es[key]?.message !== 'string' || es[key]!.message.trim() === '');
    expect(missing).toEqual([]);
  });

  test('no Spanish key is missing from English', () => {
    expect(Object.keys(es).filter((key) => !(key in en))).toEqual([]);
  });

  test.each(Object.keys(es).filter((key) => key in en))('"%s" keeps the English placeholders', (key) => {
    const mine = es[key]!;
    const english = en[key]!;
    expect(placeholdersIn(mine.message)).toEqual(placeholdersIn(english.message));
    expect(Object.keys(mine.placeholders ?? {}).sort()).toEqual(Object.keys(english.placeholders ?? {}).sort());
    expect(mine.placeholders).toEqual(english.placeholders);
    // Chrome matches placeholder names case-insensitively; each one used must be defined.
    const defined = new Set(Object.keys(mine.placeholders ?? {}).map((name) => name.toLowerCase()));
    for (const name of placeholdersIn(mine.message)) expect(defined, `${key}: $${name}$`).toContain(name.toLowerCase());
  });

  test('every message is translated, apart from the few that read the same in Spanish', () => {
    const same = Object.keys(es).filter((key) => key in en && es[key]!.message === en[key]!.message);
    expect(same.sort()).toEqual([...SAME_IN_SPANISH].sort());
  });

  test('the store description fits the manifest limit of 132 characters', () => {
    expect(es.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  test('messages read kindly in Spanish', () => {
    const offences = Object.entries(es).flatMap(([key, entry]) =>
      SPANISH_SHAMING.filter((rule) => rule.test(entry.message)).map((rule) => `${key}: ${rule} in "${entry.message}"`),
    );
    expect(offences).toEqual([]);
  });

  test('the Spanish check catches a shaming sentence planted among kind ones', () => {
    const caught = (text: string) => SPANISH_SHAMING.some((rule) => rule.test(text));
    expect(caught('Deberías dejar de ser perezoso')).toBe(true);
    expect(caught('Tienes que estar ahí')).toBe(true);
    expect(caught('Otra racha perdida')).toBe(true);
    expect(caught('Esto puede esperar. Ahora es tiempo en familia.')).toBe(false);
    expect(caught('Pasar 10 minutos')).toBe(false);
  });
});
