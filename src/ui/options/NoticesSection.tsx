// Hearth's own notices and the way through: on or off, and how many minutes.
// Also where settings live (this browser's sync, or this device only, and why).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Preferences } from '../../core/settings';
import { t } from '../../i18n';
import { ask } from '../shared/client';
import { useWorkerView } from '../shared/workerView';
import { SETTINGS_CHANGED_EVENT } from './ImportExportSection';

export function NoticesSection() {
  const { view, setView, refresh, inTurn } = useWorkerView('settings');
  const [problem, setProblem] = useState('');
  const [said, setSaid] = useState('');
  const pending = useRef(0);

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener(SETTINGS_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(SETTINGS_CHANGED_EVENT, onChange);
  }, [refresh]);

  if (!view) return null;
  const prefs = view.settings.preferences;
  const save = (change: Partial<Preferences>) => {
    // Shown at once; the worker's answer is taken only when no later change is on its
    // way, so a checkbox never flickers back to what an earlier answer knew.
    pending.current += 1;
    setView((v) => v && { ...v, settings: { ...v.settings, preferences: { ...v.settings.preferences, ...change } } });
    return inTurn(async () => {
      // Only the change: the worker merges it with what is stored, so a quick second
      // change never overwrites the first.
      const result = await ask({ type: 'savePreferences', preferences: change }).finally(() => (pending.current -= 1));
      if (result.ok) {
        if (pending.current === 0) setView(result.view);
        setProblem('');
        setSaid(t('noticesSaved'));
        return true;
      }
      setProblem(result.problems.join(' '));
      if (pending.current === 0) void refresh();
      return false;
    });
  };
  const minutes = (key: 'headsUpMinutes' | 'dimWayThroughMinutes', max: number) => (typed: string) => {
    const value = Number(typed);
    if (typed.trim() !== '' && Number.isInteger(value) && value >= 1 && value <= max) return save({ [key]: value });
    setProblem(t('noticesMinutesHint', [String(max)]));
    return Promise.resolve(false);
  };

  return (
    <section aria-labelledby="notices-title">
      <h2 id="notices-title">{t('noticesTitle')}</h2>
      {view.storage.note && <p class="note">{view.storage.note}</p>}
      <div class="stack">
        <label class="check">
          <input type="checkbox" checked={prefs.headsUp} onChange={(e) => void save({ headsUp: (e.target as HTMLInputElement).checked })} />
          {t('noticesHeadsUp')}
        </label>
        <label for="heads-up-minutes">{t('noticesHeadsUpMinutes')}</label>
        <MinutesInput id="heads-up-minutes" max={60} saved={prefs.headsUpMinutes} disabled={!prefs.headsUp} onCommit={minutes('headsUpMinutes', 60)} />
        <label class="check">
          <input type="checkbox" checked={prefs.handoff} onChange={(e) => void save({ handoff: (e.target as HTMLInputElement).checked })} />
          {t('noticesHandoff')}
        </label>
        <label for="way-through-minutes">{t('noticesWayThroughMinutes')}</label>
        <MinutesInput id="way-through-minutes" max={120} saved={prefs.dimWayThroughMinutes} onCommit={minutes('dimWayThroughMinutes', 120)} />
      </div>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <p class="note" role="status">
        {said}
      </p>
    </section>
  );
}

/**
 * A number of minutes the parent types and commits on change (Tab, Enter). What they
 * type is kept as a draft until then, so an answer to another save re-rendering the
 * page can't put the old number back under their fingers.
 */
function MinutesInput(props: { id: string; max: number; saved: number; disabled?: boolean; onCommit: (typed: string) => Promise<boolean> }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      id={props.id}
      type="number"
      min={1}
      max={props.max}
      value={draft ?? String(props.saved)}
      disabled={props.disabled}
      onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
      onChange={(e) => {
        const typed = (e.target as HTMLInputElement).value;
        // Kept when refused, so the parent sees what they typed beside the sentence.
        void props.onCommit(typed).then((saved) => saved && setDraft((now) => (now === typed ? null : now)));
      }}
    />
  );
}
