// Looking back on the week's chosen moments, without a score: the ones kept to their end
// (history's 'moment-kept' rows, noted as each ran its whole course: keptChosen in
// weeklyChoice.ts). One skipped or ended early is simply not listed, and nothing anywhere
// counts it. Pure; `now` is passed in. Apart from weeklyChoice.ts, so the reflection page
// does not carry the schedule engine.
import type { HistoryEvent } from './records';
import { addDays, formatDateKey } from './wallclock';

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
