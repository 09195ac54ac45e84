// Plain words for the schedule editor: times of day, weekdays and dates in the
// browser's own language, and the pieces describeWindow puts together.
import type { Weekday } from '../../core/types';
import { occasionWord, type ScheduleWords } from '../../core/windowSummary';
import { addDays, formatDateKey } from '../../core/wallclock';
import { formatTime, formatLocale, t } from '../../i18n';

const DAY = 86_400_000;

// Calendar values are formatted in UTC from UTC instants, so no zone or DST can shift them.
const utcFormat = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(formatLocale(), { ...options, timeZone: 'UTC' });
const utcDate = (dateKey: string): number => Date.parse(`${dateKey}T00:00:00Z`);
/** 1 January 2023 was a Sunday. */
const utcWeekday = (day: Weekday): number => Date.UTC(2023, 0, 1 + day);

/** Minutes from midnight → "6:00 pm", in the same style as formatTime. */
export function minutesText(minutes: number): string {
  return utcFormat({ hour: 'numeric', minute: '2-digit' }).format(minutes * 60_000);
}

/** 0 → "Sunday" */
export function weekdayName(day: Weekday): string {
  return utcFormat({ weekday: 'long' }).format(utcWeekday(day));
}

/** 0 → "Sun" */
export function weekdayShort(day: Weekday): string {
  return utcFormat({ weekday: 'short' }).format(utcWeekday(day));
}

/** "2026-06-13" → "Saturday, June 13" */
export function dateText(dateKey: string): string {
  return utcFormat({ weekday: 'long', month: 'long', day: 'numeric' }).format(utcDate(dateKey));
}

/** The day of `dateKey` as a parent says it: "Wednesday" within the coming week, else "Saturday, June 13". */
export function dayText(dateKey: string, now: number): string {
  const today = formatDateKey(now);
  const near = dateKey >= addDays(today, -6) && dateKey <= addDays(today, 6);
  return near ? utcFormat({ weekday: 'long' }).format(utcDate(dateKey)) : dateText(dateKey);
}

/** An instant as a parent reads it: "6:00 pm" today, "Thursday 6:00 pm" this coming week, else with its date. */
export function whenText(instant: number, now: number): string {
  const key = formatDateKey(instant);
  if (key === formatDateKey(now)) return formatTime(instant);
  return t('dayAndTime', [dayText(key, now), formatTime(instant)]);
}

export function timeRange(from: string, to: string): string {
  return t('scheduleTimeRange', [from, to]);
}

export function scheduleWords(): ScheduleWords {
  const list = new Intl.ListFormat(formatLocale(), { style: 'long', type: 'conjunction' });
  return {
    weekday: weekdayName,
    time: minutesText,
    everyDay: t('scheduleEveryDay'),
    weekdays: t('scheduleWeekdays'),
    weekends: t('scheduleWeekends'),
    dayRange: (first, last) => t('scheduleDayRange', [first, last]),
    dayList: (days) => list.format(days),
    timeRange,
    nextDay: (time) => t('scheduleNextDay', [time]),
    daysLater: (time, days) => (days === 2 ? t('scheduleTwoDaysLater', [time]) : t('scheduleDaysLater', [time, String(days)])),
    dayAndTime: (day, time) => t('dayAndTime', [day, time]),
  };
}

/**
 * A stretch of real time in plain words: "6:00 pm – 7:30 pm", "10:00 pm – 6:30 am next day",
 * or "10:00 pm – Monday 2:00 am" when it ends later still.
 */
export function spanText(start: number, end: number): string {
  const startKey = formatDateKey(start);
  const endKey = formatDateKey(end);
  const to = formatTime(end);
  if (endKey === startKey) return timeRange(formatTime(start), to);
  // Ending exactly at midnight reads better as "12:00 am next day" than as the next date.
  if (endKey === addDays(startKey, 1)) return timeRange(formatTime(start), t('scheduleNextDay', [to]));
  const endDay = end - start < 6 * DAY ? dayText(endKey, start) : dateText(endKey);
  return timeRange(formatTime(start), t('dayAndTime', [endDay, to]));
}

export type Occasion = ReturnType<typeof occasionWord>;

/** The skip button's words for an occurrence: "Skip tonight", "Skip today", "Skip this one", "Skip the next one". */
export function skipButtonText(occasion: Occasion): string {
  return t(
    { tonight: 'scheduleSkipTonight', today: 'scheduleSkipToday', running: 'scheduleSkipThisOne', later: 'scheduleSkipNext' }[occasion],
  );
}

/**
 * The skip button's accessible name: its visible words, then the window's name, so each
 * window's button is told apart: "Skip tonight: Dinner", "Skip the next one: Weekend".
 */
export function skipButtonLabel(occasion: Occasion, name: string): string {
  return t(
    {
      tonight: 'scheduleSkipTonightFor',
      today: 'scheduleSkipTodayFor',
      running: 'scheduleSkipThisOneFor',
      later: 'scheduleSkipNextFor',
    }[occasion],
    [name],
  );
}

/** "Skipped tonight", "Skipped today", "Skipped on Wednesday". */
export function skippedText(occasion: Occasion, date: string, now: number): string {
  if (occasion === 'tonight') return t('scheduleSkippedTonight');
  if (occasion === 'today') return t('scheduleSkippedToday');
  return t('scheduleSkippedOn', [dayText(date, now)]);
}

/** Announced after a skip: "Skipped tonight's Dinner." */
export function skippedAnnouncement(occasion: Occasion, name: string, date: string, now: number): string {
  if (occasion === 'tonight') return t('scheduleSkippedTonightDone', [name]);
  if (occasion === 'today') return t('scheduleSkippedTodayDone', [name]);
  if (occasion === 'running') return t('scheduleSkippedThisDone', [name]);
  return t('scheduleSkippedOnDone', [name, dayText(date, now)]);
}

/** Announced after a skip is undone: "Dinner is back on for tonight." */
export function unskippedAnnouncement(occasion: Occasion, name: string, date: string, now: number): string {
  if (occasion === 'tonight') return t('scheduleUnskippedTonightDone', [name]);
  if (occasion === 'today') return t('scheduleUnskippedTodayDone', [name]);
  return t('scheduleUnskippedOnDone', [name, dayText(date, now)]);
}
