// "Add a one-off time": a name, a date, and start and end times (an end not after the
// start means the next day). Nothing is sent until every field reads well; then the
// worker checks the whole schedule again, and anything it says is shown here too.
import { useState } from 'preact/hooks';
import { isDateKey, isWallTime } from '../../core/wallclock';
import { newId } from '../../core/ids';
import type { OneOffBlock } from '../../core/types';
import { addDays, formatDateKey, parseWallTime, wallInstant } from '../../core/wallclock';
import { t } from '../../i18n';
import { useFocusNext } from '../shared/focusNext';
import { errorAria, FieldError, useFieldErrors, type FieldErrors } from './formFields';
import { SaveProblems } from './SaveProblems';

type BlockField = 'label' | 'date' | 'start' | 'end';

const FIELD_IDS: Record<BlockField, string> = { label: 'block-name', date: 'block-date', start: 'block-start', end: 'block-end' };

interface Props {
  /** Today, for the date the form starts with. */
  now: number;
  /** Adds the block; resolves with the worker's problems, or null once saved. */
  onAdd: (b: OneOffBlock) => Promise<string[] | null>;
}

export function BlockForm({ now, onAdd }: Props) {
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(() => formatDateKey(now));
  const [start, setStart] = useState('18:00');
  const [end, setEnd] = useState('21:00');
  const { errors, setErrors, clearError } = useFieldErrors<BlockField>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const focusField = useFocusNext();

  const startMinutes = parseWallTime(start);
  const endMinutes = parseWallTime(end);
  const nextDay = startMinutes !== null && endMinutes !== null && endMinutes <= startMinutes;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found: FieldErrors<BlockField> = {};
    if (label.trim() === '') found.label = t('scheduleBlockNameMissing');
    if (!isDateKey(date)) found.date = t('scheduleBlockDateMissing');
    if (!isWallTime(start) || startMinutes === null) found.start = t('scheduleStartMissing');
    if (!isWallTime(end) || endMinutes === null) found.end = t('scheduleEndMissing');
    let block: OneOffBlock | null = null;
    if (Object.keys(found).length === 0 && startMinutes !== null && endMinutes !== null) {
      const from = wallInstant(date, startMinutes);
      const to = wallInstant(nextDay ? addDays(date, 1) : date, endMinutes);
      if (to <= Date.now()) found.end = t('scheduleBlockPast');
      else if (to <= from) found.end = t('scheduleBlockNoTime');
      else block = { id: newId('block'), label: label.trim(), start: from, end: to };
    }
    setErrors(found);
    setProblems([]);
    const first = (['label', 'date', 'start', 'end'] as const).find((f) => found[f]);
    if (first || !block) {
      focusField.current = FIELD_IDS[first ?? 'label'];
      return;
    }
    setBusy(true);
    try {
      const answer = await onAdd(block);
      if (answer) {
        setProblems(answer);
        focusField.current = 'block-problems';
      } else {
        setLabel('');
        focusField.current = FIELD_IDS.label;
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="block-form" aria-labelledby="block-form-title" onSubmit={submit} noValidate>
      <h4 id="block-form-title">{t('scheduleBlockAddTitle')}</h4>
      <div class="form-field">
        <label for="block-name">{t('scheduleFormName')}</label>
        <input
          id="block-name"
          {...errorAria(errors.label, 'block-name-error')}
          type="text"
          maxLength={60}
          autoComplete="off"
          placeholder={t('scheduleBlockNamePlaceholder')}
          value={label}
          onInput={(e) => {
            setLabel((e.target as HTMLInputElement).value);
            clearError('label');
          }}
        />
        <FieldError id="block-name-error" error={errors.label} />
      </div>
      <div class="form-times">
        <div class="form-field">
          <label for="block-date">{t('scheduleBlockDate')}</label>
          <input
            id="block-date"
            {...errorAria(errors.date, 'block-date-error')}
            type="date"
            value={date}
            onInput={(e) => {
              setDate((e.target as HTMLInputElement).value);
              clearError('date', 'end');
            }}
          />
          <FieldError id="block-date-error" error={errors.date} />
        </div>
        <div class="form-field">
          <label for="block-start">{t('scheduleFormStart')}</label>
          <input
            id="block-start"
            {...errorAria(errors.start, 'block-start-error')}
            type="time"
            value={start}
            onInput={(e) => {
              setStart((e.target as HTMLInputElement).value);
              clearError('start', 'end');
            }}
          />
          <FieldError id="block-start-error" error={errors.start} />
        </div>
        <div class="form-field">
          <label for="block-end">{t('scheduleFormEnd')}</label>
          <input
            id="block-end"
            {...errorAria(errors.end, 'block-end-error', nextDay && 'block-end-note')}
            type="time"
            value={end}
            onInput={(e) => {
              setEnd((e.target as HTMLInputElement).value);
              clearError('end');
            }}
          />
          {nextDay && (
            <p id="block-end-note" class="note end-note">
              {t('scheduleEndsNextDayNote')}
            </p>
          )}
          <FieldError id="block-end-error" error={errors.end} />
        </div>
      </div>
      <SaveProblems id="block-problems" problems={problems} />
      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>
          {t('scheduleBlockAddButton')}
        </button>
      </div>
    </form>
  );
}
