// Family time: the recurring windows, one-off times and this week at a glance.
//
// Every change is made to the schedule as stored right now (asked for again just
// before saving, so a focus block started from the popup meanwhile is kept), and the
// worker saves the whole schedule or nothing. Calls go one after another, so answers
// land in the order asked.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { newId } from '../../core/ids';
import type { BoundaryWindow, OneOffBlock, Schedule } from '../../core/types';
import { describeWindow, occasionWord, occasionsOf } from '../../core/weekView';
import { addDays, formatDateKey, isDateKey, isWallTime, parseWallTime, wallInstant } from '../../core/wallclock';
import { t } from '../../i18n';
import type { SaveResult } from '../../messages';
import { ask, failureText } from '../shared/client';
import { useWorkerView } from '../shared/workerView';
import {
  dateText,
  scheduleWords,
  skipButtonLabel,
  skipButtonText,
  skippedAnnouncement,
  skippedText,
  spanText,
  unskippedAnnouncement,
  whenText,
} from './scheduleText';
import { SaveProblems } from './SaveProblems';
import { WeekView } from './WeekView';
import { WindowForm } from './WindowForm';

const LIST_TITLE_ID = 'schedule-list-title';
const ADD_BUTTON_ID = 'schedule-add-window';
const BLOCKS_TITLE_ID = 'schedule-blocks-title';
/** How often the page moves on with the clock ("tonight", the week's "now" line). */
const TICK_MS = 30_000;

type FormState = { mode: 'add' } | { mode: 'edit'; id: string } | null;

/** Where focus goes after the next render. With `ifLost`, only when focus went away with that element (or is nowhere). */
interface FocusMove {
  to: string;
  fallback?: string;
  ifLost?: string;
}

