// The schedule as a parent reads it: one week laid out day by day, each window
// in plain words, and what "skip tonight" would act on. Pure; `now` and the week
// are always passed in, and words come from a formatter the caller supplies.
//
// Days are local calendar days and positions are wall-clock minutes from local
// midnight, so on a daylight-saving day a bar still sits where the clock says
// (see docs/time-and-dst.md).

import { occurrencesBetween } from './schedule';
import type { BoundaryWindow, Occurrence, Schedule, Weekday, WindowKind } from './types';
import { addDays, formatDateKey, parseWallTime, wallInstant, weekdayOf } from './wallclock';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const DAY_MINUTES = 1440;
/** From this wall-clock time on, an occurrence starting today is "tonight". */
const EVENING_MINUTES = 16 * 60;

/** The week as Hearth shows it: Monday first. */
export const MONDAY_FIRST: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/**
 * How a day's piece reads in words: the whole day ("all day"), from a time to
 * midnight ("from 10:00 pm"), from midnight to a time it began before ("until
 * 6:30 am"), or a plain range inside the day ("6:00 pm – 7:30 pm").
 */
export type PieceShape = 'all-day' | 'from' | 'until' | 'range';

/** The shape of the piece [max(start, dayStart), min(end, dayEnd)) of an occurrence [start, end). */
export function pieceShape(start: number, end: number, dayStart: number, dayEnd: number): PieceShape {
  const fromMidnight = start <= dayStart;
  const toMidnight = end >= dayEnd;
  if (fromMidnight && toMidnight) return 'all-day';
  // Began the day before: only its end belongs to this day. (One starting at midnight
  // itself and ending inside the day reads as a plain range.)
  if (start < dayStart) return 'until';
  if (toMidnight) return 'from';
  return 'range';
}

/** One occurrence's piece on one local day. */
export interface WeekSegment {
  source: 'window' | 'block';
  /** window id or block id */
  id: string;
  label: string;
  kind: WindowKind | 'focus';
  /** Local start date of the whole occurrence (what a Skip names); '' for blocks. */
  date: string;
  /** epoch ms: this day's piece, [start, end) */
  start: number;
  end: number;
  /** Wall-clock minutes from local midnight, 0–1440; toMinute > fromMinute. */
  fromMinute: number;
  toMinute: number;
  /** The occurrence is skipped ("not tonight"); shown, gently. */
  skipped: boolean;
  /** The occurrence runs on past this day's midnight. */
  continues: boolean;
  /** The occurrence began on an earlier day. */
  fromEarlier: boolean;
  /** How the piece reads: a day covered from midnight to midnight is 'all-day'. */
  shape: PieceShape;
  /** Row within the day (0, 1, …) so that pieces overlapping in time never overlap on screen. */
  lane: number;
}

export interface WeekDay {
  date: string;
  weekday: Weekday;
  segments: WeekSegment[];
  /** How many lanes the day's pieces need (0 on a day with nothing). */
  lanes: number;
}

export interface WeekView {
  days: WeekDay[];
}

/** The Monday of the week holding `dateKey` ("YYYY-MM-DD"). */
export function weekStartOf(dateKey: string): string {
  return addDays(dateKey, -((weekdayOf(dateKey) + 6) % 7));
}

/** Local wall-clock reading of an instant, in minutes (with fractions) from its local midnight. */
function wallMinutes(instant: number): number {
  const d = new Date(instant);
  return d.getHours() * 60 + d.getMinutes() + d.getSeconds() / 60 + d.getMilliseconds() / MINUTE;
}

const offsetAt = (instant: number): number => new Date(instant).getTimezoneOffset();

const clampMinutes = (m: number): number => Math.min(DAY_MINUTES, Math.max(0, m));

/**
 * The wall-clock minutes [from, to) that the piece [start, end) of one local day
 * covers. Without a clock change inside, that is simply its start and end reading.
 * Across a change the readings jump, so the span runs from the lowest reading to
 * the highest: a piece across a fall-back hour covers that hour once.
 */
function wallSpan(start: number, end: number, startsAtMidnight: boolean, endsAtMidnight: boolean): [number, number] {
  const last = end - 1;
  let low = startsAtMidnight ? 0 : wallMinutes(start);
  let high = endsAtMidnight ? DAY_MINUTES : wallMinutes(end);
  if (offsetAt(start) !== offsetAt(last)) {
    // Find the first instant with the later offset (a day holds one change at most).
    let lo = start;
    let hi = last;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === offsetAt(start)) lo = mid;
      else hi = mid;
    }
    low = Math.min(low, wallMinutes(hi));
    high = Math.max(high, wallMinutes(lo) + 1 / MINUTE);
  }
  const from = Math.floor(clampMinutes(low));
  const to = Math.ceil(clampMinutes(high));
  return to > from ? [from, to] : from < DAY_MINUTES ? [from, from + 1] : [from - 1, from];
}

