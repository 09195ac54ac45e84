// "What matters this week": whether the popup asks each week which few moments matter
// most, and on which day and at what time (core/weeklyChoice.ts). Saved as it changes.
import type { WeeklyChoice } from '../../core/weeklyShape';
import { t } from '../../i18n';
import { weekdayName } from './scheduleText';
import { ask } from '../shared/client';
import { SaveOutcome } from './SaveOutcome';
import { useSettingsPart } from './useSettingsPart';


export function WeeklySection() {
  const { settings, save: saveSettings, said, problem } = useSettingsPart();
  if (!settings) return null;
  const choice = settings.weeklyChoice;
  const save = (change: Partial<WeeklyChoice>) => {
    // Made on the view as it is now (its update runs at once), not as this render saw it.
    let next: WeeklyChoice = { ...choice, ...change };
    saveSettings(
      (s) => ({ ...s, weeklyChoice: (next = { ...s.weeklyChoice, ...change }) }),
      () => ask({ type: 'saveWeeklyChoice', choice: next }),
    );
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
          {([0, 1, 2, 3, 4, 5, 6] as const).map((day) => (
            <option key={day} value={String(day)}>
              {weekdayName(day)}
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