export function ScheduleSection() {
  const { view, setView, loadProblem, inTurn, refresh } = useWorkerView('settings');
  const [now, setNow] = useState(() => Date.now());
  const [form, setForm] = useState<FormState>(null);
  const [announcement, setAnnouncement] = useState('');

  const focusMove = useRef<FocusMove | null>(null);

  useEffect(() => {
    void refresh();
    // Another section (an import, say) changed the settings.
    const onChange = () => void refresh();
    window.addEventListener('hearth:settings-changed', onChange);
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => {
      window.removeEventListener('hearth:settings-changed', onChange);
      clearInterval(timer);
    };
  }, [refresh]);

  useLayoutEffect(() => {
    const move = focusMove.current;
    if (!move) return;
    focusMove.current = null;
    const active = document.activeElement;
    if (move.ifLost !== undefined && active && active !== document.body && active.id !== move.ifLost && active.isConnected) return;
    (document.getElementById(move.to) ?? (move.fallback ? document.getElementById(move.fallback) : null))?.focus();
  });

  const oops = (error?: unknown) => setAnnouncement(failureText(error, t('scheduleActionProblem')));

  /** Applies `edit` to the schedule as stored now and saves the whole of it. */
  const change = (edit: (s: Schedule) => Schedule): Promise<SaveResult> =>
    inTurn(async () => {
      const fresh = await ask({ type: 'settings' });
      const result = await ask({ type: 'saveSchedule', schedule: edit(fresh.settings.schedule) });
      setView(result.ok ? result.view : fresh);
      setNow(Date.now());
      return result;
    });

  /** For one-click changes: announce `done`, or the worker's problems in plain words. */
  const quickChange = (edit: (s: Schedule) => Schedule, done: string, focus?: FocusMove) => {
    void change(edit)
      .then((result) => {
        if (result.ok) {
          if (focus) focusMove.current = focus;
          setAnnouncement(done);
        } else {
          setAnnouncement(t('scheduleNotSaved', [result.problems.join(' ')]));
        }
      })
      .catch(oops);
  };

  const schedule = view?.settings.schedule ?? null;

  // --- windows -------------------------------------------------------------

  const saveWindow = async (w: BoundaryWindow): Promise<string[] | null> => {
    const adding = form?.mode === 'add';
    try {
      const result = await change((s) => ({
        ...s,
        windows: s.windows.some((x) => x.id === w.id) ? s.windows.map((x) => (x.id === w.id ? w : x)) : [...s.windows, w],
      }));
      if (!result.ok) return result.problems;
    } catch (error) {
      return [failureText(error, t('scheduleActionProblem'))];
    }
    setForm(null);
    focusMove.current = { to: adding ? ADD_BUTTON_ID : `edit-${w.id}`, fallback: LIST_TITLE_ID };
    // The times in words, so an end typed before the start ("6:00 PM – 5:00 PM next day") shows at once.
    setAnnouncement(t('scheduleSavedWithTime', [w.label, describeWindow(w, scheduleWords()).time]));
    return null;
  };

  const closeForm = () => {
    const current = form;
    setForm(null);
    focusMove.current = {
      to: current?.mode === 'edit' ? `edit-${current.id}` : ADD_BUTTON_ID,
      fallback: LIST_TITLE_ID,
    };
  };

  const setPaused = (w: BoundaryWindow, paused: boolean) =>
    quickChange(
      (s) => ({ ...s, windows: s.windows.map((x) => (x.id === w.id ? { ...x, paused } : x)) }),
      t(paused ? 'schedulePausedDone' : 'scheduleResumedDone', [w.label]),
      { to: `pause-${w.id}` },
    );

  const deleteWindow = (w: BoundaryWindow) => {
    const windows = schedule?.windows ?? [];
    const index = windows.findIndex((x) => x.id === w.id);
    const neighbour = windows[index + 1] ?? windows[index - 1];
    if (form?.mode === 'edit' && form.id === w.id) setForm(null);
    quickChange(
      // Its skips go with it.
      (s) => ({ ...s, windows: s.windows.filter((x) => x.id !== w.id), skips: s.skips.filter((k) => k.windowId !== w.id) }),
      t('scheduleDeletedDone', [w.label]),
      { to: neighbour ? `edit-${neighbour.id}` : LIST_TITLE_ID, fallback: LIST_TITLE_ID, ifLost: `delete-${w.id}` },
    );
  };

  const setSkip = (w: BoundaryWindow, date: string, skipped: boolean, announcement: string) => {
    void inTurn(() => ask({ type: 'skip', windowId: w.id, date, skipped }))
      .then((result) => {
        setView(result);
        setNow(Date.now());
        const stored = result.settings.schedule.skips.some((k) => k.windowId === w.id && k.date === date);
        if (stored !== skipped) {
          oops();
          return;
        }
        // The button pressed is gone: on to its counterpart for the same occurrence.
        focusMove.current = skipped
          ? { to: `undo-${w.id}-${date}`, fallback: `skip-${w.id}`, ifLost: `skip-${w.id}` }
          : { to: `skip-${w.id}`, fallback: `edit-${w.id}`, ifLost: `undo-${w.id}-${date}` };
        setAnnouncement(announcement);
      })
      .catch(oops);
  };

  // --- one-off blocks --------------------------------------------------------

  const addBlock = async (b: OneOffBlock): Promise<string[] | null> => {
    try {
      const result = await change((s) => ({ ...s, blocks: [...s.blocks, b] }));
      if (!result.ok) return result.problems;
    } catch (error) {
      return [failureText(error, t('scheduleActionProblem'))];
    }
    setAnnouncement(t('scheduleBlockAddedDone', [b.label]));
    return null;
  };

  const deleteBlock = (b: OneOffBlock, neighbour: OneOffBlock | undefined) =>
    quickChange((s) => ({ ...s, blocks: s.blocks.filter((x) => x.id !== b.id) }), t('scheduleDeletedDone', [b.label]), {
      to: neighbour ? `delete-block-${neighbour.id}` : BLOCKS_TITLE_ID,
      fallback: BLOCKS_TITLE_ID,
      ifLost: `delete-block-${b.id}`,
    });

  // --- page ------------------------------------------------------------------

  const words = scheduleWords();
  const blocks = (schedule?.blocks ?? []).filter((b) => b.end > now).sort((a, b) => a.start - b.start || a.end - b.end);

  return (
    <section class="schedule" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('scheduleTitle')}</h2>
      <p>{t('scheduleIntro')}</p>

      <h3 id={LIST_TITLE_ID} tabIndex={-1}>
        {t('scheduleListTitle')}
      </h3>
      {schedule ? (
        schedule.windows.length > 0 ? (
          <ul class="window-list" aria-labelledby={LIST_TITLE_ID}>
            {schedule.windows.map((w) => (
              <WindowItem
                key={w.id}
                w={w}
                schedule={schedule}
                now={now}
                words={words}
                editing={form?.mode === 'edit' && form.id === w.id}
                onEdit={() => setForm({ mode: 'edit', id: w.id })}
                onPause={() => setPaused(w, !w.paused)}
                onDelete={() => deleteWindow(w)}
                onSkip={setSkip}
                onSave={saveWindow}
                onCancel={closeForm}
              />
            ))}
          </ul>
        ) : (
          <p class="empty">{t('scheduleEmpty')}</p>
        )
      ) : loadProblem ? (
        <p role="alert">{t('scheduleLoadProblem')}</p>
      ) : (
        <p aria-busy="true">{t('loading')}</p>
      )}

      {schedule &&
        (form?.mode === 'add' ? (
          <WindowForm initial={null} idBase="window-new" onSave={saveWindow} onCancel={closeForm} />
        ) : (
          <button type="button" id={ADD_BUTTON_ID} onClick={() => setForm({ mode: 'add' })}>
            {t('scheduleAddButton')}
          </button>
        ))}

      <h3 id={BLOCKS_TITLE_ID} tabIndex={-1}>
        {t('scheduleBlocksTitle')}
      </h3>
      <p>{t('scheduleBlocksIntro')}</p>
      {schedule &&
        (blocks.length > 0 ? (
          <ul class="block-list" aria-labelledby={BLOCKS_TITLE_ID}>
            {blocks.map((b, i) => (
              <li key={b.id} class="block-item" aria-labelledby={`block-name-${b.id}`}>
                <p class="window-line">
                  <span class="window-name" id={`block-name-${b.id}`}>
                    {b.label}
                  </span>
                  <span class="sep" aria-hidden="true">
                    {' · '}
                  </span>
                  <span class="visually-hidden">, </span>
                  <span>{dateText(formatDateKey(b.start))}</span>
                  <span class="sep" aria-hidden="true">
                    {' · '}
                  </span>
                  <span class="visually-hidden">, </span>
                  <span>{spanText(b.start, b.end)}</span>
                </p>
                <div class="window-controls">
                  <button
                    type="button"
                    id={`delete-block-${b.id}`}
                    aria-label={t('scheduleDeleteBlock', [b.label])}
                    onClick={() => deleteBlock(b, blocks[i + 1] ?? blocks[i - 1])}
                  >
                    {t('scheduleDelete', [b.label])}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('scheduleBlocksEmpty')}</p>
        ))}
      {schedule && <BlockForm now={now} onAdd={addBlock} />}

      <h3 id="schedule-week-title">{t('scheduleWeekTitle')}</h3>
      {schedule && <WeekView schedule={schedule} now={now} />}

      <p class="note announcement" role="status">
        {announcement}
      </p>
    </section>
  );
}

// ---------------------------------------------------------------------------

interface WindowItemProps {
  w: BoundaryWindow;
  schedule: Schedule;
  now: number;
  words: ReturnType<typeof scheduleWords>;
  editing: boolean;
  onEdit: () => void;
  onPause: () => void;
  onDelete: () => void;
  onSkip: (w: BoundaryWindow, date: string, skipped: boolean, announcement: string) => void;
  onSave: (w: BoundaryWindow) => Promise<string[] | null>;
  onCancel: () => void;
}

function WindowItem({ w, schedule, now, words, editing, onEdit, onPause, onDelete, onSkip, onSave, onCancel }: WindowItemProps) {
  const nameId = `window-name-${w.id}`;
  const described = describeWindow(w, words);
  const { next, skipped } = occasionsOf(schedule, w.id, now);

  return (
    <li class={w.paused ? 'window-item paused' : 'window-item'} aria-labelledby={nameId}>
      <p class="window-line">
        <span class="window-name" id={nameId}>
          {w.label}
        </span>
        <span class="sep" aria-hidden="true">
          {' · '}
        </span>
        <span class="visually-hidden">, </span>
        <span>{described.days}</span>
        <span class="sep" aria-hidden="true">
          {' · '}
        </span>
        <span class="visually-hidden">, </span>
        <span>{described.time}</span>
      </p>

      {w.paused ? (
        <p class="note">{t('schedulePausedNote')}</p>
      ) : (
        <>
          {skipped.map((o) => {
            const occasion = occasionWord(o, now);
            const textId = `skipped-${w.id}-${o.date}`;
            return (
              <div class="skip-line" key={o.date}>
                <p class="skipped-note" id={textId}>
                  {skippedText(occasion, o.date, now)}
                </p>
                <button
                  type="button"
                  id={`undo-${w.id}-${o.date}`}
                  aria-label={t('scheduleUndoSkipFor', [w.label])}
                  aria-describedby={textId}
                  onClick={() => onSkip(w, o.date, false, unskippedAnnouncement(occasion, w.label, o.date, now))}
                >
                  {t('scheduleUndoSkip')}
                </button>
              </div>
            );
          })}
          {next && (
            <div class="skip-line">
              <p class="note" id={`next-${w.id}`}>
                {next.start <= now
                  ? t('scheduleOnNow', [whenText(next.end, now)])
                  : t('scheduleNextAt', [whenText(next.start, now)])}
              </p>
              {!editing && (
                <button
                  type="button"
                  id={`skip-${w.id}`}
                  aria-label={skipButtonLabel(occasionWord(next, now), w.label)}
                  aria-describedby={`next-${w.id}`}
                  onClick={() => {
                    const occasion = occasionWord(next, now);
                    onSkip(w, next.date, true, skippedAnnouncement(occasion, w.label, next.date, now));
                  }}
                >
                  {skipButtonText(occasionWord(next, now))}
                </button>
              )}
            </div>
          )}
        </>
      )}

      {editing ? (
        <WindowForm initial={w} idBase={`window-edit-${w.id}`} onSave={onSave} onCancel={onCancel} />
      ) : (
        <div class="window-controls">
          <button type="button" id={`edit-${w.id}`} onClick={onEdit}>
            {t('scheduleEdit', [w.label])}
          </button>
          <button type="button" id={`pause-${w.id}`} onClick={onPause}>
            {t(w.paused ? 'scheduleResume' : 'schedulePause', [w.label])}
          </button>
          <button type="button" id={`delete-${w.id}`} onClick={onDelete}>
            {t('scheduleDelete', [w.label])}
          </button>
        </div>
      )}
    </li>
  );
}

// ---------------------------------------------------------------------------

type BlockField = 'label' | 'date' | 'start' | 'end';

/** "Add a one-off time": a name, a date, and start and end times (an end not after the start means the next day). */
function BlockForm({ now, onAdd }: { now: number; onAdd: (b: OneOffBlock) => Promise<string[] | null> }) {
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(() => formatDateKey(now));
  const [start, setStart] = useState('18:00');
  const [end, setEnd] = useState('21:00');
  const [errors, setErrors] = useState<Partial<Record<BlockField, string>>>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const focusField = useRef<string | null>(null);

  useLayoutEffect(() => {
    const target = focusField.current;
    if (!target) return;
    focusField.current = null;
    document.getElementById(target)?.focus();
  });

  const startMinutes = parseWallTime(start);
  const endMinutes = parseWallTime(end);
  const nextDay = startMinutes !== null && endMinutes !== null && endMinutes <= startMinutes;

  const clearError = (field: BlockField) => {
    if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<BlockField, string>> = {};
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
      focusField.current = { label: 'block-name', date: 'block-date', start: 'block-start', end: 'block-end' }[first ?? 'label'];
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
        focusField.current = 'block-name';
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (id: string, error: string | undefined, extra?: string | false) => ({
    id,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': [error && `${id}-error`, extra].filter(Boolean).join(' ') || undefined,
  });

  return (
    <form class="block-form" aria-labelledby="block-form-title" onSubmit={submit} noValidate>
      <h4 id="block-form-title">{t('scheduleBlockAddTitle')}</h4>
      <div class="form-field">
        <label for="block-name">{t('scheduleFormName')}</label>
        <input
          {...field('block-name', errors.label)}
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
        {errors.label && (
          <p id="block-name-error" class="field-error">
            {errors.label}
          </p>
        )}
      </div>
      <div class="form-times">
        <div class="form-field">
          <label for="block-date">{t('scheduleBlockDate')}</label>
          <input
            {...field('block-date', errors.date)}
            type="date"
            value={date}
            onInput={(e) => {
              setDate((e.target as HTMLInputElement).value);
              clearError('date');
              clearError('end');
            }}
          />
          {errors.date && (
            <p id="block-date-error" class="field-error">
              {errors.date}
            </p>
          )}
        </div>
        <div class="form-field">
          <label for="block-start">{t('scheduleFormStart')}</label>
          <input
            {...field('block-start', errors.start)}
            type="time"
            value={start}
            onInput={(e) => {
              setStart((e.target as HTMLInputElement).value);
              clearError('start');
              clearError('end');
            }}
          />
          {errors.start && (
            <p id="block-start-error" class="field-error">
              {errors.start}
            </p>
          )}
        </div>
        <div class="form-field">
          <label for="block-end">{t('scheduleFormEnd')}</label>
          <input
            {...field('block-end', errors.end, nextDay && 'block-end-note')}
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
          {errors.end && (
            <p id="block-end-error" class="field-error">
              {errors.end}
            </p>
          )}
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
