// Parked thoughts handed back after family time: gently, one line each, with
// done, copy and clear. Shown in the popup and on the welcome-back page.
import { useState } from 'preact/hooks';
import type { ParkedThought } from '../../background/db';
import type { ThoughtsView } from '../../messages';
import { t } from '../../i18n';
import { ask } from './client';

export function HandedBack({ view, onChange }: { view: ThoughtsView; onChange: (v: ThoughtsView) => void }) {
  const [said, setSaid] = useState('');
  if (view.handedBack.length === 0) return null;
  const act = async (thought: ParkedThought, action: 'done' | 'clear') => {
    onChange(await ask({ type: 'thoughtAction', id: thought.id, action }));
    setSaid(t(action === 'done' ? 'thoughtDoneSaid' : 'thoughtClearedSaid'));
  };
  const copy = async (thought: ParkedThought) => {
    await navigator.clipboard.writeText(thought.text);
    setSaid(t('thoughtCopiedSaid'));
  };
  return (
    <section class="thoughts" aria-labelledby="thoughts-title">
      <h2 id="thoughts-title">{t('thoughtsBackTitle')}</h2>
      <ul>
        {view.handedBack.map((thought) => (
          <li key={thought.id}>
            <p class="thought">{thought.text}</p>
            <div class="row">
              <button type="button" onClick={() => act(thought, 'done')} aria-label={t('thoughtDoneLabel', [thought.text])}>
                {t('thoughtDone')}
              </button>
              <button type="button" onClick={() => copy(thought)} aria-label={t('thoughtCopyLabel', [thought.text])}>
                {t('thoughtCopy')}
              </button>
              <button type="button" onClick={() => act(thought, 'clear')} aria-label={t('thoughtClearLabel', [thought.text])}>
                {t('thoughtClear')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <p class="note" role="status">
        {said}
      </p>
    </section>
  );
}
