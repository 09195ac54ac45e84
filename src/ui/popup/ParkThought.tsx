// "Park a work thought": one line now, handed back when family time ends. Outside
// family time too (the heads-up invites it): it waits until the next one is over.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ThoughtsView } from '../../messages';
import { t } from '../../i18n';
import { ask } from '../shared/client';

/** Until when a parked thought waits: a time during family time, a window's name ("Dinner") before it. */
export type Waits = { until: string } | { after: string };

export function ParkThought({
  view,
  onChange,
  waits,
  focusFirst = false,
}: {
  view: ThoughtsView;
  onChange: (v: ThoughtsView) => void;
  waits: Waits;
  /** The popup opened during family time: the cursor starts here. */
  focusFirst?: boolean;
}) {
  const [text, setText] = useState('');
  const [said, setSaid] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // The keyboard shortcut opens the popup: during family time, the cursor is ready here.
  const during = 'until' in waits;
  useEffect(() => {
    if (focusFirst) field.current?.focus();
  }, [focusFirst]);
  // What was said after parking holds only while the wait it named does (a block made longer changes it).
  const waitsFor = 'until' in waits ? waits.until : waits.after;
  useEffect(() => setSaid(''), [waitsFor]);
  const count = view.waiting.length;
  const waiting = during
    ? t(count === 1 ? 'parkedOne' : 'parkedMany', [String(count), waits.until])
    : t(count === 1 ? 'parkedOneNext' : 'parkedManyNext', [String(count), waits.after]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const thought = text.trim();
    if (!thought) {
      setSaid(t('parkEmpty'));
      field.current?.focus();
      return;
    }
    try {
      onChange(await ask({ type: 'parkThought', text: thought }));
    } catch {
      // The words stay in the field: nothing the parent typed is lost.
      setSaid(t('thoughtNotSaved'));
      field.current?.focus();
      return;
    }
    setText('');
    setSaid(during ? t('thoughtParkedSaid', [waits.until]) : t('thoughtParkedSaidNext', [waits.after]));
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
        {said || (count ? waiting : '')}
      </p>
    </section>
  );
}
