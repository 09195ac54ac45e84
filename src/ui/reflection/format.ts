// The reflection page's words: durations, days and facts, in the browser's language.
// No components here, so every sentence the page says can be checked in a unit test.
//
// Durations are put into words by durationWords (src/core/reflection.ts):
// none · "less than a minute" (under 30 s) · whole minutes under an hour ·
// hours and minutes to the nearest 5 under 10 hours · whole hours from 10 hours.
import { durationWords, type DayTotal, type ReflectionFact } from '../../core/reflection';
import { addDays, formatDateKey } from '../../core/wallclock';
import { formatTime, formatWeekday, formatLocale, t } from '../../i18n';


/** 1234 → "1,234"; `maxFraction` digits after the point at most. */
export function formatNumber(n: number, maxFraction = 0): string {
  return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: maxFraction }).format(n);
}

/** "1 minute", "45 minutes". */
export function minutesText(minutes: number): string {
  return minutes === 1 ? t('reflectionOneMinute') : t('reflectionMinutes', [formatNumber(minutes)]);
}

/** "3 minutes", "1 hour 30 minutes", "41 hours"; "less than a minute"; 0 is "no family time". */
export function formatDuration(hours: number): string {
  const words = durationWords(hours);
  switch (words.kind) {
    case 'none':
      return t('reflectionNoTime');
    case 'under-minute':
      return t('reflectionUnderMinute');
    case 'minutes':
      return minutesText(words.minutes);
    case 'hours': {
      const h = words.hours === 1 ? t('reflectionOneHour') : t('reflectionHours', [formatNumber(words.hours)]);
      return words.minutes === 0 ? h : t('reflectionHoursAndMinutes', [h, minutesText(words.minutes)]);
    }
  }
}

/** The short figure over a bar ("45 min", "1.5 h"); the bar's own label has the full words. */
export function shortDuration(hours: number): string {
  const words = durationWords(hours);
  if (words.kind === 'none') return '';
  if (words.kind === 'under-minute') return t('reflectionShortUnderMinute');
  if (words.kind === 'minutes') return t('reflectionShortMinutes', [formatNumber(words.minutes)]);
  return t('reflectionShortHours', [formatNumber(hours, 1)]);
}

/** A line of the chart's scale: "0 h", "1.5 h". */
export function axisHours(hours: number): string {
  return t('reflectionAxisHours', [formatNumber(hours, 1)]);
}

/** "Wednesday, March 12" */
function longDate(instant: number): string {
  return new Intl.DateTimeFormat(formatLocale(), { weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}

/** "Today, Wednesday, March 12" or "Tuesday, March 11". */
export function dayName(day: DayTotal, now: number): string {
  const date = longDate(day.start);
  return day.date === formatDateKey(now) ? t('reflectionTodayDate', [date]) : date;
}

/** Under a bar: the short weekday ("Wed") or the short date ("Mar 12") of the day starting at `start`. */
export function chartDayLabel(kind: 'weekday' | 'date', start: number): string {
  const options: Intl.DateTimeFormatOptions = kind === 'weekday' ? { weekday: 'short' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(formatLocale(), options).format(start);
}

/** "today", "yesterday", "on Monday" within the week, else "on March 3". */
export function dayPhrase(at: number, now: number): string {
  const day = formatDateKey(at);
  const today = formatDateKey(now);
  if (day === today) return t('reflectionToday');
  if (day === addDays(today, -1)) return t('reflectionYesterday');
  if (day >= addDays(today, -6)) return t('reflectionOnDay', [formatWeekday(at)]);
  return t('reflectionOnDay', [new Intl.DateTimeFormat(formatLocale(), { day: 'numeric', month: 'long' }).format(at)]);
}

/** A way through or an early ending as one plain sentence; a way through says how long it really lasted. */
export function factSentence(fact: ReflectionFact, now: number): string {
  const day = dayPhrase(fact.at, now);
  if (fact.kind === 'ended-early') return t('reflectionFactEndedEarly', [fact.label, day, formatTime(fact.at)]);
  if (fact.minutes === undefined) return t('reflectionFactWayThroughOpen', [fact.label, day]);
  const lasted = fact.minutes === 0 ? t('reflectionUnderMinute') : minutesText(fact.minutes);
  return t(fact.open ? 'reflectionFactWayThroughSoFar' : 'reflectionFactWayThrough', [fact.label, lasted, day]);
}

/** The page's first line: the family time kept this week. */
export function weekLead(hours: number): string {
  const words = durationWords(hours);
  if (words.kind === 'none') return t('reflectionWeekLeadNone');
  if (words.kind === 'under-minute') return t('reflectionWeekLeadUnderMinute');
  return t('reflectionWeekLead', [formatDuration(hours)]);
}

/** The line under it: this month's. */
export function monthLine(hours: number): string {
  return durationWords(hours).kind === 'none' ? t('reflectionMonthLineNone') : t('reflectionMonthLine', [formatDuration(hours)]);
}
