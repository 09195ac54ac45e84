// One window as the settings page lists it: its days and time in plain words, and
// what "skip tonight" would act on (and how to speak of it: tonight, today, later).
// Pure; `now` is always passed in, and words come from a formatter the caller supplies.
import { occurrencesBetween } from './schedule';
import type { BoundaryWindow, Occurrence, Schedule, Weekday } from './types';
import { formatDateKey, parseWallTime } from './wallclock';
import { MONDAY_FIRST } from './weekView';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** From this wall-clock time on, an occurrence starting today is "tonight". */
const EVENING_MINUTES = 16 * 60;

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
