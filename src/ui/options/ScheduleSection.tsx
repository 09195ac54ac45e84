// Family time: the recurring windows, one-off times and this week at a glance.
// This file holds the section's state and the changes it sends; each window's row
// (WindowItem), the one-off times (BlockList, BlockForm) and the week (WeekView) are drawn
// in their own files.
//
// Every change is made to the schedule as stored right now (asked for again just
// before saving, so a focus block started from the popup meanwhile is kept), and the
// worker saves the whole schedule or nothing. Calls go one after another, so answers
// land in the order asked.
import { useEffect, useState } from 'preact/hooks';
import type { BoundaryWindow, OneOffBlock, Schedule } from '../../core/types';
import { describeWindow } from '../../core/windowSummary';
import { t } from '../../i18n';
import type { SaveResult } from '../../messages';
import { LiveRegion, useAnnouncement } from '../shared/announcement';
import { ask, failureText } from '../shared/client';
import { useFocusNext, type FocusMove } from '../shared/focusNext';
import { useWorkerView } from '../shared/workerView';
import { BlockForm } from './BlockForm';
import { BlockList } from './BlockList';
import { LoadedList, type ListWords } from './LoadedList';
import { scheduleWords } from './scheduleText';
import { WeekView } from './WeekView';
import { WindowForm } from './WindowForm';
import { WindowItem } from './WindowItem';

const LIST_TITLE_ID = 'schedule-list-title';
const listWords = (): ListWords => ({ title: t('scheduleListTitle'), empty: t('scheduleEmpty'), loadProblem: t('scheduleLoadProblem') });
const ADD_BUTTON_ID = 'schedule-add-window';
const BLOCKS_TITLE_ID = 'schedule-blocks-title';
/** How often the page moves on with the clock ("tonight", the week's "now" line). */
const TICK_MS = 30_000;

type FormState = { mode: 'add' } | { mode: 'edit'; id: string } | null;

export function ScheduleSection() {
  const { view, setView, loadProblem, inTurn, refresh } = useWorkerView('settings');
  const [now, setNow] = useState(() => Date.now());
  const [form, setForm] = useState<FormState>(null);
  const [announcement, setAnnouncement] = useAnnouncement();

  const focusMove = useFocusNext();

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

  const problemText = (error?: unknown) => failureText(error, t('scheduleActionProblem'));
  const oops = (error?: unknown) => setAnnouncement(problemText(error));

  /** Applies `edit` to the schedule as stored now and saves the whole of it. */
  const change = (edit: (s: Schedule) => Schedule): Promise<SaveResult> =>
    inTurn(async () => {
      const fresh = await ask({ type: 'settings' });
      const result = await ask({ type: 'saveSchedule', schedule: edit(fresh.settings.schedule) });
      setView(result.ok ? result.view : fresh);
      setNow(Date.now());
      return result;
    });

  /** For the forms: the worker's problems (or what went wrong) in plain words, or null once saved. */
  const formChange = async (edit: (s: Schedule) => Schedule): Promise<string[] | null> => {
    try {
      const result = await change(edit);
      return result.ok ? null : result.problems;
    } catch (error) {
      return [problemText(error)];
    }
  };

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
    const problems = await formChange((s) => ({
      ...s,
      windows: s.windows.some((x) => x.id === w.id) ? s.windows.map((x) => (x.id === w.id ? w : x)) : [...s.windows, w],
    }));
    if (problems) return problems;
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
    const problems = await formChange((s) => ({ ...s, blocks: [...s.blocks, b] }));
    if (problems) return problems;
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

      <LoadedList titleId={LIST_TITLE_ID} listClass="window-list" words={listWords()} items={schedule?.windows} loadProblem={loadProblem}>
        {(w) => (
          <WindowItem
            key={w.id}
            w={w}
            // A window is listed only once the schedule has loaded.
            schedule={schedule!}
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
        )}
      </LoadedList>

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
      {schedule && <BlockList blocks={blocks} titleId={BLOCKS_TITLE_ID} onDelete={deleteBlock} />}
      {schedule && <BlockForm now={now} onAdd={addBlock} />}

      <h3 id="schedule-week-title">{t('scheduleWeekTitle')}</h3>
      {schedule && <WeekView schedule={schedule} now={now} />}

      <LiveRegion said={announcement} class="note announcement" />
    </section>
  );
}
