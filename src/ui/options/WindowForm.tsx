// The form for adding or changing one window, shown in place (never a modal).
// Nothing is sent until every field reads well; then the worker checks the whole
// schedule again, and anything it says is shown here too.
import { useState } from 'preact/hooks';
import { isWallTime } from '../../core/wallclock';
import { newId } from '../../core/ids';
import type { BoundaryWindow, Weekday, WindowKind } from '../../core/types';
import { MONDAY_FIRST, windowMinutes } from '../../core/weekView';
import { t } from '../../i18n';
import { cancelOnEscape } from '../shared/cancelOnEscape';
import { useFocusNext } from '../shared/focusNext';
import { DayPicker, EVERY_DAY } from './DayPicker';
import { InputField, NameField, useFieldErrors, type FieldErrors } from './formFields';
import { durationText, LONG_WINDOW_MINUTES } from '../shared/duration';
import { SaveProblems } from './SaveProblems';

const KINDS: readonly { kind: WindowKind; key: string }[] = [
  { kind: 'dinner', key: 'scheduleKindDinner' },
  { kind: 'bedtime', key: 'scheduleKindBedtime' },
  { kind: 'weekend', key: 'scheduleKindWeekend' },
  { kind: 'school-run', key: 'scheduleKindSchoolRun' },
  { kind: 'connection', key: 'scheduleKindConnection' },
  { kind: 'custom', key: 'scheduleKindCustom' },
];

/** "Ends on" choices: same day, next day, two days later. */
const OFFSETS = [
  { offset: 0, key: 'scheduleEndsSameDay' },
  { offset: 1, key: 'scheduleEndsNextDay' },
  { offset: 2, key: 'scheduleEndsTwoDaysLater' },
] as const;

/** The end day a parent most likely means: the next day when the end is not after the start. */
const naturalOffset = (start: string, end: string): number => (end <= start ? 1 : 0);

type Field = 'label' | 'days' | 'start' | 'end';
type Errors = FieldErrors<Field>;

interface Props {
  /** The window being changed, or null for a new one. */
  initial: BoundaryWindow | null;
  /** Prefix for element ids, unique on the page. */
  idBase: string;
  /** Saves the window; resolves with the worker's problems, or null once saved. */
  onSave: (w: BoundaryWindow) => Promise<string[] | null>;
  /** Closes the form unsaved (its Cancel button, or Escape); focus goes back to what opened it. */
  onCancel: () => void;
}

