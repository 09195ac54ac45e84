// The schedule engine: turns recurring wall-clock windows and one-off blocks
// into concrete occurrences on the real time line. Pure; `now` is always passed in.
// Window times mean local wall-clock time; see docs/time-and-dst.md for DST days.

import type { BoundaryWindow, Occurrence, OneOffBlock, Schedule } from './types';
import { addDays, formatDateKey, parseWallTime, wallInstant, weekdayOf } from './wallclock';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** familyTimeUntil stops chaining this far past `now` (a schedule may cover all time). */
const CHAIN_LIMIT = 8 * DAY;

const byStartThenLabel = (a: Occurrence, b: Occurrence): number =>
  a.start - b.start || compareText(a.label, b.label) || tieBreak(a, b);
const byEndThenLabel = (a: Occurrence, b: Occurrence): number =>
  a.end - b.end || compareText(a.label, b.label) || tieBreak(a, b);
// Equal times and labels: order by identity so results never depend on input order.
const tieBreak = (a: Occurrence, b: Occurrence): number =>
  compareText(a.source, b.source) || compareText(a.id, b.id) || a.start - b.start || a.end - b.end;
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Windows that can come on at all: unpaused, with days and valid times. */
function liveWindows(schedule: Schedule): BoundaryWindow[] {
  return schedule.windows.filter(
    (w) =>
      !w.paused &&
      w.days.length > 0 &&
      w.endDayOffset >= 0 &&
      parseWallTime(w.start) !== null &&
      parseWallTime(w.end) !== null,
  );
}

/** Upper bound on how many calendar days a window occurrence can reach back. */
const maxOffset = (windows: BoundaryWindow[]): number =>
  Math.max(0, ...windows.map((w) => w.endDayOffset));

/**
 * Every occurrence overlapping [from, to) — windows (paused ones and skipped
 * dates left out) and blocks — sorted by start, then label. `from` and `to`
 * must be finite epoch ms.
 */
export function occurrencesBetween(schedule: Schedule, from: number, to: number): Occurrence[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('range not finite');
  if (!(to > from)) return [];
  const out: Occurrence[] = [];
  const skipped = new Set(schedule.skips.map((s) => `${s.windowId}|${s.date}`));
  const windows = liveWindows(schedule);

  // An occurrence starting on local date D ends on D + endDayOffset; one spare
  // day on each side covers DST jumps across midnight (zones that shift at 00:00).
  const lastDate = addDays(formatDateKey(to), 1);
  for (let date = addDays(formatDateKey(from), -maxOffset(windows) - 1); date <= lastDate; date = addDays(date, 1)) {
    const weekday = weekdayOf(date);
    for (const w of windows) {
      if (!w.days.includes(weekday) || skipped.has(`${w.id}|${date}`)) continue;
      const start = wallInstant(date, parseWallTime(w.start)!);
      const end = wallInstant(addDays(date, w.endDayOffset), parseWallTime(w.end)!);
      // end <= start only on DST days (02:30–03:00 on a gap day) or for bad input.
      if (end <= start || start >= to || end <= from) continue;
      out.push({ source: 'window', id: w.id, label: w.label, kind: w.kind, start, end, date });
    }
  }
  for (const b of schedule.blocks) {
    if (b.end > b.start && b.start < to && b.end > from) out.push(blockOccurrence(b));
  }
  return out.sort(byStartThenLabel);
}

const blockOccurrence = (b: OneOffBlock): Occurrence => ({
  source: 'block', id: b.id, label: b.label, kind: 'focus', start: b.start, end: b.end, date: '',
});

/** Occurrences with start <= now < end, sorted by end, then label. */
export function activeAt(schedule: Schedule, now: number): Occurrence[] {
  return occurrencesBetween(schedule, now, now + 1)
    .filter((o) => o.start <= now && now < o.end)
    .sort(byEndThenLabel);
}

/**
 * Window occurrences ahead of `now`, in consecutive chunks that together cover
 * [now, …): each chunk holds every occurrence starting or ending inside it.
 * Ends when no further occurrence can come: every live window recurs weekly,
 * and each skip removes one occurrence, so (skips + 2) weeks past the longest
 * window always hold an occurrence of each live window.
 */
function* windowChunksAhead(schedule: Schedule, now: number): Generator<{ until: number; occurrences: Occurrence[] }> {
  const windows = liveWindows(schedule);
  if (windows.length === 0) return;
  const onlyWindows: Schedule = { windows, blocks: [], skips: schedule.skips };
  const limit = now + (schedule.skips.length + 2) * WEEK + (maxOffset(windows) + 2) * DAY;
  // Chunks overlap by 1 ms so an end exactly at a chunk boundary is not missed.
  for (let from = now, until = now + WEEK + DAY; from < limit; from = until - 1, until += WEEK) {
    yield { until, occurrences: occurrencesBetween(onlyWindows, from, until) };
  }
}

/**
 * The smallest instant > now at which any occurrence starts or ends, i.e. at
 * which activeAt may change; null when nothing is ahead.
 */
export function nextTransition(schedule: Schedule, now: number): number | null {
  let best = Infinity;
  for (const b of schedule.blocks) {
    if (b.end <= b.start) continue;
    if (b.start > now) best = Math.min(best, b.start);
    else if (b.end > now) best = Math.min(best, b.end);
  }
  for (const { until, occurrences } of windowChunksAhead(schedule, now)) {
    for (const o of occurrences) {
      if (o.start > now) best = Math.min(best, o.start);
      else if (o.end > now) best = Math.min(best, o.end);
    }
    if (best < until) break; // every transition before `until` has been seen
  }
  return best === Infinity ? null : best;
}

/** The first occurrence with start > now (ties by label), or null. */
export function nextStart(schedule: Schedule, now: number): Occurrence | null {
  const pick = (a: Occurrence | null, b: Occurrence): Occurrence =>
    a === null || byStartThenLabel(b, a) < 0 ? b : a;
  let best: Occurrence | null = null;
  for (const b of schedule.blocks) if (b.end > b.start && b.start > now) best = pick(best, blockOccurrence(b));
  for (const { until, occurrences } of windowChunksAhead(schedule, now)) {
    for (const o of occurrences) if (o.start > now) best = pick(best, o);
    if (best !== null && best.start < until) break; // every start before `until` has been seen
  }
  return best;
}

/**
 * While something is active: the end of the continuous stretch of family time
 * containing `now`, chaining occurrences that overlap or touch (Dinner until
 * 19:30, then Bedtime 19:30–20:30 → 20:30). null when nothing is active.
 * A schedule that never lets up yields now + 8 days ("at least until then").
 */
export function familyTimeUntil(schedule: Schedule, now: number): number | null {
  let active = activeAt(schedule, now);
  if (active.length === 0) return null;
  let until = now;
  // Anything overlapping the stretch and reaching past its current end is active at that end.
  while (active.length > 0 && until < now + CHAIN_LIMIT) {
    until = Math.max(...active.map((o) => o.end));
    active = activeAt(schedule, until);
  }
  return Math.min(until, now + CHAIN_LIMIT);
}

/** Stable id of one occurrence, e.g. for "already announced" bookkeeping. */
export function occurrenceKey(o: Occurrence): string {
  return `${o.source}:${o.id}:${o.start}`;
}
