// Desired state: what the browser should show, from settings, passes and the clock alone.
import { armedStart, endingSoon, nextArming, type Armed, type Span } from './arming';
import { nextPassEnd, sitePlans, type Pass, type SitePlan } from './quiet';
import { activeAt, familyTimeUntil, nextStart, nextTransition, occurrenceKey } from './schedule';
import type { Settings } from './settings/schema';
import type { Occurrence } from './types';
import { headsUpMinutesFor } from './weeklyChoice';

export interface Desired {
  active: Occurrence[];
  until: number | null;
  next: Occurrence | null;
  /** Set in the few seconds before a start (core/arming.ts): `sites` are planned for it. */
  armed: Armed | null;
  /** Every listed work site with its effective mode while family time is on or armed; empty otherwise. */
  sites: SitePlan[];
  /** When the heads-up for `next` is due (the parent's chosen minutes before it, earlier for a chosen moment), or null. */
  headsUpAt: number | null;
  /** When reconcile has to run again (a transition, a heads-up, the end of a way through), or null. */
  wakeAt: number | null;
  /** Family time ends within the arming lead: tucked tabs are woken for it (core/arming.ts). */
  ending: boolean;
  /** When the next start is to be armed, or the end readied (its own alarm, set well ahead like the start's), or null. */
  armAt: number | null;
}

type Inputs = Pick<Settings, 'schedule' | 'sites'> & {
  preferences?: Pick<Settings['preferences'], 'headsUp' | 'headsUpMinutes'>;
  /** This week's chosen moments: their heads-up comes earlier (core/weeklyChoice.ts). */
  chosen?: Settings['chosen'];
};

export function desiredState(settings: Inputs, passes: readonly Pass[], now: number): Desired {
  const active = activeAt(settings.schedule, now);
  const next = nextStart(settings.schedule, now);
  const prefs = settings.preferences;
  const until = familyTimeUntil(settings.schedule, now);
  // No heads-up for a window that follows on from family time already on.
  const lead = next && prefs?.headsUp ? next.start - headsUpMinutesFor(next, settings.chosen, prefs.headsUpMinutes) * 60_000 : null;
  const headsUpAt = lead !== null && (until === null || lead >= until) ? lead : null;
  const wakes = [nextTransition(settings.schedule, now), nextPassEnd(passes, now), headsUpAt !== null && headsUpAt > now ? headsUpAt : null];
  const future = wakes.filter((t): t is number => t !== null);
  const on = active.length > 0;
  const from = armedStart(next, on, now);
  const armed = from === null ? null : { from, until: familyTimeUntil(settings.schedule, from) };
  return {
    active,
    until,
    next,
    armed,
    // A way through belongs to the family time it was opened in, never to the next one.
    sites: sitePlans(settings.sites, armed ? [] : passes, on || armed !== null, now),
    headsUpAt,
    wakeAt: future.length ? Math.min(...future) : null,
    ending: endingSoon(until, on, now),
    armAt: nextArming(next, on, until, now),
  };
}

/** The family time `sites` are planned for. */
export function spanOf(desired: Desired): Span {
  return desired.armed ?? { from: null, until: desired.until };
}

/** A heads-up noticed later than this (the computer was asleep, the window was just created) is left out. */
const HEADS_UP_GRACE_MS = 2 * 60_000;

/** The heads-up is due: its time has just come and family time has not started yet. */
export function headsUpDue(desired: Desired, now: number): boolean {
  const { headsUpAt, next, active } = desired;
  if (headsUpAt === null || next === null || active.length > 0) return false;
  return headsUpAt <= now && now < Math.min(next.start, headsUpAt + HEADS_UP_GRACE_MS);
}

/** What reconcile remembers in storage of the last state it applied. */
export interface AppliedOccurrence {
  key: string;
  label: string;
  start: number;
  end: number;
}

export function toApplied(o: Occurrence): AppliedOccurrence {
  return { key: occurrenceKey(o), label: o.label, start: o.start, end: o.end };
}

export interface Transition {
  type: 'boundary-start' | 'boundary-end';
  occurrenceKey: string;
  label: string;
  at: number;
}

/**
 * The boundaries that came on or went off between two applied states.
 * A start is dated at the occurrence's start; an end at its scheduled end, or
 * at `now` when it went off sooner (ended early, skipped, or deleted), but never
 * before its start: a clock set back before a running occurrence takes it off too,
 * and an end dated earlier than its start would say it lasted less than nothing.
 */
export function transitions(prev: AppliedOccurrence[], next: AppliedOccurrence[], now: number): Transition[] {
  const before = new Set(prev.map((o) => o.key));
  const after = new Set(next.map((o) => o.key));
  const started = next
    .filter((o) => !before.has(o.key))
    .map((o): Transition => ({ type: 'boundary-start', occurrenceKey: o.key, label: o.label, at: o.start }));
  const ended = prev
    .filter((o) => !after.has(o.key))
    .map((o): Transition => ({ type: 'boundary-end', occurrenceKey: o.key, label: o.label, at: Math.max(o.start, Math.min(o.end, now)) }));
  return [...ended, ...started];
}
