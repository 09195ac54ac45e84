// Local wall-clock helpers. Pure functions; "local" means the process's time
// zone as JS Date sees it. Date keys ("YYYY-MM-DD") name calendar days and are
// handled without instants wherever possible, so DST cannot shift them.

import type { Weekday } from './types';

const MINUTE = 60_000;
/** Longest backward search in wallInstant; real DST shifts are at most 2 h. */
const GAP_SEARCH_MINUTES = 180;

/** "HH:MM" (00:00–23:59, two digits each) → minutes since midnight, or null. */
export function parseWallTime(s: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local calendar date of an instant, "YYYY-MM-DD". */
export function formatDateKey(instant: number): string {
  const d = new Date(instant);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** [year, month 1–12, day]; throws on malformed keys (they only come from this module). */
function parseDateKey(dateKey: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateKey);
  if (!m) throw new RangeError(`bad date key: ${dateKey}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Calendar arithmetic on date keys. Done in UTC, where every day has 24 h. */
export function addDays(dateKey: string, n: number): string {
  const [y, mo, d] = parseDateKey(dateKey);
  const t = new Date(Date.UTC(y, mo - 1, d + n));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function weekdayOf(dateKey: string): Weekday {
  const [y, mo, d] = parseDateKey(dateKey);
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay() as Weekday;
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
