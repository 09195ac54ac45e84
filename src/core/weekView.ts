// The schedule as a parent reads it: one week laid out day by day, for the settings
// page's week view. Pure; the week is always passed in. Each window in plain words, and
// what "skip tonight" would act on, are windowSummary.ts.
//
// Days are local calendar days and positions are wall-clock minutes from local
// midnight, so on a daylight-saving day a bar still sits where the clock says
// (see docs/time-and-dst.md).

import { occurrencesBetween } from './schedule';
import type { BoundaryWindow, Schedule, Weekday, WindowKind } from './types';
import { addDays, parseWallTime, wallInstant, weekdayOf } from './wallclock';

const MINUTE = 60_000;
const DAY_MINUTES = 1440;

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
