// How the welcome page puts times, days and lists into words, in the browser's
// language and clock style: "6:00 pm", "Sunday to Thursday", "Jira and Confluence".
import type { BoundaryWindow, Weekday } from '../../core/types';
import { formatLocale, t } from '../../i18n';


/**
 * "Jira and Confluence", "Saturday and Sunday". The joining word belongs to the sentence
 * around it, so it follows the translation's language ("Jira y Confluence" among Spanish
 * words), not the browser's, which can differ (a language Hearth has no translation for).
 */
export function listWords(items: readonly string[]): string {
  try {
    return new Intl.ListFormat(t('htmlLang'), { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** "6:00 pm" (or "18:00") for "18:00", in the browser's language and clock style. */
export function wallTimeWords(time: string): string {
  const [h, m] = time.split(':').map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return time;
  return new Intl.DateTimeFormat(formatLocale(), { hour: 'numeric', minute: '2-digit' }).format(new Date(2000, 0, 1, h, m));
}

/** "Sunday": 1 January 2023 was a Sunday. */
function weekdayName(day: number): string {
  return new Intl.DateTimeFormat(formatLocale(), { weekday: 'long' }).format(new Date(2023, 0, 1 + day));
}

/** "every day", "weekdays", "Sunday to Thursday", "Saturday and Sunday", "Monday". */
export function daysWords(days: readonly Weekday[]): string {
  const set = new Set(days);
  if (set.size === 7) return t('onboardingEveryDay');
  if (set.size === 5 && [1, 2, 3, 4, 5].every((d) => set.has(d as Weekday))) return t('onboardingWeekdays');
  // One unbroken run of three or more days (Friday to Sunday wraps round the week).
  const starts = [...set].filter((d) => !set.has(((d + 6) % 7) as Weekday));
  const first = starts[0];
  if (starts.length === 1 && first !== undefined && set.size >= 3) {
    return t('onboardingDayRange', [weekdayName(first), weekdayName((first + set.size - 1) % 7)]);
  }
  // Monday first, as a week is usually read.
  const ordered = [...set].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return listWords(ordered.map(weekdayName));
}

/** "every day, 6:00 pm to 7:30 pm"; "all of Saturday and Sunday". */
export function whenWords(w: BoundaryWindow): string {
  const days = daysWords(w.days);
  const start = wallTimeWords(w.start);
  const end = wallTimeWords(w.end);
  const weekendDays = w.days.length === 1 && w.days[0] === 6;
  if (weekendDays && w.start === '00:00' && w.end === '00:00' && w.endDayOffset === 2) {
    return t('onboardingWholeWeekend');
  }
  if (w.endDayOffset === 0) return t('onboardingWhen', [days, start, end]);
  if (w.endDayOffset === 1) return t('onboardingWhenNextDay', [days, start, end]);
  return t('onboardingWhenLater', [days, start, end, String(w.endDayOffset)]);
}