/** Greedy lanes: each piece goes in the first lane free at its start (touching pieces share). */
function assignLanes(segments: Omit<WeekSegment, 'lane'>[]): { segments: WeekSegment[]; lanes: number } {
  const order = segments
    .map((segment, index) => ({ segment, index }))
    .sort((a, b) => a.segment.fromMinute - b.segment.fromMinute || b.segment.toMinute - a.segment.toMinute || a.index - b.index);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(segments.length).fill(0);
  for (const { segment, index } of order) {
    let lane = laneEnds.findIndex((end) => end <= segment.fromMinute);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = segment.toMinute;
    lanes[index] = lane;
  }
  return {
    segments: segments.map((segment, index) => ({ ...segment, lane: lanes[index] ?? 0 })),
    lanes: laneEnds.length,
  };
}

/**
 * The 7 local days from `weekStartDateKey` (a Monday), each with the pieces of
 * every occurrence that covers part of it: an overnight window shows on both
 * days, a weekend window fills Saturday and Sunday. Skipped occurrences are
 * included and marked; paused windows are left out; one-off blocks are included.
 */
export function weekView(schedule: Schedule, weekStartDateKey: string): WeekView {
  const from = wallInstant(weekStartDateKey, 0);
  const to = wallInstant(addDays(weekStartDateKey, 7), 0);
  const skipped = new Set(schedule.skips.map((s) => `${s.windowId}|${s.date}`));
  const occurrences = occurrencesBetween({ ...schedule, skips: [] }, from, to);

  const days: WeekDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStartDateKey, i);
    const dayStart = wallInstant(date, 0);
    const dayEnd = wallInstant(addDays(date, 1), 0);
    const pieces = occurrences
      .filter((o) => o.start < dayEnd && o.end > dayStart)
      .map((o): Omit<WeekSegment, 'lane'> => {
        const start = Math.max(o.start, dayStart);
        const end = Math.min(o.end, dayEnd);
        const [fromMinute, toMinute] = wallSpan(start, end, o.start <= dayStart, o.end >= dayEnd);
        return {
          source: o.source,
          id: o.id,
          label: o.label,
          kind: o.kind,
          date: o.date,
          start,
          end,
          fromMinute,
          toMinute,
          skipped: o.source === 'window' && skipped.has(`${o.id}|${o.date}`),
          continues: o.end > dayEnd,
          fromEarlier: o.start < dayStart,
          shape: pieceShape(o.start, o.end, dayStart, dayEnd),
        };
      });
    const { segments, lanes } = assignLanes(pieces);
    days.push({ date, weekday: weekdayOf(date), segments, lanes });
  }
  return { days };
}

/**
 * How long a window runs by the clock, in minutes: "18:00" to "17:00" next day is
 * 1380 (23 hours). Null when a time is unreadable. Daylight-saving changes are not
 * counted; this is the length a parent reads off the times.
 */
export function windowMinutes(w: Pick<BoundaryWindow, 'start' | 'end' | 'endDayOffset'>): number | null {
  const start = parseWallTime(w.start);
  const end = parseWallTime(w.end);
  if (start === null || end === null) return null;
  return end - start + w.endDayOffset * DAY_MINUTES;
}

// ---------------------------------------------------------------------------
// Plain words for a window
// ---------------------------------------------------------------------------

/** The words `describeWindow` puts together, in the parent's language. */
export interface ScheduleWords {
  /** 0 → "Sunday" */
  weekday(day: Weekday): string;
  /** Minutes from midnight → "6:00 pm" */
  time(minutes: number): string;
  everyDay: string;
  weekdays: string;
  weekends: string;
  /** "Sunday to Thursday" */
  dayRange(first: string, last: string): string;
  /** "Monday, Wednesday and Friday" */
  dayList(days: string[]): string;
  /** "6:00 pm – 7:30 pm" */
  timeRange(from: string, to: string): string;
  /** "6:30 am next day" */
  nextDay(time: string): string;
  /** "8:00 am two days later" */
  daysLater(time: string, days: number): string;
  /** "Saturday 12:00 am" */
  dayAndTime(day: string, time: string): string;
}

const sortedDays = (days: readonly Weekday[]): Weekday[] => MONDAY_FIRST.filter((d) => days.includes(d));

