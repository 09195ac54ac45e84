// "What matters most this week?": once a week the popup leads with this card. Up to three
// of the week's own family times, ticked, and one written fresh with a day and time (the
// worker makes it a one-off block). "Not this week" answers it too, in one click. The
// worker decides when to ask (core/weeklyChoice.ts) and never asks twice the same week.
import { useState } from 'preact/hooks';
import type { WeeklyView } from '../../messages';
import type { MomentRef } from '../../core/weeklyShape';
import { NAME_MAX } from '../../core/limits';
import { t } from '../../i18n';
import { ask, failureText } from '../shared/client';

type Asking = Extract<WeeklyView, { ask: true }>;

const MAX = 3;
const keyOf = (ref: MomentRef) => ('blockId' in ref ? `block:${ref.blockId}` : `window:${ref.windowId}:${ref.date}`);

export function WeeklyCard({ view, onDone }: { view: Asking; onDone: (said: string) => void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const [fresh, setFresh] = useState({ label: '', date: view.days[0]?.date ?? '', from: '', until: '' });
  const [error, setError] = useState('');
  const writing = fresh.label.trim() !== '' || fresh.from !== '' || fresh.until !== '';

  const toggle = (key: string, on: boolean) => {
    if (on && picked.length + (writing ? 1 : 0) >= MAX) return setError(t('weeklyTooMany'));
    setError('');
    setPicked(on ? [...picked, key] : picked.filter((k) => k !== key));
  };

  const answer = async (moments: MomentRef[], withFresh: boolean, said: string) => {
    try {
      const result = await ask({ type: 'chooseMoments', week: view.week, moments, ...(withFresh ? { fresh } : {}) });
      if (result.ok) onDone(said);
      else setError(result.error);
    } catch (failure) {
      setError(failureText(failure, t('popupActionProblem')));
    }
  };

  const keep = (event: Event) => {
    event.preventDefault();
    if (picked.length === 0 && !writing) return setError(t('weeklyNothingChosen'));
    if (picked.length + (writing ? 1 : 0) > MAX) return setError(t('weeklyTooMany'));
    void answer(view.offers.filter((o) => picked.includes(keyOf(o.ref))).map((o) => o.ref), writing, t('weeklySaved'));
  };

  const field = (name: keyof typeof fresh) => ({
    id: `weekly-${name}`,
    value: fresh[name],
    onInput: (e: Event) => setFresh({ ...fresh, [name]: (e.target as HTMLInputElement).value }),
  });

  return (
    <section class="weekly" aria-labelledby="weekly-title">
      <h2 id="weekly-title">{t('weeklyTitle')}</h2>
      <p class="note">{t('weeklyIntro')}</p>
      <form onSubmit={keep} noValidate aria-describedby={error ? 'weekly-error' : undefined}>
        <fieldset>
          <legend>{t('weeklyLegend')}</legend>
          {view.offers.length === 0 && <p class="note">{t('weeklyNoneOffered')}</p>}
          {view.offers.map((o) => {
            const key = keyOf(o.ref);
            return (
              <label class="check" key={key}>
                <input type="checkbox" checked={picked.includes(key)} onChange={(e) => toggle(key, (e.target as HTMLInputElement).checked)} />
                {o.name}
              </label>
            );
          })}
        </fieldset>
        <fieldset class="fresh">
          <legend>{t('weeklyFreshLegend')}</legend>
          <label for="weekly-label">{t('weeklyFreshName')}</label>
          <input type="text" maxLength={NAME_MAX} {...field('label')} />
          <label for="weekly-date">{t('weeklyFreshDay')}</label>
          <select {...field('date')} onChange={(e) => setFresh({ ...fresh, date: (e.target as HTMLSelectElement).value })}>
            {view.days.map((d) => (
              <option key={d.date} value={d.date}>
                {d.name}
              </option>
            ))}
          </select>
          <label for="weekly-from">{t('weeklyFreshFrom')}</label>
          <input type="time" {...field('from')} />
          <label for="weekly-until">{t('weeklyFreshUntil')}</label>
          <input type="time" {...field('until')} />
        </fieldset>
        <p id="weekly-error" class="note" role="alert">
          {error}
        </p>
        <p class="row">
          <button type="submit" class="primary">
            {t('weeklyKeep')}
          </button>
          <button type="button" onClick={() => void answer([], false, t('weeklySkipped'))}>
            {t('weeklySkip')}
          </button>
        </p>
      </form>
    </section>
  );
}
