// "7:30 pm" today, "Saturday 12:00 am" on another day: times a parent reads at a glance.
import { formatDateKey } from '../../core/wallclock';
import { formatTime, formatWeekday, t } from '../../i18n';

export function formatWhen(instant: number, now: number): string {
  if (formatDateKey(instant) === formatDateKey(now)) return formatTime(instant);
  return t('dayAndTime', [formatWeekday(instant), formatTime(instant)]);
}