const sameDays = (days: Weekday[], wanted: readonly Weekday[]): boolean =>
  days.length === wanted.length && wanted.every((d) => days.includes(d));

/** "Every day", "Weekdays", "Weekends", "Sunday to Thursday", "Monday and Wednesday", "Saturday". */
export function describeDays(days: readonly Weekday[], words: ScheduleWords): string {
  const set = sortedDays(days);
  if (set.length === 7) return words.everyDay;
  if (sameDays(set, [1, 2, 3, 4, 5])) return words.weekdays;
  if (sameDays(set, [0, 6])) return words.weekends;
  if (set.length >= 3) {
    // One unbroken run, counting round the week (Friday to Sunday, Sunday to Thursday).
    const has = (d: number): boolean => set.includes(((d + 7) % 7) as Weekday);
    const firsts = set.filter((d) => !has(d - 1));
    const first = firsts[0];
    if (firsts.length === 1 && first !== undefined) {
      const last = ((first + set.length - 1) % 7) as Weekday;
      return words.dayRange(words.weekday(first), words.weekday(last));
    }
  }
  if (set.length === 1 && set[0] !== undefined) return words.weekday(set[0]);
  return words.dayList(set.map((d) => words.weekday(d)));
}

/**
 * A window's days and time in plain words: { days: "Every day", time: "6:00 pm – 7:30 pm" },
 * overnight "10:00 pm – 6:30 am next day", a weekend "Saturday 12:00 am – Monday 12:00 am".
 */
export function describeWindow(
  w: Pick<BoundaryWindow, 'days' | 'start' | 'end' | 'endDayOffset'>,
  words: ScheduleWords,
): { days: string; time: string } {
  const days = describeDays(w.days, words);
  const startMinutes = parseWallTime(w.start);
  const endMinutes = parseWallTime(w.end);
  if (startMinutes === null || endMinutes === null) return { days, time: `${w.start} – ${w.end}` };
  const start = words.time(startMinutes);
  const end = words.time(endMinutes);
  const offset = w.endDayOffset;
  if (offset <= 0) return { days, time: words.timeRange(start, end) };
  if (offset === 1) return { days, time: words.timeRange(start, words.nextDay(end)) };
  const only = w.days.length === 1 ? w.days[0] : undefined;
  if (only !== undefined && offset < 7) {
    const endDay = ((only + offset) % 7) as Weekday;
    return {
      days,
      time: words.timeRange(
        words.dayAndTime(words.weekday(only), start),
        words.dayAndTime(words.weekday(endDay), end),
      ),
    };
  }
  return { days, time: words.timeRange(start, words.daysLater(end, offset)) };
}

// ---------------------------------------------------------------------------
// What "skip" acts on
// ---------------------------------------------------------------------------

export interface WindowOccasions {
  /** The occurrence running now or coming next that is not skipped: what a "skip" button skips. */
  next: Occurrence | null;
  /** Occurrences running now or still to come that are skipped, by start. */
  skipped: Occurrence[];
}

/**
 * For one window: the running or next occurrence a skip would leave out, and the
 * skipped ones not yet over. A paused or unknown window has neither.
 */
export function occasionsOf(schedule: Schedule, windowId: string, now: number): WindowOccasions {
  const w = schedule.windows.find((x) => x.id === windowId);
  if (w === undefined || w.paused) return { next: null, skipped: [] };
  const skipDates = new Set(schedule.skips.filter((s) => s.windowId === windowId).map((s) => s.date));
  // Each skip removes one occurrence a week at most, so this far ahead always holds the next one.
  const horizon = now + (skipDates.size + 2) * WEEK + (w.endDayOffset + 1) * DAY;
  const occurrences = occurrencesBetween({ windows: [w], blocks: [], skips: [] }, now, horizon);
  let next: Occurrence | null = null;
  const skipped: Occurrence[] = [];
  for (const o of occurrences) {
    if (skipDates.has(o.date)) skipped.push(o);
    else next ??= o;
  }
  return { next, skipped };
}

/**
 * How to speak of an occurrence from `now`: starting (or started) today in the
 * evening → "tonight", earlier today → "today", started on an earlier day and
 * still running → "running", else "later".
 */
export function occasionWord(o: Pick<Occurrence, 'start' | 'date'>, now: number): 'tonight' | 'today' | 'running' | 'later' {
  if (o.date === formatDateKey(now)) {
    const d = new Date(o.start);
    const startsOnDate = formatDateKey(o.start) === o.date;
    return startsOnDate && d.getHours() * 60 + d.getMinutes() >= EVENING_MINUTES ? 'tonight' : 'today';
  }
  return o.start <= now ? 'running' : 'later';
}
