// Forgetting old "not tonight" skips, so stored settings do not grow day by day.

import { addDays, isDateKey } from '../wallclock';
import type { Settings } from './schema';

/**
 * Drops "not tonight" skips dated more than 2 days before `todayKey` ("YYYY-MM-DD"):
 * a skip for today, yesterday or the day before is kept (an overnight or weekend
 * occurrence may still be running). Pure: returns the same object when nothing is
 * dropped, or when `todayKey` is not a real date.
 */
export function pruneSkips(settings: Settings, todayKey: string): Settings {
  if (!isDateKey(todayKey)) return settings;
  const cutoff = addDays(todayKey, -2);
  const skips = settings.schedule.skips.filter((skip) => skip.date >= cutoff);
  if (skips.length === settings.schedule.skips.length) return settings;
  return { ...settings, schedule: { ...settings.schedule, skips } };
}
