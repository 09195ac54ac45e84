// Hearth's own notices and the way through: on or off, and how many minutes.
// Also where settings live (this browser's sync, or this device only, and why).
import { useEffect, useState } from 'preact/hooks';
import type { Preferences } from '../../core/settings';
import { t } from '../../i18n';
import { ask } from '../shared/client';
import { useWorkerView } from '../shared/workerView';
import { SETTINGS_CHANGED_EVENT } from './ImportExportSection';

export function NoticesSection() {
  const { view, setView, refresh, inTurn } = useWorkerView('settings');
  const [problem, setProblem] = useState('');
  const [said, setSaid] = useState('');

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener(SETTINGS_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(SETTINGS_CHANGED_EVENT, onChange);
  }, [refresh]);

  if (!view) return null;
  const prefs = view.settings.preferences;
  const save = (change: Partial<Preferences>) =>
    inTurn(async () => {
      const result = await ask({ type: 'savePreferences', preferences: { ...prefs, ...change } });
      if (result.ok) {
        setView(result.view);
        setProblem('');
        setSaid(t('noticesSaved'));
      } else {
        setProblem(result.problems.join(' '));
      }
    });
  const minutes = (key: 'headsUpMinutes' | 'dimWayThroughMinutes', max: number) => (e: Event) => {
    const value = Number((e.target as HTMLInputElement).value);
    if (Number.isInteger(value) && value >= 1 && value <= max) void save({ [key]: value });
    else setProblem(t('noticesMinutesHint', [String(max)]));
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
        <input
          id="heads-up-minutes"
          type="number"
          min={1}
          max={60}
          value={prefs.headsUpMinutes}
          disabled={!prefs.headsUp}
          onChange={minutes('headsUpMinutes', 60)}
        />
        <label class="check">
          <input type="checkbox" checked={prefs.handoff} onChange={(e) => void save({ handoff: (e.target as HTMLInputElement).checked })} />
          {t('noticesHandoff')}
        </label>
        <label for="way-through-minutes">{t('noticesWayThroughMinutes')}</label>
        <input id="way-through-minutes" type="number" min={1} max={120} value={prefs.dimWayThroughMinutes} onChange={minutes('dimWayThroughMinutes', 120)} />
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
