// The reflection page: the family time a parent protected, said plainly and warmly.
// It leads with the hours kept, then a small chart of the days, the thoughts parked
// and favourite prompts, the ways through and early endings as plain facts, and the
// parent's own history to save or delete. No streaks, no failures, no red.
//
// Deleting asks once, in place (never a pop-up dialog): the delete button gives way to
// one sentence saying what goes and what stays, with "Yes, delete it all" and "Keep
// it". Focus moves to "Keep it" (the choice that changes nothing, so a second press
// of Enter deletes nothing) and comes back to the delete button either way.
//
// Durations are put into words by durationWords (src/core/reflection.ts):
// none · "less than a minute" (under 30 s) · whole minutes under an hour ·
// hours and minutes to the nearest 5 under 10 hours · whole hours from 10 hours.
import { useCallback, useEffect, useId, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { durationWords, type DayTotal, type ReflectionFact, type ReflectionView } from '../../core/reflection';
import { addDays, formatDateKey } from '../../core/wallclock';
import { formatTime, formatWeekday, t } from '../../i18n';
import { ask } from '../shared/client';
import { downloadJson } from '../shared/download';
import { useFocusNext } from '../shared/focusNext';

/** How many facts show before "Show all". */
const FACTS_SHOWN = 5;
/** While the page is open, a running boundary keeps adding up. */
const REFRESH_MS = 60_000;

const DELETE_ID = 'delete-history';
const DELETE_KEEP_ID = 'delete-history-keep';
const DELETE_SENTENCE_ID = 'delete-history-sentence';

const language = () => browser.i18n.getUILanguage();
const formatNumber = (n: number, maxFraction = 0) =>
  new Intl.NumberFormat(language(), { maximumFractionDigits: maxFraction }).format(n);

/** "3 minutes", "1 hour 30 minutes", "41 hours"; "less than a minute"; 0 is "no family time". */
function formatDuration(hours: number): string {
  const words = durationWords(hours);
  switch (words.kind) {
    case 'none':
      return t('reflectionNoTime');
    case 'under-minute':
      return t('reflectionUnderMinute');
    case 'minutes':
      return minutesText(words.minutes);
    case 'hours': {
      const h = words.hours === 1 ? t('reflectionOneHour') : t('reflectionHours', [formatNumber(words.hours)]);
      return words.minutes === 0 ? h : t('reflectionHoursAndMinutes', [h, minutesText(words.minutes)]);
    }
  }
}

function minutesText(minutes: number): string {
  return minutes === 1 ? t('reflectionOneMinute') : t('reflectionMinutes', [formatNumber(minutes)]);
}

/** The short figure over a bar ("45 min", "1.5 h"); the bar's own label has the full words. */
function shortDuration(hours: number): string {
  const words = durationWords(hours);
  if (words.kind === 'none') return '';
  if (words.kind === 'under-minute') return t('reflectionShortUnderMinute');
  if (words.kind === 'minutes') return t('reflectionShortMinutes', [formatNumber(words.minutes)]);
  return t('reflectionShortHours', [formatNumber(hours, 1)]);
}

/** "Wednesday 12 March" */
function longDate(instant: number): string {
  return new Intl.DateTimeFormat(language(), { weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}

/** "today", "yesterday", "on Monday" within the week, else "on 3 March". */
function dayPhrase(at: number, now: number): string {
  const day = formatDateKey(at);
  const today = formatDateKey(now);
  if (day === today) return t('reflectionToday');
  if (day === addDays(today, -1)) return t('reflectionYesterday');
  if (day >= addDays(today, -6)) return t('reflectionOnDay', [formatWeekday(at)]);
  return t('reflectionOnDay', [new Intl.DateTimeFormat(language(), { day: 'numeric', month: 'long' }).format(at)]);
}

function factSentence(fact: ReflectionFact, now: number): string {
  const day = dayPhrase(fact.at, now);
  if (fact.kind === 'ended-early') return t('reflectionFactEndedEarly', [fact.label, day, formatTime(fact.at)]);
  if (fact.minutes === undefined) return t('reflectionFactWayThroughOpen', [fact.label, day]);
  return t('reflectionFactWayThrough', [fact.label, minutesText(fact.minutes), day]);
}

function weekLead(hours: number): string {
  const words = durationWords(hours);
  if (words.kind === 'none') return t('reflectionWeekLeadNone');
  if (words.kind === 'under-minute') return t('reflectionWeekLeadUnderMinute');
  return t('reflectionWeekLead', [formatDuration(hours)]);
}

function monthLine(hours: number): string {
  return durationWords(hours).kind === 'none' ? t('reflectionMonthLineNone') : t('reflectionMonthLine', [formatDuration(hours)]);
}

type Range = 7 | 30;

export function Reflection() {
  const [view, setView] = useState<ReflectionView | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [range, setRange] = useState<Range>(7);
  const [note, setNote] = useState('');
  const working = useRef(false);
  /** "Delete all history…" pressed: the sentence and its two buttons are showing. */
  const [confirming, setConfirming] = useState(false);

  /** The element to focus after the next render. */
  const focusNext = useFocusNext();

  const load = useCallback(async () => {
    try {
      const answer = await ask({ type: 'reflection' });
      if (answer) {
        setView(answer);
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

  /** One action at a time; the live region says what happened. */
  const act = async (action: () => Promise<string>) => {
    if (working.current) return;
    working.current = true;
    setNote('');
    try {
      setNote(await action());
    } catch {
      setNote(t('reflectionActionUnavailable'));
    } finally {
      working.current = false;
    }
  };

  const exportHistory = () =>
    act(async () => {
      const { json } = await ask({ type: 'exportHistory' });
      const name = `hearth-history-${formatDateKey(Date.now())}.json`;
      downloadJson(json, name);
      return t('reflectionExported', [name]);
    });

  const askToDelete = () => {
    setNote('');
    setConfirming(true);
    focusNext.current = DELETE_KEEP_ID;
  };

  const keepHistory = () => {
    setConfirming(false);
    focusNext.current = DELETE_ID;
  };

  const deleteHistory = () => {
    if (working.current) return;
    setConfirming(false);
    focusNext.current = DELETE_ID;
    void act(async () => {
      await ask({ type: 'clearHistory' });
      await load();
      return t('reflectionDeleted');
    });
  };

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
          <DaysSection view={view} range={range} onRange={setRange} />
          <div class="small-things">
            <section aria-labelledby="thoughts-title">
              <h2 id="thoughts-title">{t('reflectionThoughtsTitle')}</h2>
              <dl class="counts">
                <div>
                  <dt>{t('reflectionThisWeek')}</dt>
                  <dd>{formatNumber(view.thoughtsThisWeek)}</dd>
                </div>
                <div>
                  <dt>{t('reflectionThisMonth')}</dt>
                  <dd>{formatNumber(view.thoughtsThisMonth)}</dd>
                </div>
              </dl>
              <p class="note">{t('reflectionThoughtsNote')}</p>
            </section>
            <section aria-labelledby="held-title">
              <h2 id="held-title">{t('reflectionHeldTitle')}</h2>
              <dl class="counts">
                <div>
                  <dt>{t('reflectionThisWeek')}</dt>
                  <dd>{formatNumber(view.heldThisWeek)}</dd>
                </div>
                <div>
                  <dt>{t('reflectionThisMonth')}</dt>
                  <dd>{formatNumber(view.heldThisMonth)}</dd>
                </div>
              </dl>
              <p class="note">{t('reflectionHeldNote')}</p>
            </section>
            <section aria-labelledby="favourites-title">
              <h2 id="favourites-title">{t('reflectionFavouritesTitle')}</h2>
              <dl class="counts">
                <div>
                  <dt>{t('reflectionFavouritesKept')}</dt>
                  <dd>{formatNumber(view.favourites)}</dd>
                </div>
              </dl>
              <p class="note">{t('reflectionFavouritesNote')}</p>
            </section>
          </div>
          <FactsSection facts={view.facts} now={view.now} />
        </>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('reflectionHistoryTitle')}</h2>
        <p class="note">{t('reflectionHistoryNote')}</p>
        <div class="actions">
          <button type="button" onClick={() => void exportHistory()}>
            {t('reflectionExport')}
          </button>
          {!confirming && (
            <button type="button" id={DELETE_ID} onClick={askToDelete}>
              {t('reflectionDelete')}
            </button>
          )}
        </div>
        {confirming && (
          <div
            class="confirm-delete"
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                keepHistory();
              }
            }}
          >
            <p id={DELETE_SENTENCE_ID}>{t('reflectionDeleteConfirm')}</p>
            <div class="actions">
              <button type="button" aria-describedby={DELETE_SENTENCE_ID} onClick={deleteHistory}>
                {t('reflectionDeleteYes')}
              </button>
              <button
                type="button"
                id={DELETE_KEEP_ID}
                class="primary"
                aria-describedby={DELETE_SENTENCE_ID}
                onClick={keepHistory}
              >
                {t('reflectionDeleteKeep')}
              </button>
            </div>
          </div>
        )}
        <p class="announcement" role="status">
          {note}
        </p>
      </section>
    </main>
  );
}

function DaysSection({ view, range, onRange }: { view: ReflectionView; range: Range; onRange: (r: Range) => void }) {
  const days = range === 7 ? view.last7Days : view.last30Days;
  const title = range === 7 ? t('reflectionChartTitle7') : t('reflectionChartTitle30');
  const titleId = useId();
  return (
    <section aria-labelledby="days-title">
      <h2 id="days-title">{t('reflectionDaysTitle')}</h2>
      <div class="range" role="group" aria-label={t('reflectionRangeLabel')}>
        <button type="button" aria-pressed={range === 7} onClick={() => onRange(7)}>
          {t('reflectionRange7')}
        </button>
        <button type="button" aria-pressed={range === 30} onClick={() => onRange(30)}>
          {t('reflectionRange30')}
        </button>
      </div>
      <p class="chart-title" id={titleId}>
        {title}
      </p>
      <DayChart days={days} titleId={titleId} now={view.now} />
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reflectionTableDay')}</th>
            <th scope="col">{t('reflectionTableTime')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date}>
              <th scope="row">{dayName(d, view.now)}</th>
              <td>{formatDuration(d.hours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "Today, Wednesday 12 March" or "Tuesday 11 March". */
function dayName(day: DayTotal, now: number): string {
  const date = longDate(day.start);
  return day.date === formatDateKey(now) ? t('reflectionTodayDate', [date]) : date;
}

/** The smallest of these at or above the highest day: the chart's top line. */
const SCALES = [1, 2, 4, 6, 8, 12, 18, 24, 30];

// Chart geometry, in SVG units (the SVG scales to the page's width).
const WIDTH = 640;
const AXIS = 44;
const TOP = 22;
const PLOT = 150;
const BOTTOM = 26;
const HEIGHT = TOP + PLOT + BOTTOM;

function DayChart({ days, titleId, now }: { days: DayTotal[]; titleId: string; now: number }) {
  const most = days.reduce((m, d) => Math.max(m, d.hours), 0);
  const scale = SCALES.find((s) => s >= most) ?? Math.ceil(most);
  const slot = (WIDTH - AXIS) / days.length;
  const barWidth = slot * (days.length > 7 ? 0.7 : 0.56);
  const y = (hours: number) => TOP + PLOT - (hours / scale) * PLOT;
  const week = days.length <= 7;
  const shortDay = new Intl.DateTimeFormat(language(), { weekday: 'short' });
  const shortDate = new Intl.DateTimeFormat(language(), { day: 'numeric', month: 'short' });
  const today = formatDateKey(now);
  // Under the bars: every day of a week; in 30 days, Mondays, and today when no
  // Monday label sits close enough to run into it.
  const mondays = days.map((d) => new Date(d.start).getDay() === 1);
  const labels = days.map((d, i) => {
    if (week) return shortDay.format(d.start);
    const crowded = mondays.slice(Math.max(0, i - 3), i).some(Boolean);
    return mondays[i] || (d.date === today && !crowded) ? shortDate.format(d.start) : '';
  });

  return (
    <svg
      class="chart"
      role="group"
      aria-labelledby={titleId}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <g class="grid" aria-hidden="true">
        {[0, scale / 2, scale].map((h) => (
          <g key={h}>
            <line x1={AXIS} x2={WIDTH} y1={y(h)} y2={y(h)} />
            <text x={AXIS - 6} y={y(h)} dy="0.32em" text-anchor="end">
              {t('reflectionAxisHours', [formatNumber(h, 1)])}
            </text>
          </g>
        ))}
      </g>
      {days.map((d, i) => {
        const x = AXIS + i * slot + (slot - barWidth) / 2;
        const label = t('reflectionBarLabel', [dayName(d, now), formatDuration(d.hours)]);
        // A day with any family time shows at least a sliver; an empty day a faint mark.
        const height = d.hours > 0 ? Math.max(3, (d.hours / scale) * PLOT) : 1.5;
        const dayLabel = labels[i] ?? '';
        return (
          <g key={d.date} role="img" aria-label={label}>
            <title>{label}</title>
            <rect
              class={d.hours > 0 ? 'bar' : 'bar empty'}
              x={x}
              y={TOP + PLOT - height}
              width={barWidth}
              height={height}
              rx={Math.min(4, barWidth / 4)}
            />
            {week && d.hours > 0 && (
              <text class="value" aria-hidden="true" x={x + barWidth / 2} y={TOP + PLOT - height - 6} text-anchor="middle">
                {shortDuration(d.hours)}
              </text>
            )}
            {dayLabel && (
              <text
                class={d.date === today ? 'day today' : 'day'}
                aria-hidden="true"
                x={x + barWidth / 2}
                y={HEIGHT - 8}
                text-anchor="middle"
              >
                {dayLabel}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function FactsSection({ facts, now }: { facts: ReflectionFact[]; now: number }) {
  const [all, setAll] = useState(false);
  const listId = useId();
  const shown = all ? facts : facts.slice(0, FACTS_SHOWN);
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">{t('reflectionFactsTitle')}</h2>
      {facts.length === 0 ? (
        <p class="note">{t('reflectionFactsNone')}</p>
      ) : (
        <>
          <p class="note">{t('reflectionFactsNote')}</p>
          <ul class="facts" id={listId} aria-labelledby="facts-title">
            {shown.map((f) => (
              <li key={`${f.kind}|${f.at}|${f.label}`}>{factSentence(f, now)}</li>
            ))}
          </ul>
          {facts.length > FACTS_SHOWN && (
            <button type="button" class="link" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)}>
              {all ? t('reflectionFactsFewer') : t('reflectionFactsAll', [formatNumber(facts.length)])}
            </button>
          )}
        </>
      )}
    </section>
  );
}
