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
import { InputField, NameField, useFieldErrors, type FieldErrors } from './formFields';
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
  const { setErrors, bind } = useFieldErrors<BlockField>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const focusField = useFocusNext();

  const startMinutes = parseWallTime(start);
  const endMinutes = parseWallTime(end);
  const nextDay = startMinutes !== null && endMinutes !== null && endMinutes <= startMinutes;
  const endNote = nextDay && t('scheduleEndsNextDayNote');

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
      <NameField id="block-name" placeholder={t('scheduleBlockNamePlaceholder')} {...bind('label', label, setLabel)} />
      <div class="form-times">
        <InputField id="block-date" type="date" label={t('scheduleBlockDate')} {...bind('date', date, setDate, 'end')} />
        <InputField id="block-start" type="time" label={t('scheduleFormStart')} {...bind('start', start, setStart, 'end')} />
        <InputField id="block-end" type="time" label={t('scheduleFormEnd')} note={endNote} {...bind('end', end, setEnd)} />
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
