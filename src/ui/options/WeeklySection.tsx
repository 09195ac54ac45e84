// "What matters this week": whether the popup asks each week which few moments matter
// most, and on which day and at what time (core/weeklyChoice.ts). Saved as it changes.
import { useEffect, useState } from 'preact/hooks';
import type { WeeklyChoice } from '../../core/weeklyShape';
import { formatWeekday, t } from '../../i18n';
import { ask, failureText } from '../shared/client';
import { useWorkerView } from '../shared/workerView';
import { SETTINGS_CHANGED_EVENT } from './ImportExportSection';
import { SaveOutcome } from './SaveOutcome';

/** Sunday 4 January 1970 (UTC noon, the same weekday in every zone) and the six days after: weekday names in the browser's language. */
const dayName = (day: number) => formatWeekday(Date.UTC(1970, 0, 4 + day, 12));

export function WeeklySection() {
  const { view, setView, refresh, inTurn } = useWorkerView('settings');
  const [said, setSaid] = useState('');
  const [problem, setProblem] = useState('');

  useEffect(() => {
    void refresh();
    const onChange = () => void refresh();
    window.addEventListener(SETTINGS_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(SETTINGS_CHANGED_EVENT, onChange);
  }, [refresh]);

  if (!view) return null;
  const choice = view.settings.weeklyChoice;
  const save = (change: Partial<WeeklyChoice>) => {
    const next = { ...choice, ...change };
    setView((v) => v && { ...v, settings: { ...v.settings, weeklyChoice: next } });
    void inTurn(async () => {
      try {
        const result = await ask({ type: 'saveWeeklyChoice', choice: next });
        setProblem(result.ok ? '' : result.problems.join(' '));
        setSaid(result.ok ? t('noticesSaved') : '');
        if (result.ok) return;
      } catch (error) {
        setProblem(failureText(error, t('noticesActionProblem')));
      }
      // Not saved: show what is.
      void refresh();
    });
  };

  return (
    <section aria-labelledby="weekly-title">
      <h2 id="weekly-title">{t('weeklySectionTitle')}</h2>
      <p class="note">{t('weeklySectionNote')}</p>
      <div class="stack">
        <label class="check">
          <input type="checkbox" checked={choice.on} onChange={(e) => save({ on: (e.target as HTMLInputElement).checked })} />
          {t('weeklyAskSwitch')}
        </label>
        <label for="weekly-day">{t('weeklyAskDay')}</label>
        <select id="weekly-day" value={String(choice.day)} disabled={!choice.on} onChange={(e) => save({ day: Number((e.target as HTMLSelectElement).value) as WeeklyChoice['day'] })}>
          {[0, 1, 2, 3, 4, 5, 6].map((day) => (
            <option key={day} value={String(day)}>
              {dayName(day)}
            </option>
          ))}
        </select>
        <label for="weekly-time">{t('weeklyAskTime')}</label>
        <input
          id="weekly-time"
          type="time"
          value={choice.time}
          disabled={!choice.on}
          onChange={(e) => {
            const time = (e.target as HTMLInputElement).value;
            if (time) save({ time });
          }}
        />
      </div>
      <SaveOutcome problem={problem} said={said} />
    </section>
  );
}
