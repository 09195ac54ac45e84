// The worker's side of the weekly choice (core/weeklyChoice.ts): what the popup's card
// offers, saving the parent's answer (a fresh moment becomes a one-off block), and the
// plain facts history keeps of it. Names are worded here, in the browser's language.
import type { AppliedOccurrence } from '../core/desired';
import { newId } from '../core/ids';
import { occurrenceKey } from '../core/schedule';
import { parseSettings } from '../core/settings/parse';
import type { Settings } from '../core/settings/schema';
import type { Occurrence } from '../core/types';
import {
  freshDays,
  freshSpan,
  isChosen,
  isEvening,
  keptChosen,
  momentName,
  momentsOffered,
  occurrenceOfKey,
  offerName,
  refOf,
  sameRef,
  shouldAsk,
  weekKeyAt,
  type MomentWords,
} from '../core/weeklyChoice';
import { MAX_CHOSEN } from '../core/weeklyShape';
import { addDays, formatDateKey, wallInstant } from '../core/wallclock';
import { formatTime, formatWeekday, t } from '../i18n';
import type { ChooseMomentsRequest, ChooseMomentsResult, WeeklyView } from '../messages';
import { noteFacts, type NewHistoryEvent } from './history';
import { loadInstalledAt, loadSettings, updateSettings } from './store';

const WORDS: MomentWords = { weekday: formatWeekday, time: formatTime };

/** The card's question, when it is time to ask: this week's family times, and the days a fresh one can be on. */
export async function weeklyView(now: number): Promise<WeeklyView> {
  const [{ settings }, installedAt] = await Promise.all([loadSettings(), loadInstalledAt()]);
  if (!shouldAsk(settings.weeklyChoice, settings.chosen, now, installedAt)) return { ask: false };
  const today = formatDateKey(now);
  const dayName = (date: string) =>
    date === today ? t('weeklyToday') : date === addDays(today, 1) ? t('weeklyTomorrow') : formatWeekday(wallInstant(date, 12 * 60));
  return {
    ask: true,
    week: weekKeyAt(settings.weeklyChoice, now),
    offers: momentsOffered(settings.schedule, settings.weeklyChoice, now).map((o) => ({ ref: refOf(o), name: offerName(o, WORDS) })),
    days: freshDays(now).map((date) => ({ date, name: dayName(date) })),
  };
}

type Answer = { settings: Settings; facts: NewHistoryEvent[] } | { error: string };

/**
 * The parent's answer for this week: the moments ticked (only ones the card could offer
 * now), and a fresh one written with a day and time, saved as a one-off block. No
 * moments at all is "Not this week". Either way the week is answered, on every device.
 */
export async function chooseMoments(request: ChooseMomentsRequest, now: number): Promise<ChooseMomentsResult> {
  let answer = { error: t('popupActionProblem') } as Answer;
  await updateSettings((settings) => {
    answer = answered(settings, request, now);
    return 'error' in answer ? null : answer.settings;
  });
  if ('error' in answer) return { ok: false, error: answer.error };
  await noteFacts(answer.facts);
  return { ok: true };
}

/** The settings holding this week's answer, and the facts to note of it; or the sentence saying why not. */
function answered(settings: Settings, request: ChooseMomentsRequest, now: number): Answer {
  const week = weekKeyAt(settings.weeklyChoice, now);
  if (request.week !== week) return { error: t('weeklyNewWeek') };
  const picked = momentsOffered(settings.schedule, settings.weeklyChoice, now).filter((o) => request.moments.some((r) => sameRef(r, refOf(o))));
  let fresh: Occurrence | null = null;
  if (request.fresh) {
    const label = request.fresh.label.trim();
    const span = freshSpan(request.fresh, now);
    if (label === '') return { error: t('weeklyFreshNoName') };
    if ('problem' in span) return { error: t(span.problem) };
    fresh = { source: 'block', id: newId('moment'), label, kind: 'focus', ...span, date: '' };
  }
  const moments = fresh ? [...picked, fresh] : picked;
  if (moments.length > MAX_CHOSEN) return { error: t('weeklyTooMany') };
  const blocks = fresh ? [...settings.schedule.blocks, { id: fresh.id, label: fresh.label, start: fresh.start, end: fresh.end }] : settings.schedule.blocks;
  const next = parseSettings({ ...settings, schedule: { ...settings.schedule, blocks }, chosen: { week, moments: moments.map(refOf) } });
  if (!next.intact) return { error: next.problems[0] ?? t('popupActionProblem') };
  return {
    settings: next.settings,
    facts: [
      { type: 'week-answered', occurrenceKey: `week:${week}`, label: '', at: now, detail: week },
      ...moments.map((o): NewHistoryEvent => ({ type: 'moment-chosen', occurrenceKey: occurrenceKey(o), label: momentName(o, WORDS), at: now, detail: week })),
    ],
  };
}

/** The names of the chosen moments among those on now (the popup names them). */
export function chosenOn(active: readonly Occurrence[], settings: Settings): string[] {
  return active.filter((o) => isChosen(settings.chosen, o)).map((o) => momentName(o, WORDS));
}

/** The warmer heads-up for a chosen moment ("Tonight: Maya's recital"), or null for any other. */
export function chosenHeadsUp(next: Occurrence, settings: Settings): { title: string; message: string } | null {
  if (!isChosen(settings.chosen, next)) return null;
  const name = momentName(next, WORDS);
  return {
    title: t(isEvening(next.start) ? 'headsUpChosenTonight' : 'headsUpChosenToday', [name]),
    message: t('headsUpChosenMessage', [formatTime(next.start)]),
  };
}

/** Chosen moments that ran to their end between two applies: a plain fact each. */
export function keptFacts(prev: readonly AppliedOccurrence[], next: readonly AppliedOccurrence[], settings: Settings, now: number): NewHistoryEvent[] {
  const week = settings.chosen?.week ?? '';
  return keptChosen(prev, next, settings.chosen, now).map((o) => ({
    type: 'moment-kept',
    occurrenceKey: o.key,
    label: momentName({ source: occurrenceOfKey(o.key)!.source, label: o.label, start: o.start }, WORDS),
    at: o.end,
    detail: week,
  }));
}

/** Chosen moments the parent ended early: a plain fact each, beside the usual early ending. */
export function endedEarlyFacts(active: readonly Occurrence[], settings: Settings, now: number): NewHistoryEvent[] {
  return active
    .filter((o) => isChosen(settings.chosen, o))
    .map((o) => ({ type: 'moment-ended-early', occurrenceKey: occurrenceKey(o), label: momentName(o, WORDS), at: now, detail: settings.chosen!.week }));
}
