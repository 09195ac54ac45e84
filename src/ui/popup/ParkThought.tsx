// "Park a work thought": one line now, handed back when family time ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ThoughtsView } from '../../messages';
import { t } from '../../i18n';
import { ask } from '../shared/client';

export function ParkThought({ view, onChange, until }: { view: ThoughtsView; onChange: (v: ThoughtsView) => void; until: string }) {
  const [text, setText] = useState('');
  const [said, setSaid] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // The keyboard shortcut opens the popup: during family time, the cursor is ready here.
  useEffect(() => field.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const thought = text.trim();
    if (!thought) return;
    onChange(await ask({ type: 'parkThought', text: thought }));
    setText('');
    setSaid(t('thoughtParkedSaid', [until]));
  };

  return (
    <section aria-labelledby="park-title">
      <h2 id="park-title">{t('parkTitle')}</h2>
      <form class="custom" onSubmit={submit}>
        <label for="park-text" class="visually-hidden">
          {t('parkLabel')}
        </label>
        <input
          id="park-text"
          ref={field}
          type="text"
          maxLength={500}
          placeholder={t('parkPlaceholder')}
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="primary">
          {t('parkButton')}
        </button>
      </form>
      <p class="note" role="status">
        {said || (view.waiting.length ? t(view.waiting.length === 1 ? 'parkedOne' : 'parkedMany', [String(view.waiting.length), until]) : '')}
      </p>
    </section>
  );
}
