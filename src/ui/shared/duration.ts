// A length of time by the clock, for the pages that say how long a window runs.
import { formatLocale } from '../../i18n';

/** From this length on, a window's end says plainly how long it runs: an end typed before the start (a slip of AM and PM) makes ~23 hours. */
export const LONG_WINDOW_MINUTES = 20 * 60;

/** A length of time by the clock, in the browser's language: "23 hours", "20 hours, 30 minutes". */
export function durationText(minutes: number): string {
  const whole = Math.max(0, Math.round(minutes));
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return unit(rest, 'minute');
  if (rest === 0) return unit(hours, 'hour');
  return new Intl.ListFormat(formatLocale(), { style: 'long', type: 'unit' }).format([unit(hours, 'hour'), unit(rest, 'minute')]);
}
