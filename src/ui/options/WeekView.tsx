// This week at a glance: one row per day, Monday to Sunday, with a bar for each
// stretch of family time placed by the clock. The rows are a list and each bar
// carries its own words, so a screen reader hears the same week as a sighted parent sees.
import type { Schedule } from '../../core/types';
import { weekStartOf, weekView, type WeekSegment } from '../../core/weekView';
import { formatDateKey } from '../../core/wallclock';
import { formatTime, t } from '../../i18n';
import { minutesText, timeRange, weekdayName } from './scheduleText';

const DAY_MINUTES = 1440;
const TICKS = [0, 360, 720, 1080];

/** A piece's time in words: "6:00 pm – 7:30 pm", "from 10:00 pm", "until 6:30 am", "all day". */
function pieceTime(g: WeekSegment): string {
  switch (g.shape) {
    case 'all-day':
      return t('scheduleAllDay');
    case 'until':
      return t('scheduleUntilTime', [formatTime(g.end)]);
    case 'from':
      return t('scheduleFromTime', [formatTime(g.start)]);
    case 'range':
      return timeRange(formatTime(g.start), formatTime(g.end));
  }
}

const pct = (minutes: number): string => `${((minutes / DAY_MINUTES) * 100).toFixed(3)}%`;

export function WeekView({ schedule, now }: { schedule: Schedule; now: number }) {
  const today = formatDateKey(now);
  const week = weekView(schedule, weekStartOf(today));
  const nowMinutes = new Date(now).getHours() * 60 + new Date(now).getMinutes();

  return (
    <div class="week">
      <div class="week-axis" aria-hidden="true">
        {TICKS.map((m) => (
          <span key={m} style={{ left: pct(m) }}>
            {minutesText(m)}
          </span>
        ))}
      </div>
      <ol class="week-days" aria-labelledby="schedule-week-title">
        {week.days.map((day) => {
          const dayId = `week-day-${day.date}`;
          const isToday = day.date === today;
          return (
            <li key={day.date} class={isToday ? 'week-day today' : 'week-day'} aria-current={isToday ? 'date' : undefined}>
              <p class="week-day-name" id={dayId}>
                {weekdayName(day.weekday)}
                {isToday && <span class="today-tag"> {t('scheduleWeekToday')}</span>}
              </p>
              <div class="week-track" style={{ '--lanes': String(Math.max(1, day.lanes)) }}>
                {TICKS.slice(1).map((m) => (
                  <span key={m} class="week-tick" aria-hidden="true" style={{ left: pct(m) }} />
                ))}
                {isToday && <span class="week-now" aria-hidden="true" style={{ left: pct(nowMinutes) }} />}
                {day.segments.length > 0 ? (
                  <ul class="week-bars" aria-labelledby={dayId}>
                    {day.segments.map((g) => {
                      const time = pieceTime(g);
                      const skipped = g.skipped ? ` ${t('scheduleSkippedTag')}` : '';
                      return (
                        <li
                          key={`${g.source}-${g.id}-${g.date}`}
                          class={`week-bar kind-${g.kind}${g.skipped ? ' skipped' : ''}`}
                          title={`${g.label}, ${time}${skipped}`}
                          style={{ left: pct(g.fromMinute), width: pct(g.toMinute - g.fromMinute), '--lane': String(g.lane) }}
                        >
                          <span class="week-bar-label">{g.label}</span>
                          <span class="visually-hidden">, {time}</span>
                          {g.skipped && <span class="week-bar-skipped">{skipped}</span>}
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p class="week-free">{t('scheduleWeekNothing')}</p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
