// The calm page: the dim overlay (in a frame over the work page) and the
// set-aside page (in place of it). It says when the site will be back and
// offers a gentle way through; nothing here judges.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CalmView } from '../../messages';
import { t } from '../../i18n';
import { ask } from '../shared/client';
import { formatWhen } from '../shared/when';

interface Props {
  mode: 'dim' | 'aside';
  siteId: string;
  /** set aside: the address the parent was going to */
  original: string;
}

const isWebAddress = (url: string) => /^https?:\/\//.test(url);

export function Calm({ mode, siteId, original }: Props) {
  const [view, setView] = useState<CalmView | null>(null);

  useEffect(() => {
    const load = () => ask({ type: 'calm', siteId }).then(setView);
    void load();
    // When family time ends, a set-aside page goes back to where the parent was going.
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [siteId]);

  useEffect(() => {
    if (!view) return;
    const done = view.until === null || view.passUntil !== null;
    if (mode === 'aside' && done && isWebAddress(original)) location.replace(original);
    if (view.until === null) return;
    const timer = setTimeout(() => ask({ type: 'calm', siteId }).then(setView), Math.max(500, view.until - Date.now() + 500));
    return () => clearTimeout(timer);
  }, [view, mode, original, siteId]);

  const goThrough = async () => setView(await ask({ type: 'wayThrough', siteId }));

  const name = view?.name || t('calmThisSite');
  useEffect(() => {
    document.title = mode === 'aside' ? t('calmPageTitle', [name]) : t('calmFrameTitle');
  }, [mode, name]);
  // Over a work page, the overlay takes the keyboard (the page behind is inert). Focus
  // rests on the heading, not the way through: a parent mid-sentence when family time
  // begins shouldn't go through by their next keystroke. Tab reaches it.
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = view !== null;
  useEffect(() => {
    if (mode !== 'dim' || !shown) return;
    heading.current?.focus();
    // Focus coming back to the overlay (after the page's own dialog, say) lands here too.
    const back = () => document.activeElement === document.body && heading.current?.focus();
    addEventListener('focus', back);
    return () => removeEventListener('focus', back);
  }, [mode, shown]);

  if (!view) return null;
  return (
    <main class="calm">
      <section class="card" aria-labelledby="calm-title">
        <h1 id="calm-title" ref={heading} tabIndex={-1}>
          {t('calmTitle')}
        </h1>
        <p>
          {view.until !== null ? t('calmUntil', [name, formatWhen(view.until, Date.now())]) : t('calmOver', [name])}
        </p>
        {view.until !== null && view.passUntil === null && (
          <button type="button" class="primary" onClick={goThrough}>
            {view.wayThroughMinutes === 1 ? t('calmWayThroughOne') : t('calmWayThrough', [String(view.wayThroughMinutes)])}
          </button>
        )}
        {view.passUntil !== null && <p class="note">{t('calmPassOpen', [formatWhen(view.passUntil, Date.now())])}</p>}
      </section>
    </main>
  );
}
