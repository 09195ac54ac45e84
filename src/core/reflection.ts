// Reflection: the family time a parent protected, from history alone. Pure; the clock
// is passed in, and "local" is the process's time zone as JS Date sees it.
//
// Boundary events are paired by occurrence into stretches of family time:
// - a start with no end yet is running: it counts until `now`;
// - an end with no start (history cleared while a boundary was on) is left out;
// - stretches that overlap or touch are merged first, so no minute counts twice.
// Days are local calendar days, cut at local midnight (found with wallInstant, so a
// day with a daylight-saving change is 23 or 25 hours long, never a 24-h step).
//
// Ways through and early endings are listed as plain facts. Nothing here counts
// failures, streaks or anything to feel behind on.
import type { HistoryEvent } from './records';
import { addDays, formatDateKey, wallInstant, weekdayOf } from './wallclock';
import { wayThroughLengths, type WayThroughLength } from './wayThrough';
import { lookBack } from './weeklyLookBack';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Family time on one local calendar day. */
export interface DayTotal {
  /** "YYYY-MM-DD", local. */
  date: string;
  /** The day's local midnight, epoch ms (the first instant of the day). */
  start: number;
  /** Family time that day, in hours (unrounded; a later day is cut at `now`). */
  hours: number;
}

/**
 * A way through to a work site, or a boundary ended early: a plain fact, never a fault.
 * A way through says how long it really lasted (WayThroughLength), not the minutes chosen.
 */
export interface ReflectionFact extends WayThroughLength {
  /** epoch ms */
  at: number;
  /** The boundary's name for an early ending; the site's name for a way through. */
  label: string;
  kind: 'way-through' | 'ended-early';
}

export interface ReflectionView {
  /** The instant the view was worked out for. */
  now: number;
  /** Monday 00:00 local of this week, epoch ms. */
  weekStart: number;
  /** The 1st of this month, 00:00 local, epoch ms. */
  monthStart: number;
  /** Family time from weekStart to now, in hours (unrounded). */
  weekHours: number;
  /** Family time from monthStart to now, in hours (unrounded). */
  monthHours: number;
  /** The last 7 local days, oldest first, ending with today (cut at now). */
  last7Days: DayTotal[];
  /** The last 30 local days, oldest first, ending with today (cut at now). */
  last30Days: DayTotal[];
  /** Work thoughts parked since weekStart / monthStart. */
  thoughtsThisWeek: number;
  thoughtsThisMonth: number;
  /** Ways through and early endings from the start of the 30-day series to now, newest first. */
  facts: ReflectionFact[];
  /** Notifications the stand-ins in open work tabs held back, since weekStart / monthStart. */
  heldThisWeek: number;
  heldThisMonth: number;
  /** Notifications let through by the parent's rules since weekStart, and the rules' words (each once). */
  letThroughThisWeek: { count: number; rules: string[] };
  /** How many prompts the parent keeps as favourites. */
  favourites: number;
  /** The moments the parent chose this week and was there for to the end (core/weeklyLookBack.ts). */
  thereFor: string[];
  /** Whether any history or parked thought is stored at all (for a gentle empty state). */
  hasHistory: boolean;
}

/** A stretch of family time, [start, end) in epoch ms. */
export interface Stretch {
  start: number;
  end: number;
}

/**
 * Boundary starts and ends paired by occurrence, cut at `now`, merged where they
 * overlap or touch; sorted by start. Every other event is ignored.
 */
