// The welcome back after family time: what was parked, handed back gently.
import { useEffect, useState } from 'preact/hooks';
import type { ThoughtsView } from '../../messages';
import { t } from '../../i18n';
import { ask } from '../shared/client';
import { HandedBack } from '../shared/Thoughts';

export function Handoff() {
  const [view, setView] = useState<ThoughtsView | null>(null);
  /** Whether anything was waiting when the page opened (not after the parent handled it all). */
  const [hadAny, setHadAny] = useState(false);
  useEffect(() => {
    document.title = t('welcomeBackTitle');
    void ask({ type: 'thoughts' }).then((v) => {
      setView(v);
      setHadAny(v.handedBack.length > 0);
    });
  }, []);
  return (
    <main>
      <h1>{t('welcomeBackTitle')}</h1>
      <p>{t('handoffIntro')}</p>
      {view && !hadAny && <p class="note">{t('handoffNothing')}</p>}
      {view && <HandedBack view={view} onChange={setView} />}
    </main>
  );
}
