import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sayFromMessages, type MessageEntry } from '../../tests/unit/sayFromMessages';
import { whenWords } from './when';

process.env.TZ = 'Europe/Madrid';

const messages = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, MessageEntry>;
const en = sayFromMessages(messages('en'));
const es = sayFromMessages(messages('es'));
/** Wednesday 10 June 2026, 6 pm in Madrid. */
const NOW = new Date(2026, 5, 10, 18, 0).getTime();
const at = (day: number, hour: number, minute: number) => new Date(2026, 5, day, hour, minute).getTime();

describe('whenWords: a time as "until" takes it', () => {
  test('in English, the time alone today, with its weekday on another day', () => {
    expect(whenWords(at(10, 19, 30), NOW, 'en-US', en)).toBe('7:30 PM');
    expect(whenWords(at(11, 1, 15), NOW, 'en-US', en)).toBe('Thursday 1:15 AM');
  });

  test('in Spanish, with its article: "las", "la" for one o\'clock, "el" before a weekday', () => {
    expect(`hasta ${whenWords(at(10, 19, 30), NOW, 'es', es)}`).toBe('hasta las 19:30');
    expect(`hasta ${whenWords(at(10, 22, 5), NOW, 'es', es)}`).toBe('hasta las 22:05');
    expect(`hasta ${whenWords(at(11, 1, 15), NOW, 'es', es)}`).toBe('hasta el jueves a la 1:15');
    expect(`hasta ${whenWords(at(11, 0, 0), NOW, 'es', es)}`).toBe('hasta el jueves a las 0:00');
    expect(`hasta ${whenWords(at(10, 13, 0), NOW, 'es', es)}`).toBe('hasta las 13:00');
    // A twelve-hour Spanish clock (Spanish of the United States) keeps the one o'clock article.
    expect(`hasta ${whenWords(at(10, 13, 0), NOW, 'es-US', es)}`).toMatch(/^hasta la 1:00\s?p/);
  });
});
