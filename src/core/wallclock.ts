// Local wall-clock helpers. Pure functions; "local" means the process's time
// zone as JS Date sees it. Date keys ("YYYY-MM-DD") name calendar days and are
// handled without instants wherever possible, so DST cannot shift them.

import type { Weekday } from './types';

const MINUTE = 60_000;
/** Longest backward search in wallInstant; real DST shifts are at most 2 h. */
const GAP_SEARCH_MINUTES = 180;

const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "HH:MM" (00:00–23:59, two digits each) → minutes since midnight, or null. */
export function parseWallTime(s: string): number | null {
  const m = WALL_TIME.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** "HH:MM", 00:00–23:59. */
export function isWallTime(value: unknown): value is string {
  return typeof value === 'string' && WALL_TIME.test(value);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local calendar date of an instant, "YYYY-MM-DD". */
export function formatDateKey(instant: number): string {
  const d = new Date(instant);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** [year, month 1–12, day] of anything shaped "YYYY-MM-DD", or null. */
function dateParts(value: unknown): [number, number, number] | null {
  const m = typeof value === 'string' ? DATE_KEY.exec(value) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** [year, month 1–12, day]; throws on malformed keys (they only come from this module). */
function parseDateKey(dateKey: string): [number, number, number] {
  const parts = dateParts(dateKey);
  if (!parts) throw new RangeError(`bad date key: ${dateKey}`);
  return parts;
}

/**
 * Midnight UTC of a day, `days` after the one the parts name (a day past the month's
 * end rolls over, as Date does). Calendar arithmetic is done in UTC, where every day
 * has 24 h; setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
 */
function utcDay([year, month, day]: [number, number, number], days = 0): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day + days);
  return date;
}

const keyOfUtcDay = (date: Date): string =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/** "YYYY-MM-DD" naming a date that exists (no 2023-02-29). */
export function isDateKey(value: unknown): value is string {
  const parts = dateParts(value);
  return parts !== null && keyOfUtcDay(utcDay(parts)) === value;
}

/** The date key `n` days after `dateKey` (before it when `n` is negative). */
export function addDays(dateKey: string, n: number): string {
  return keyOfUtcDay(utcDay(parseDateKey(dateKey), n));
}

export function weekdayOf(dateKey: string): Weekday {
  return utcDay(parseDateKey(dateKey)).getUTCDay() as Weekday;
}

/** Local (date, minutes) of an instant as one comparable number: yyyymmdd·1440 + minutes. */
function localStamp(instant: number): number {
  const d = new Date(instant);
  const ymd = d.getFullYear() * 10_000 + (d.getMonth() + 1) * 100 + d.getDate();
  return ymd * 1440 + d.getHours() * 60 + d.getMinutes();
}

/**
 * The FIRST instant at which the local wall clock on `dateKey` reads at least
 * `minutes` (0–1439) past midnight. Consequences on DST-change days:
 * - a time inside a spring-forward gap (02:30 when clocks jump 02:00→03:00)
 *   resolves to the instant of the jump, i.e. local 03:00: a window that
 *   "starts at 02:30" comes on as soon as 02:30 has been passed;
 * - a time that occurs twice on a fall-back day resolves to its first
 *   occurrence (the one before the clocks go back).
 *
 * `new Date(y, m, d, h, mi)` already picks the first of two repeated times,
 * but pushes a gap time forward by the gap length (02:30 → 03:30; ECMA-262
 * applies the offset from before the transition). That candidate always reads
 * ≥ the target, so when it does not read the target exactly we binary-search
 * the minutes before it for the first one that reads ≥ the target: the jump.
 * Works for 30-minute shifts (Lord_Howe) and odd offsets (Chatham +12:45).
 */
export function wallInstant(dateKey: string, minutes: number): number {
  const [y, mo, d] = parseDateKey(dateKey);
  const candidate = new Date(y, mo - 1, d, 0, minutes).getTime();
  const target = (y * 10_000 + mo * 100 + d) * 1440 + minutes;
  if (localStamp(candidate) === target) return candidate;

  // Gap: the local clock is monotone on [candidate − 3 h, candidate] (a repeated
  // hour there would have been chosen as the candidate), so bisect on the minute grid.
  let lo = 0; // minutes back from candidate, still reading ≥ target
  let hi = GAP_SEARCH_MINUTES; // minutes back, reading < target
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (localStamp(candidate - mid * MINUTE) >= target) lo = mid;
    else hi = mid;
  }
  return candidate - lo * MINUTE;
}
