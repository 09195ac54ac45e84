// The weekly choice: once a week (Sunday at 7 pm unless the parent says otherwise) the
// popup asks "What matters most this week?", and the few moments chosen get more care.
// This is its pure part: which week it is, whether to ask now, which of the week's own
// family times to offer and what to call them, and how a fresh moment becomes a one-off
// block. The clock is passed in; "local" is the process's time zone as JS Date sees it.
import { occurrencesBetween } from './schedule';
import { say } from './say';
import type { Occurrence, Schedule, WallTime } from './types';
import { addDays, formatDateKey, isDateKey, parseWallTime, wallInstant, weekdayOf } from './wallclock';
import { CHOSEN_HEADS_UP_MINUTES, type Chosen, type MomentRef, type WeeklyChoice } from './weeklyShape';

const startOf = (choice: WeeklyChoice, week: string): number => wallInstant(week, parseWallTime(choice.time) ?? 0);

/** The week holding `now`: it began at the latest weekly choice day and time at or before `now`. */
export function weekKeyAt(choice: WeeklyChoice, now: number): string {
  const today = formatDateKey(now);
  const day = addDays(today, -((weekdayOf(today) - choice.day + 7) % 7));
  return startOf(choice, day) <= now ? day : addDays(day, -7);
}

/** [start, end) of the week named `week`, epoch ms. */
export function weekSpan(choice: WeeklyChoice, week: string): { start: number; end: number } {
  return { start: startOf(choice, week), end: startOf(choice, addDays(week, 7)) };
}

/**
 * The popup asks when the weekly choice is on and this week has no answer yet, from the
 * first week that began after Hearth was installed (`installedAt`; unknown: any week): a
 * parent who has just set Hearth up is not asked about a week already under way.
 */
export function shouldAsk(choice: WeeklyChoice, chosen: Chosen | null, now: number, installedAt?: number): boolean {
  const week = weekKeyAt(choice, now);
  return choice.on && chosen?.week !== week && !(installedAt !== undefined && weekSpan(choice, week).start < installedAt);
}

/**
 * The week's own family times that can still be chosen: every occurrence starting in
 * this week (one a window and weekday, so their names differ) that has not ended yet.
 */
export function momentsOffered(schedule: Schedule, choice: WeeklyChoice, now: number): Occurrence[] {
  const { start, end } = weekSpan(choice, weekKeyAt(choice, now));
  return occurrencesBetween(schedule, now, end).filter((o) => o.start >= start && o.start < end && o.end > now);
}

export function refOf(o: Pick<Occurrence, 'source' | 'id' | 'date'>): MomentRef {
  return o.source === 'window' ? { windowId: o.id, date: o.date } : { blockId: o.id };
}

export function sameRef(a: MomentRef, b: MomentRef): boolean {
  if ('blockId' in a) return 'blockId' in b && a.blockId === b.blockId;
  return 'windowId' in b && a.windowId === b.windowId && a.date === b.date;
}

/** Whether the parent chose this occurrence. */
export function isChosen(chosen: Chosen | null | undefined, o: Pick<Occurrence, 'source' | 'id' | 'date'>): boolean {
  const ref = refOf(o);
  return chosen?.moments.some((m) => sameRef(m, ref)) ?? false;
}

/**
 * The occurrence an occurrence key names (`source:id:start`, schedule.ts), as far as a
 * chosen moment needs it; null for a key of another shape.
 */
export function occurrenceOfKey(key: string): Pick<Occurrence, 'source' | 'id' | 'date' | 'start'> | null {
  const first = key.indexOf(':');
  const last = key.lastIndexOf(':');
  const source = key.slice(0, first);
  const start = Number(key.slice(last + 1));
  if (first < 0 || last <= first || (source !== 'window' && source !== 'block') || !Number.isFinite(start)) return null;
  return { source, id: key.slice(first + 1, last), start, date: source === 'window' ? formatDateKey(start) : '' };
}

/**
 * The chosen occurrences that went off between two applied states (desired.ts's
 * AppliedOccurrence) by running to their end (not ended early, skipped or deleted while on).
 */
export function keptChosen<T extends { key: string; end: number }>(
  prev: readonly T[],
  next: readonly { key: string }[],
  chosen: Chosen | null,
  now: number,
): T[] {
  if (chosen === null || chosen.moments.length === 0) return [];
  const still = new Set(next.map((o) => o.key));
  return prev.filter((o) => {
    if (still.has(o.key) || now < o.end) return false;
    const occurrence = occurrenceOfKey(o.key);
    return occurrence !== null && isChosen(chosen, occurrence);
  });
}

/** How long before a start its heads-up comes: earlier for a chosen moment. */
export function headsUpMinutesFor(o: Occurrence, chosen: Chosen | null | undefined, usual: number): number {
  return isChosen(chosen, o) ? Math.max(usual, CHOSEN_HEADS_UP_MINUTES) : usual;
}

/** The page's own way of saying a weekday and a time (browser locale), handed in. */
export interface MomentWords {
  weekday(instant: number): string;
  time(instant: number): string;
}

/** What a chosen moment is called: "Tuesday's Dinner" for a window's occurrence, a one-off's own name. */
export function momentName(o: Pick<Occurrence, 'source' | 'label' | 'start'>, words: MomentWords): string {
  return o.source === 'window' ? say('weeklyMomentOfDay', [words.weekday(o.start), o.label]) : o.label;
}

/** What the card offers to choose: a one-off says its day and time ("Maya's recital, Thursday 6:00 PM"). */
export function offerName(o: Pick<Occurrence, 'source' | 'label' | 'start'>, words: MomentWords): string {
  return o.source === 'window' ? momentName(o, words) : say('weeklyMomentWithTime', [o.label, words.weekday(o.start), words.time(o.start)]);
}

/** The heads-up for a chosen moment comes in the evening as "Tonight", else as "Today". */
export const isEvening = (instant: number): boolean => new Date(instant).getHours() >= 17;

/** The days a fresh moment can be on: today and the six after it. */
export function freshDays(now: number): string[] {
  const today = formatDateKey(now);
  return Array.from({ length: 7 }, (_, i) => addDays(today, i));
}

/** A moment written fresh in the card: a name, a day and a time. */
export interface FreshMoment {
  label: string;
  /** "YYYY-MM-DD", one of freshDays. */
  date: string;
  from: WallTime;
  until: WallTime;
}

/**
 * The one-off block a fresh moment becomes, or the key of the sentence saying why not.
 * It ends the same day, after it starts, and not before now.
 */
export function freshSpan(fresh: FreshMoment, now: number): { start: number; end: number } | { problem: string } {
  const from = parseWallTime(fresh.from);
  const until = parseWallTime(fresh.until);
  if (!isDateKey(fresh.date) || !freshDays(now).includes(fresh.date) || from === null || until === null) return { problem: 'weeklyFreshUnreadable' };
  const start = wallInstant(fresh.date, from);
  const end = wallInstant(fresh.date, until);
  if (end <= start) return { problem: 'weeklyFreshEndsFirst' };
  if (end <= now) return { problem: 'weeklyFreshPast' };
  return { start, end };
}