export function stretches(events: readonly HistoryEvent[], now: number): Stretch[] {
  const byOccurrence = new Map<string, { start?: number; end?: number }>();
  for (const e of events) {
    // Held rows name the boundary they belong to, but they are not its start or end.
    if ((e.type !== 'boundary-start' && e.type !== 'boundary-end') || !Number.isFinite(e.at)) continue;
    const pair = byOccurrence.get(e.occurrenceKey) ?? {};
    // Keys are deterministic, so there is one of each; if not, take the widest span.
    if (e.type === 'boundary-start') pair.start = Math.min(pair.start ?? Infinity, e.at);
    else pair.end = Math.max(pair.end ?? -Infinity, e.at);
    byOccurrence.set(e.occurrenceKey, pair);
  }

  const raw: Stretch[] = [];
  for (const { start, end } of byOccurrence.values()) {
    if (start === undefined) continue; // an end whose start was cleared away
    const until = Math.min(end ?? now, now); // no end yet: still running
    if (until > start) raw.push({ start, end: until });
  }
  raw.sort((a, b) => a.start - b.start || a.end - b.end);

  const merged: Stretch[] = [];
  for (const s of raw) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Milliseconds of the (merged, non-overlapping) stretches inside [from, to). */
function msBetween(merged: readonly Stretch[], from: number, to: number): number {
  let total = 0;
  for (const s of merged) {
    const a = Math.max(s.start, from);
    const b = Math.min(s.end, to);
    if (b > a) total += b - a;
  }
  return total;
}

/** Monday 00:00 local of the week holding `now`. */
function weekStartOf(now: number): number {
  const today = formatDateKey(now);
  const back = (weekdayOf(today) + 6) % 7; // Sunday (0) is 6 days after Monday
  return wallInstant(addDays(today, -back), 0);
}

/** The 1st of the month holding `now`, 00:00 local. */
function monthStartOf(now: number): number {
  return wallInstant(`${formatDateKey(now).slice(0, 8)}01`, 0);
}

/** The last `count` local days, oldest first, ending with today (which is cut at now). */
export function dailySeries(merged: readonly Stretch[], count: number, now: number): DayTotal[] {
  const today = formatDateKey(now);
  const days: DayTotal[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    const start = wallInstant(date, 0);
    const end = Math.min(wallInstant(addDays(date, 1), 0), now);
    days.push({ date, start, hours: msBetween(merged, start, end) / HOUR });
  }
  return days;
}

/** An override as a fact, or null for anything else (e.g. a detail Hearth does not show). */
function factOf(e: HistoryEvent, ways: Map<HistoryEvent, WayThroughLength>): ReflectionFact | null {
  if (e.type === 'override' && e.detail === 'ended-early') return { at: e.at, label: e.label, kind: 'ended-early' };
  const way = ways.get(e);
  return way ? { at: e.at, label: e.label, kind: 'way-through', ...way } : null;
}

function letThroughSince(events: readonly HistoryEvent[], from: number, now: number): { count: number; rules: string[] } {
  const passed = events.filter((e) => e.type === 'let-through' && e.at >= from && e.at <= now);
  return { count: passed.length, rules: [...new Set(passed.map((e) => e.detail ?? '').filter(Boolean))] };
}

/** A held row's count: a number now; rows from before one row per tab kept it in `detail`. */
function heldCount(e: HistoryEvent): number {
  const count = e.count ?? Number.parseInt(e.detail ?? '', 10);
  return Number.isInteger(count) && count > 0 ? count : 0;
}

/** What the worker reads for reflection; `reflect` works out what it says. */
export interface ReflectionSource {
  events: HistoryEvent[];
  thoughts: { parkedAt: number }[];
  /** How many prompts the parent keeps as favourites. */
  favourites: number;
}

export function reflect(
  events: HistoryEvent[],
  thoughts: { parkedAt: number }[],
  favourites: number,
  now: number,
): ReflectionView {
  const merged = stretches(events, now);
  const weekStart = weekStartOf(now);
  const monthStart = monthStartOf(now);
  const last7Days = dailySeries(merged, 7, now);
  const last30Days = dailySeries(merged, 30, now);
  const factsFrom = last30Days[0]?.start ?? now;

  const parkedSince = (from: number) => thoughts.filter((th) => th.parkedAt >= from && th.parkedAt <= now).length;
  const heldSince = (from: number) =>
    events.filter((e) => e.type === 'held' && e.at >= from && e.at <= now).reduce((n, e) => n + heldCount(e), 0);

  // Family time still on runs on past now: a way through in it may be open yet.
  const ways = wayThroughLengths(events, stretches(events, Infinity), now);
  const facts = events
    .filter((e) => e.at >= factsFrom && e.at <= now)
    .map((e) => factOf(e, ways))
    .filter((f): f is ReflectionFact => f !== null)
    .sort((a, b) => b.at - a.at || a.label.localeCompare(b.label));

  return {
    now,
    weekStart,
    monthStart,
    weekHours: msBetween(merged, weekStart, now) / HOUR,
    monthHours: msBetween(merged, monthStart, now) / HOUR,
    last7Days,
    last30Days,
    thoughtsThisWeek: parkedSince(weekStart),
    thoughtsThisMonth: parkedSince(monthStart),
    heldThisWeek: heldSince(weekStart),
    heldThisMonth: heldSince(monthStart),
    letThroughThisWeek: letThroughSince(events, weekStart, now),
    facts,
    favourites: Number.isFinite(favourites) && favourites > 0 ? Math.floor(favourites) : 0,
    thereFor: lookBack(events, now),
    hasHistory: events.length > 0 || thoughts.length > 0,
  };
}

/**
 * How a duration is put into words (the page maps these to messages):
 * - exactly 0: `none`;
 * - more than 0 but under 30 seconds: `under-minute` ("less than a minute");
 * - under 1 hour: whole minutes, rounded to the nearest ("3 minutes"; 30 s → 1 minute);
 * - 1 hour to under 10 hours: hours and minutes, minutes rounded to the nearest 5
 *   ("2 hours 15 minutes"; a round hour has no minutes: "3 hours");
 * - 10 hours and more: whole hours, rounded to the nearest ("41 hours").
 * Rounding that reaches the next unit moves up ("59 min 50 s" → "1 hour").
 */
export type DurationWords =
  | { kind: 'none' }
  | { kind: 'under-minute' }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'hours'; hours: number; minutes: number };

export function durationWords(hours: number): DurationWords {
  const ms = Math.max(0, hours * HOUR);
  if (!(ms > 0)) return { kind: 'none' };
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 1) return { kind: 'under-minute' };
  if (minutes < 60) return { kind: 'minutes', minutes };
  if (ms < 10 * HOUR) {
    const fives = Math.round(ms / (5 * MINUTE)) * 5;
    const h = Math.floor(fives / 60);
    if (h < 10) return { kind: 'hours', hours: h, minutes: fives % 60 };
  }
  return { kind: 'hours', hours: Math.round(ms / HOUR), minutes: 0 };
}
