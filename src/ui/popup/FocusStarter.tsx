import { useState } from 'preact/hooks';
import { t } from '../../i18n';

const PRESETS = [15, 30, 60] as const;
const MAX_MINUTES = 12 * 60;

export function FocusStarter({ onStart }: { onStart: (minutes: number) => void }) {
  const [custom, setCustom] = useState('');
  const [error, setError] = useState('');

  const submit = (event: Event) => {
    event.preventDefault();
    const minutes = Number(custom);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) {
      setError(t('customMinutesHint', [String(MAX_MINUTES)]));
      return;
    }
    setError('');
    setCustom('');
    onStart(minutes);
  };

  return (
    <section aria-labelledby="focus-title">
      <h2 id="focus-title">{t('focusTitle')}</h2>
      <p class="note">{t('focusIntro')}</p>
      <div class="chips" role="group" aria-label={t('focusLengths')}>
        {PRESETS.map((m) => (
          <button type="button" key={m} onClick={() => onStart(m)}>
            {t('minutesButton', [String(m)])}
          </button>
        ))}
      </div>
      <form class="custom" onSubmit={submit} noValidate>
        <label for="custom-minutes">{t('customMinutesLabel')}</label>
        <input
          id="custom-minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_MINUTES}
          value={custom}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'custom-error' : undefined}
          onInput={(e) => setCustom((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="primary">
          {t('startButton')}
        </button>
        {error && (
          <p id="custom-error" class="note" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
