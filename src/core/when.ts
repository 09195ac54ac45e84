// A time as a sentence takes it after "until": "7:30 PM" today, "Saturday 12:00 AM" on
// another day. Languages that put an article before a time have it from their messages:
// in Spanish "las 19:30", "la 1:15" (one o'clock is singular), "el sábado a las 0:00".
import { formatDateKey } from './wallclock';
import type { Say } from './say';

export function whenWords(instant: number, now: number, lang: string, say: Say): string {
  const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' }).format(instant);
  const time = say(/^0?1\D/.test(clock) ? 'whenTimeOne' : 'whenTime', [clock]);
  if (formatDateKey(instant) === formatDateKey(now)) return time;
  return say('whenDayAndTime', [new Intl.DateTimeFormat(lang, { weekday: 'long' }).format(instant), time]);
}
