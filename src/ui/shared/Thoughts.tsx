// Parked thoughts handed back after family time: gently, one line each, with
// done, copy and clear. Shown in the popup and on the welcome-back page.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ParkedThought } from '../../core/records';
import type { ThoughtsView } from '../../messages';
import { t } from '../../i18n';
import { ask } from './client';

/** A long thought, shortened for its buttons' names (the whole of it is read once, in the list). */
const named = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

export function HandedBack({ view, onChange }: { view: ThoughtsView; onChange: (v: ThoughtsView) => void }) {
  const [said, setSaid] = useState('');
  /** Where focus goes after a thought leaves the list: the one now in its place, or the heading. */
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusAt === null) return;
    const items = list.current?.querySelectorAll('li');
    const item = items?.[Math.min(focusAt, items.length - 1)];
    (item?.querySelector('button') ?? heading.current)?.focus();
    setFocusAt(null);
  }, [focusAt]);

  // Nothing handed back, and nothing just handled here: nothing to show.
  if (view.handedBack.length === 0 && !said) return null;
  const act = async (thought: ParkedThought, index: number, action: 'done' | 'clear') => {
    onChange(await ask({ type: 'thoughtAction', id: thought.id, action }));
    setSaid(t(action === 'done' ? 'thoughtDoneSaid' : 'thoughtClearedSaid'));
    setFocusAt(index);
  };
  const copy = async (thought: ParkedThought) => {
    await navigator.clipboard.writeText(thought.text);
    setSaid(t('thoughtCopiedSaid'));
  };
  return (
    <section class="thoughts" aria-labelledby="thoughts-title">
      <h2 id="thoughts-title" ref={heading} tabIndex={-1}>
        {t('thoughtsBackTitle')}
      </h2>
      {view.handedBack.length > 0 ? (
        <ul ref={list}>
          {view.handedBack.map((thought, index) => (
            <li key={thought.id}>
              <p class="thought">{thought.text}</p>
              <div class="row">
                <button type="button" onClick={() => act(thought, index, 'done')} aria-label={t('thoughtDoneLabel', [named(thought.text)])}>
                  {t('thoughtDone')}
                </button>
                <button type="button" onClick={() => copy(thought)} aria-label={t('thoughtCopyLabel', [named(thought.text)])}>
                  {t('thoughtCopy')}
                </button>
                <button type="button" onClick={() => act(thought, index, 'clear')} aria-label={t('thoughtClearLabel', [named(thought.text)])}>
                  {t('thoughtClear')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('thoughtsAllHandled')}</p>
      )}
      <p class="note" role="status">
        {said}
      </p>
    </section>
  );
}
