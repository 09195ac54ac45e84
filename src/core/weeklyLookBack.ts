// Looking back on the week's chosen moments, without a score: which ones were there to
// the end. A chosen moment is "kept" when it ran its whole course; one skipped or ended
// early is simply not kept, and nothing anywhere counts it. Pure; `now` is passed in.
import type { AppliedOccurrence } from './desired';
import type { HistoryEvent } from './records';
import { addDays, formatDateKey } from './wallclock';
import { isChosen, occurrenceOfKey } from './weeklyChoice';
import type { Chosen } from './weeklyShape';

/**
 * The chosen occurrences that went off between two applied states by running to their
 * end (not ended early, skipped or deleted while on).
 */
export function keptChosen(
  prev: readonly AppliedOccurrence[],
  next: readonly AppliedOccurrence[],
  chosen: Chosen | null,
  now: number,
): AppliedOccurrence[] {
  if (chosen === null || chosen.moments.length === 0) return [];
  const still = new Set(next.map((o) => o.key));
  return prev.filter((o) => {
    if (still.has(o.key) || now < o.end) return false;
    const occurrence = occurrenceOfKey(o.key);
    return occurrence !== null && isChosen(chosen, occurrence);
  });
}

/** How far back a week's answer still counts as this week's (a week and a day's slack). */
const LOOK_BACK_DAYS = 8;

/**
 * "This week you were there for: …": the names of the chosen moments kept to their end,
 * oldest first, in the latest week the parent answered (within the last week or so).
 * Empty when that week has none yet, or the parent said "Not this week".
 */
export function lookBack(events: readonly HistoryEvent[], now: number): string[] {
  const earliest = addDays(formatDateKey(now), -LOOK_BACK_DAYS);
  let week: string | null = null;
  for (const e of events) {
    if (e.type !== 'week-answered' || e.at > now || e.detail === undefined || e.detail < earliest) continue;
    if (week === null || e.detail > week) week = e.detail;
  }
  if (week === null) return [];
  const kept = events.filter((e) => e.type === 'moment-kept' && e.detail === week && e.at <= now).sort((a, b) => a.at - b.at);
  return [...new Set(kept.map((e) => e.label))];
}
