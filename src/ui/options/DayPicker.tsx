// The window form's days: one toggle per weekday, Monday first, and quick choices for
// every day, weekdays and weekends. The whole group is described by its error sentence,
// and so is each toggle, since a screen reader may land on one directly.
import type { Weekday } from '../../core/types';
import { MONDAY_FIRST } from '../../core/weekView';
import { t } from '../../i18n';
import { describedBy, FieldError } from './formFields';
import { weekdayName, weekdayShort } from './scheduleText';

export const EVERY_DAY: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];
const WEEKENDS: readonly Weekday[] = [0, 6];

interface Props {
  /** Element ids: `id('days-label')`, `id('day-1')`, … */
  id: (part: string) => string;
  days: readonly Weekday[];
  error: string | undefined;
  onToggle: (day: Weekday) => void;
  onSetAll: (days: readonly Weekday[]) => void;
}

export function DayPicker({ id, days, error, onToggle, onSetAll }: Props) {
  const errorId = id('days-error');
  return (
    <div class="form-field" role="group" aria-labelledby={id('days-label')} aria-describedby={describedBy(error && errorId)}>
      <p id={id('days-label')} class="group-label">
        {t('scheduleFormDays')}
      </p>
      <div class="day-chips">
        {MONDAY_FIRST.map((day) => (
          <button
            type="button"
            key={day}
            id={id(`day-${day}`)}
            class="day-chip"
            aria-pressed={days.includes(day) ? 'true' : 'false'}
            aria-describedby={describedBy(error && errorId)}
            onClick={() => onToggle(day)}
          >
            <span aria-hidden="true">{weekdayShort(day)}</span>
            <span class="visually-hidden">{weekdayName(day)}</span>
          </button>
        ))}
      </div>
      <div class="day-quick">
        <button type="button" class="link" onClick={() => onSetAll(EVERY_DAY)}>
          {t('scheduleEveryDay')}
        </button>
        <button type="button" class="link" onClick={() => onSetAll(WEEKDAYS)}>
          {t('scheduleWeekdays')}
        </button>
        <button type="button" class="link" onClick={() => onSetAll(WEEKENDS)}>
          {t('scheduleWeekends')}
        </button>
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  );
}
