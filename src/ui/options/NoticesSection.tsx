// Hearth's own notices and the way through: on or off, and how many minutes.
// Also where settings live (this browser's sync, or this device only, and why).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAnnouncement } from '../shared/announcement';
import { PREFERENCE_MINUTES, type Preferences } from '../../core/settings/schema';
import { t } from '../../i18n';
import { ask, failureText } from '../shared/client';
import { useWorkerView } from '../shared/workerView';
import { SETTINGS_CHANGED_EVENT } from './ImportExportSection';
import { SaveOutcome } from './SaveOutcome';

export function NoticesSection() {
  const { view, setView, refresh, inTurn } = useWorkerView('settings');
  const [problem, setProblem] = useState('');
  const [said, announce] = useAnnouncement();
  /** Changes sent and not yet answered: until they are, no answer may undo what the page shows. */
  const pending = useRef(0);
  const idle = () => pending.current === 0;

  useEffect(() => {
    void refresh(idle);
    const onChange = () => void refresh(idle);
    window.addEventListener(SETTINGS_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(SETTINGS_CHANGED_EVENT, onChange);
  }, [refresh]);

  if (!view) return null;
  const prefs = view.settings.preferences;
  /** Shown at once; resolves true once the worker has saved it. */
  const save = (change: Partial<Preferences>): Promise<boolean> => {
    pending.current += 1;
    setView((v) => v && { ...v, settings: { ...v.settings, preferences: { ...v.settings.preferences, ...change } } });
    return inTurn(async () => {
      try {
        // Only the change: the worker merges it with what is stored, so a quick second
        // change never overwrites the first.
        const result = await ask({ type: 'savePreferences', preferences: change });
        pending.current -= 1;
        if (result.ok) {
          if (idle()) setView(result.view);
          setProblem('');
          announce(t('noticesSaved'));
          return true;
        }
        setProblem(result.problems.join(' '));
      } catch (error) {
        pending.current -= 1;
        setProblem(failureText(error, t('noticesActionProblem')));
      }
      // Not saved: show what is.
      if (idle()) void refresh(idle);
      return false;
    });
  };
  /** A minutes field's bounds (the schema's), saved number, and saving. */
  const minutes = (key: keyof typeof PREFERENCE_MINUTES) => ({
    max: PREFERENCE_MINUTES[key].max,
    saved: prefs[key],
    onSave: (value: number) => save({ [key]: value }),
  });

  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t('noticesTitle')}</h2>
      {view.storage.note && <p class="note">{view.storage.note}</p>}
      <div class="stack">
        <Switch label={t('noticesHeadsUp')} checked={prefs.headsUp} onSave={(headsUp) => save({ headsUp })} />
        <MinutesField id="heads-up-minutes" label={t('noticesHeadsUpMinutes')} {...minutes('headsUpMinutes')} disabled={!prefs.headsUp} />
        <Switch label={t('noticesHandoff')} checked={prefs.handoff} onSave={(handoff) => save({ handoff })} />
        <MinutesField id="way-through-minutes" label={t('noticesWayThroughMinutes')} {...minutes('dimWayThroughMinutes')} />
      </div>
      <SaveOutcome problem={problem} said={said} />
    </section>
  );
}

/** A preference that is on or off, saved as soon as it changes. */
function Switch(props: { label: string; checked: boolean; onSave: (on: boolean) => Promise<boolean> }) {
  return (
    <label class="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => void props.onSave((e.target as HTMLInputElement).checked)} />
      {props.label}
    </label>
  );
}

/**
 * A number of minutes, saved on change (Tab, Enter). What the parent types stays as
 * typed until it is saved, so an answer to another change re-rendering the page
 * can't put the old number back under their fingers; a number out of range stays
 * too, with its sentence beside it, until they mend it or leave it (Escape).
 */
function MinutesField(props: { id: string; label: string; max: number; saved: number; disabled?: boolean; onSave: (minutes: number) => Promise<boolean> }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const errorId = `${props.id}-error`;
  const commit = (typed: string) => {
    const value = Number(typed);
    if (typed.trim() === '' || !Number.isInteger(value) || value < 1 || value > props.max) {
      setError(true);
      return;
    }
    setError(false);
    void props.onSave(value).then(() => setDraft((now) => (now === typed ? null : now)));
  };
  const leave = () => {
    setDraft(null);
    setError(false);
  };
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={1}
        max={props.max}
        value={draft ?? String(props.saved)}
        disabled={props.disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
        onChange={(e) => commit((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => e.key === 'Escape' && error && leave()}
      />
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {t('noticesMinutesHint', [String(props.max)])}
        </p>
      )}
    </>
  );
}
