// The reflection page: the family time a parent protected, said plainly and warmly.
// It leads with the hours kept, then a small chart of the days, the thoughts parked
// and favourite prompts, the ways through and early endings as plain facts, and the
// parent's own history to save or delete. No streaks, no failures, no red.
//
// This file holds the page's state (the worker's view, kept fresh while the page is
// open) and its order; each section is its own component, the words are format.ts's.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { reflect, type ReflectionView } from '../../core/reflection';
import { favouritesCount } from '../shared/promptStore';
import { t } from '../../i18n';
import { ask } from '../shared/client';
import { CountCard } from './CountCard';
import { DaysSection, type Range } from './DaysSection';
import { FactsSection } from './FactsSection';
import { monthLine, weekLead } from './format';
import { HistorySection } from './HistorySection';
import { ThereForSection } from './ThereForSection';

/** While the page is open, a running boundary keeps adding up. */
const REFRESH_MS = 60_000;
/**
 * Whether the browser's own block holds what a site's background worker sends (push):
 * Chromium's content settings do; Firefox offers extensions no such block.
 */
const blocksPush = (globalThis as { chrome?: { contentSettings?: { notifications?: unknown } } }).chrome?.contentSettings?.notifications !== undefined;

export function Reflection() {
  const [view, setView] = useState<ReflectionView | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [range, setRange] = useState<Range>(7);

  const load = useCallback(async () => {
    try {
      const [answer, favourites] = await Promise.all([ask({ type: 'reflection' }), favouritesCount()]);
      if (answer) {
        setView(reflect(answer.events, answer.thoughts, favourites, Date.now()));
        setUnavailable(false);
      } else setUnavailable(true);
    } catch {
      setUnavailable(true);
    }
  }, []);

  useEffect(() => {
    void load();
    const onVisible = () => document.visibilityState === 'visible' && void load();
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(() => document.visibilityState === 'visible' && void load(), REFRESH_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    };
  }, [load]);

  const thisWeek = t('reflectionThisWeek');
  const thisMonth = t('reflectionThisMonth');
  // Thoughts parked and notifications held back: each counted this week and this month.
  const weekAndMonth = view
    ? ([
        ['thoughts', t('reflectionThoughtsTitle'), view.thoughtsThisWeek, view.thoughtsThisMonth, t('reflectionThoughtsNote')],
        ['held', t('reflectionHeldTitle'), view.heldThisWeek, view.heldThisMonth, t(blocksPush ? 'reflectionHeldNote' : 'reflectionHeldNoteFirefox')],
      ] as const)
    : [];

  return (
    <main class="reflection">
      <header>
        <h1>{t('reflectionTitle')}</h1>
        {view ? (
          <>
            <p class="lead">{weekLead(view.weekHours)}</p>
            <p class="lead-month">{monthLine(view.monthHours)}</p>
            {!view.hasHistory && <p class="note">{t('reflectionEmptyNote')}</p>}
          </>
        ) : unavailable ? (
          <p class="note">{t('reflectionUnavailable')}</p>
        ) : (
          <p aria-busy="true">{t('loading')}</p>
        )}
      </header>

      {view && (
        <>
          <ThereForSection names={view.thereFor} />
          <DaysSection view={view} range={range} onRange={setRange} />
          <div class="small-things">
            {weekAndMonth.map(([id, title, week, month, note]) => (
              <CountCard
                key={id}
                titleId={`${id}-title`}
                title={title}
                counts={[
                  { label: thisWeek, value: week },
                  { label: thisMonth, value: month },
                ]}
                note={note}
              />
            ))}
            <CountCard
              titleId="favourites-title"
              title={t('reflectionFavouritesTitle')}
              counts={[{ label: t('reflectionFavouritesKept'), value: view.favourites }]}
              note={t('reflectionFavouritesNote')}
            />
          </div>
          {view.letThroughThisWeek.count > 0 && (
            <p class="let-through-fact">
              {t('reflectionLetThrough', [String(view.letThroughThisWeek.count), view.letThroughThisWeek.rules.join(', ')])}
            </p>
          )}
          <FactsSection facts={view.facts} now={view.now} />
        </>
      )}

      <HistorySection onDeleted={load} />
    </main>
  );
}
