// The set-aside page, opened by the worker in place of a work page that started
// loading during family time. It says when the site will be back and offers a
// gentle way through; nothing here judges. (Over a page already open, the content
// script draws the same words as an overlay: src/content/overlay.ts.)
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CalmView } from '../../messages';
import { formatWhen, t } from '../../i18n';
import { ask } from '../shared/client';
import { familyTimeEndsFirst } from '../../core/wayThrough';
import { AddressCopy } from './AddressCopy';

interface Props {
  siteId: string;
  /** The address the parent was going to; the worker says whether it may be gone back to. */
  address: string;
}

export function Calm({ siteId, address }: Props) {
  const [view, setView] = useState<CalmView | null>(null);

  useEffect(() => {
    const load = () => ask({ type: 'calm', siteId, address }).then(setView);
    void load();
    // When family time ends, a set-aside page goes back to where the parent was going.
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [siteId, address]);

  useEffect(() => {
    if (!view) return;
    const done = view.until === null || view.passUntil !== null;
    if (done && view.returnTo) location.replace(view.returnTo);
    if (view.until === null) return;
    // Look again as family time ends, and as it comes nearer than a way through's minutes (the button then says "until").
    const sooner = view.until - view.wayThroughMinutes * 60_000;
    const next = sooner > Date.now() ? sooner : view.until;
    const timer = setTimeout(() => ask({ type: 'calm', siteId, address }).then(setView), Math.max(500, next - Date.now() + 500));
    return () => clearTimeout(timer);
  }, [view, address, siteId]);

  const heading = useRef<HTMLHeadingElement>(null);
  const goThrough = async () => {
    await ask({ type: 'wayThrough', siteId });
    setView(await ask({ type: 'calm', siteId, address }));
    // The button is gone (no address to go back to, or one not yet loaded): focus rests on
    // the heading, and the status below says until when it is open.
    heading.current?.focus();
  };

  const name = view?.name || t('calmThisSite');
  const over = view !== null && view.until === null;
  useEffect(() => {
    document.title = t(over ? 'calmBackPageTitle' : 'calmPageTitle', [name]);
  }, [name, over]);

  if (!view) return null;
  return (
    <main class="calm">
      <section class="card" aria-labelledby="calm-title">
        <h1 id="calm-title" tabIndex={-1} ref={heading}>
          {over ? t('calmBackTitle', [name]) : t('calmTitle')}
        </h1>
        <p>
          {view.until !== null ? t('calmUntil', [name, formatWhen(view.until, Date.now())]) : t('calmOver', [name])}
        </p>
        {view.until !== null && view.passUntil === null && (
          <button type="button" class="primary" onClick={goThrough}>
            {wayThroughWords(view.wayThroughMinutes, view.until, Date.now())}
          </button>
        )}
        <p class="note" role="status">
          {view.passUntil !== null ? t('calmPassOpen', [formatWhen(view.passUntil, Date.now())]) : ''}
        </p>
        {view.returnTo && <AddressCopy address={view.returnTo} />}
      </section>
    </main>
  );
}

/** "Go through for 10 minutes"; "Go through until 10:00 PM" when family time ends sooner (the way through ends with it). */
function wayThroughWords(minutes: number, until: number, now: number): string {
  if (familyTimeEndsFirst(now, minutes, until)) return t('calmWayThroughUntil', [formatWhen(until, now)]);
  return minutes === 1 ? t('calmWayThroughOne') : t('calmWayThrough', [String(minutes)]);
}
