// How a problem with settings is put into words: a stored value shown back, an item named
// by its name or its place, and the phrases the schemas give. Every schema message is the
// middle of a sentence about one item: `The window "Dinner"` + ` has an end time "25:00"
// Hearth can't read` + `, so it was set aside.` Plain, specific, never blaming.

import type * as v from 'valibot';
import { say, sayOrdinal } from '../say';

/** At most `max` characters, with an ellipsis when cut: a value shown back to the parent. */
export function clip(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** A stored value as it may be shown back to the parent, or '' when it can't be shown. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value)}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** "a list", "a piece of text"… for a value that is not what was hoped for. */
export function kindOf(value: unknown): string {
  if (value === null) return say('coreKindNull');
  if (Array.isArray(value)) return say('coreKindList');
  if (typeof value === 'string') return say('coreKindText');
  if (typeof value === 'number') return say('coreKindNumber');
  if (typeof value === 'boolean') return say('coreKindWord', [String(value)]);
  return say('coreKindUnknown');
}

/** How an item starts a sentence: by its name, or by its place in the list (or file). */
export interface Subject {
  named: (name: string) => string;
  numbered: (ordinal: string) => string;
}

/** A Subject from its two message keys (each takes the name or the ordinal); worded when used. */
export const subjectKeys = (namedKey: string, numberedKey: string): Subject => ({
  named: (name) => say(namedKey, [name]),
  numbered: (ordinal) => say(numberedKey, [ordinal]),
});

/** `The window "Dinner"`, or `The 3rd window in your list` when it has no usable name. */
export function subject(noun: Subject, name: unknown, position: number): string {
  const label = typeof name === 'string' ? name.trim() : '';
  return label !== '' ? noun.named(clip(label)) : noun.numbered(sayOrdinal(position));
}

// ---------------------------------------------------------------------------
// The schemas' phrases, looked up when the problem is found (so in the parent's language)
// ---------------------------------------------------------------------------

export type Message = (issue: v.BaseIssue<unknown>) => string;

/** A fixed problem phrase. */
export const problem =
  (key: string): Message =>
  () =>
    say(key);

/** The problem phrase with the stored value when it can be shown: `lists a day 9 Hearth can't read`. */
export const withValue =
  (key: string, keyWithValue: string, before: string[] = []): Message =>
  (issue) => {
    const value = shown(issue.input);
    return value === '' ? say(key, before) : say(keyWithValue, [...before, value]);
  };

/** "has an end time "25:00" Hearth can't read"; `what` is a coreWhat… key. */
export const unreadable =
  (what: string): Message =>
  (issue) =>
    withValue('coreProblemHasUnreadable', 'coreProblemHasUnreadableValue', [say(what)])(issue);

/**
 * The message for an item's object schema: the item is not an object at all, or
 * one of its fields is missing (`missing` maps field → "no start time").
 */
export const itemMessage =
  (missing: Record<string, string>): Message =>
  (issue) => {
    const first = issue.path?.[0];
    // (An array passes valibot's object type check, then lacks every field.)
    if (first?.origin === 'key' && typeof first.key === 'string' && !Array.isArray(first.input)) {
      const what = missing[first.key];
      if (what !== undefined) return say(what);
    }
    return say('coreProblemUnreadable');
  };