export function WindowForm({ initial, idBase, onSave, onCancel }: Props) {
  const [label, setLabel] = useState(initial?.label ?? '');
  const [kind, setKind] = useState<WindowKind>(initial?.kind ?? 'custom');
  const [days, setDays] = useState<Weekday[]>(initial ? [...initial.days] : [...EVERY_DAY]);
  const [start, setStart] = useState(initial?.start ?? '18:00');
  const [end, setEnd] = useState(initial?.end ?? '19:00');
  // The end day follows the times by itself until the parent picks one (a stored window
  // whose end day is not the natural one counts as picked).
  const [chosenOffset, setChosenOffset] = useState<number | null>(
    initial && initial.endDayOffset !== naturalOffset(initial.start, initial.end) ? initial.endDayOffset : null,
  );
  const { errors, setErrors, clearError, bind } = useFieldErrors<Field>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const focusField = useFocusNext(`${idBase}-name`);

  const id = (part: string) => `${idBase}-${part}`;
  const times = isWallTime(start) && isWallTime(end);
  const offset = chosenOffset ?? (times ? naturalOffset(start, end) : 0);

  const check = (): Errors => {
    const found: Errors = {};
    if (label.trim() === '') found.label = t('scheduleNameMissing');
    if (days.length === 0) found.days = t('scheduleDaysMissing');
    if (!isWallTime(start)) found.start = t('scheduleStartMissing');
    if (!isWallTime(end)) found.end = t('scheduleEndMissing');
    else if (isWallTime(start) && offset === 0 && end === start) found.end = t('scheduleSameTime');
    else if (isWallTime(start) && offset === 0 && end < start) found.end = t('scheduleEndsBefore');
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found = check();
    setErrors(found);
    setProblems([]);
    const first = (['label', 'days', 'start', 'end'] as const).find((f) => found[f]);
    if (first) {
      focusField.current = first === 'label' ? id('name') : first === 'days' ? id(`day-${MONDAY_FIRST[0]}`) : id(first);
      return;
    }
    const w: BoundaryWindow = {
      id: initial?.id ?? newId('window'),
      label: label.trim(),
      kind,
      days: EVERY_DAY.filter((d) => days.includes(d)),
      start,
      end,
      endDayOffset: offset,
      paused: initial?.paused ?? false,
    };
    setBusy(true);
    try {
      const answer = await onSave(w);
      if (answer) {
        setProblems(answer);
        focusField.current = id('problems');
      }
    } finally {
      setBusy(false);
    }
  };

  const toggleDay = (day: Weekday) => {
    setDays((now) => (now.includes(day) ? now.filter((d) => d !== day) : [...now, day]));
    clearError('days');
  };
  const setAll = (chosen: readonly Weekday[]) => {
    setDays([...chosen]);
    clearError('days');
  };

  // A long window says how long it runs, gently and without holding anything up: an end
  // time typed before the start (18:00 to 17:00) reads "This runs 23 hours, into the next day".
  const length = times ? windowMinutes({ start, end, endDayOffset: offset }) : null;
  const endNote =
    length !== null && length > LONG_WINDOW_MINUTES
      ? t(offset === 1 ? 'scheduleLongNextDayNote' : offset === 2 ? 'scheduleLongTwoDaysNote' : 'scheduleLongSameDayNote', [
          durationText(length),
        ])
      : offset === 1
        ? t('scheduleEndsNextDayNote')
        : offset === 2
          ? t('scheduleEndsTwoDaysLaterNote')
          : '';
  const titleId = id('title');

  return (
    <form class="window-form" aria-labelledby={titleId} onSubmit={submit} onKeyDown={cancelOnEscape(onCancel)} noValidate>
      <h4 id={titleId}>{initial ? t('scheduleEditTitle', [initial.label]) : t('scheduleAddTitle')}</h4>

      <NameField id={id('name')} placeholder={t('scheduleFormNamePlaceholder')} {...bind('label', label, setLabel)} />

      <div class="form-field">
        <label for={id('kind')}>{t('scheduleFormKind')}</label>
        <select
          id={id('kind')}
          value={kind}
          onChange={(e) => setKind(KINDS.find((k) => k.kind === (e.target as HTMLSelectElement).value)?.kind ?? 'custom')}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {t(k.key)}
            </option>
          ))}
        </select>
      </div>

      <DayPicker id={id} days={days} error={errors.days} onToggle={toggleDay} onSetAll={setAll} />

      <div class="form-times">
        <InputField id={id('start')} type="time" label={t('scheduleFormStart')} {...bind('start', start, setStart, 'end')} />
        <InputField id={id('end')} type="time" label={t('scheduleFormEnd')} note={endNote} {...bind('end', end, setEnd)} />
        <div class="form-field">
          <label for={id('ends-on')}>{t('scheduleFormEndsOn')}</label>
          <select
            id={id('ends-on')}
            value={String(offset)}
            onChange={(e) => {
              const picked = Number((e.target as HTMLSelectElement).value);
              // Back to following the times when the pick is what they say anyway.
              setChosenOffset(times && picked === naturalOffset(start, end) ? null : picked);
              clearError('end');
            }}
          >
            {OFFSETS.map((o) => (
              <option key={o.offset} value={String(o.offset)}>
                {t(o.key)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <SaveProblems id={id('problems')} problems={problems} />

      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>
          {t('scheduleSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('scheduleCancel')}
        </button>
      </div>
    </form>
  );
}
